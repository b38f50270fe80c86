"""`/toughclient` over real HTTP: every subcommand answers the asker, ephemerally."""

from __future__ import annotations

from typing import Any

import pytest

from bot.slack import ids
from tests.slack.harness import Harness

pytestmark = pytest.mark.asyncio(loop_scope="module")


def shown(answer: dict[str, Any]) -> str:
    """Everything a person would read in an answer: block texts, fields, the fallback."""
    parts = [answer.get("text", "")]
    for block in answer.get("blocks", []):
        parts.append(str((block.get("text") or {}).get("text", "")))
        parts += [
            str(e.get("text", "")) for e in block.get("elements", []) if e.get("type") == "mrkdwn"
        ]
    return "\n".join(parts)


async def answer_to(slack: Harness, text: str, *, user: str = "U1") -> dict[str, Any]:
    reply, name = await slack.command(text, user=user)
    assert reply.status == 200
    await slack.mock.wait_for(lambda: slack.mock.answers(name))
    answer = slack.mock.answers(name)[0]
    assert answer["response_type"] == "ephemeral"
    return answer


async def test_help_lists_every_subcommand(slack: Harness) -> None:
    answer = await answer_to(slack, "help")
    for word in ("check", "no", "log", "incidents", "promises", "digest"):
        assert f"/toughclient {word}" in shown(answer)


async def test_an_empty_command_shows_usage(slack: Harness) -> None:
    assert "/toughclient promises" in shown(await answer_to(slack, ""))


async def test_a_mistyped_subcommand_suggests_the_right_one(slack: Harness) -> None:
    text = shown(await answer_to(slack, "promsies"))
    assert "Did you mean `/toughclient promises`?" in text
    assert "/toughclient log" in text


async def test_check_coaches_flags_promises_and_rewrite(slack: Harness) -> None:
    answer = await answer_to(slack, "check No. We can't do that. I'll get right back to you.")
    text = shown(answer)
    assert "Hard no" in text or "Vague promise" in text
    assert "Suggested rewrite" in text
    actions = [b for b in answer["blocks"] if b["type"] == "actions"]
    assert any(e["action_id"] == ids.USE_REWRITE for e in actions[0]["elements"])


async def test_a_bare_draft_is_coached_like_check(slack: Harness) -> None:
    text = shown(await answer_to(slack, "I understand. Per my last email, calm down."))
    assert "Defensive" in text


async def test_no_with_a_draft_focuses_on_the_refusal(slack: Harness) -> None:
    text = shown(await answer_to(slack, "no We can't refund that."))
    assert "Softening your no" in text
    assert "Hard no" in text


async def test_no_without_a_draft_opens_the_soften_form(slack: Harness) -> None:
    reply, _ = await slack.command("no")
    assert reply.status == 200
    await slack.mock.wait_for(lambda: slack.mock.of("views.open"))
    view = slack.mock.of("views.open")[0].params["view"]
    assert view["callback_id"] == ids.VIEW_SOFTEN_NO
    blocks = [b["block_id"] for b in view["blocks"]]
    assert blocks == [ids.ASKED_FOR, ids.WHY_NOT, ids.ALTERNATIVES]


async def test_log_with_text_records_one_incident_and_confirms(slack: Harness) -> None:
    answer = await answer_to(slack, 'log "Acme Corp" shouted about the invoice')
    assert "Incident logged" in shown(answer)
    found = slack.service.list_incidents(slack.actor(), customer="Acme Corp")
    assert [i.what_happened for i in found] == ["shouted about the invoice"]
    assert found[0].channel_id == "C1"


async def test_log_without_text_opens_the_incident_form(slack: Harness) -> None:
    reply, _ = await slack.command("log")
    assert reply.status == 200
    await slack.mock.wait_for(lambda: slack.mock.of("views.open"))
    view = slack.mock.of("views.open")[0].params["view"]
    assert view["callback_id"] == ids.VIEW_LOG_INCIDENT
    assert {ids.CUSTOMER, ids.WHAT_HAPPENED, ids.DUE, ids.SEVERITY, ids.KIND} <= {
        b["block_id"] for b in view["blocks"]
    }


async def test_log_with_only_a_customer_prefills_the_form(slack: Harness) -> None:
    await slack.command("log Globex")
    await slack.mock.wait_for(lambda: slack.mock.of("views.open"))
    view = slack.mock.of("views.open")[0].params["view"]
    customer = next(b for b in view["blocks"] if b["block_id"] == ids.CUSTOMER)
    assert customer["element"]["initial_value"] == "Globex"


async def test_incidents_lists_recent_ones(slack: Harness) -> None:
    await answer_to(slack, "log Initech: printer caught fire")
    text = shown(await answer_to(slack, "incidents"))
    assert "Recent incidents" in text and "Initech" in text and "printer caught fire" in text


async def test_incidents_for_a_customer_shows_history_and_signal(slack: Harness) -> None:
    await answer_to(slack, "log Umbrella: threatened to sue over a typo")
    text = shown(await answer_to(slack, "incidents Umbrella"))
    assert "Umbrella: 1 incident." in text
    assert "problem customer" in text or "customer with a problem" in text


async def test_promises_lists_open_ones_with_kept_and_cancel(slack: Harness) -> None:
    actor = slack.actor("U7")
    slack.service.track_promise(actor, text="send the refund form by Friday")
    answer = await answer_to(slack, "promises", user="U7")
    assert "send the refund form by Friday" in shown(answer)
    buttons = [
        e["action_id"] for b in answer["blocks"] if b["type"] == "actions" for e in b["elements"]
    ]
    assert buttons == [
        ids.PROMISE_KEPT, ids.PROMISE_SNOOZE, ids.PROMISE_NEW_DATE, ids.PROMISE_CANCEL
    ]


async def test_promises_when_there_are_none(slack: Harness) -> None:
    assert "No open promises" in shown(await answer_to(slack, "promises", user="U8"))


async def test_digest_previews_the_weekly_digest(slack: Harness) -> None:
    slack.service.track_promise(slack.actor("U9"), text="call Dana back")
    answer = await answer_to(slack, "digest", user="U9")
    assert "Preview of your weekly digest" in shown(answer)
    assert "call Dana back" in shown(answer)
