"""Slack shows the rules answer at once, then the model's rewrite in the same message.

The real server, signed requests, the mock Slack API and the real openai client
talking to the local fake OpenAI server.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.slack import ids
from tests.llm.fake_openai import FakeOpenAI
from tests.slack.harness import Harness, dm, slack_harness, view_submission
from tests.slack.mock_slack import TEAM_ID

DRAFT = "I understand. We can't refund order #4521. I'll get back to you ASAP."
MODEL_REPLY = (
    "Thank you for telling me about order #4521, and I'm sorry it has been frustrating. "
    "We can't refund this order, because [the reason]. I'll get back to you by 11 am "
    "tomorrow. What we can do instead is [another option]. Which would you prefer?"
)
IDEA = "a call with our returns team"


@pytest.fixture
async def slack(tmp_path: Path, fake: FakeOpenAI) -> AsyncIterator[Harness]:
    async with slack_harness(
        tmp_path, openai_api_key="sk-test", openai_base_url=fake.base_url, openai_timeout=5.0
    ) as harness:
        yield harness


def text_of(blocks: list[dict]) -> str:
    return json.dumps(blocks)


async def test_a_dm_gets_the_rules_answer_then_the_model_rewrite_in_the_same_message(
    slack: Harness, fake: FakeOpenAI
) -> None:
    fake.answers(MODEL_REPLY, alternatives=[IDEA])
    await slack.event(dm(DRAFT))
    await slack.mock.wait_for(lambda: slack.mock.of("chat.update"))
    posted = slack.mock.of("chat.postMessage")[0].params
    updated = slack.mock.of("chat.update")[0].params
    assert "(rules)" in text_of(posted["blocks"])
    assert updated["channel"] == "D0DM" and updated["ts"]
    shown = text_of(updated["blocks"])
    assert "AI, re-checked by the rules" in shown
    assert "I'll get back to you by 11 am tomorrow" in shown
    assert IDEA in shown and "Alternatives you could offer" in shown
    rewrite_button = next(
        e for b in updated["blocks"] if b["type"] == "actions" for e in b["elements"]
        if e["action_id"] == ids.USE_REWRITE
    )
    assert rewrite_button["value"] == MODEL_REPLY
    assert IDEA not in rewrite_button["value"]
    await slack.mock.wait_for(
        lambda: slack.rows("SELECT rewrite_source FROM coaching_events") == [("llm",)]
    )


async def test_a_model_that_fails_leaves_the_rules_answer_untouched(
    slack: Harness, fake: FakeOpenAI
) -> None:
    fake.raw("not json at all")
    await slack.event(dm(DRAFT))
    await slack.mock.wait_for(lambda: slack.mock.of("chat.postMessage"))
    await slack.mock.wait_for(lambda: fake.requests)
    # A later DM, coached and rewritten, shows the first one is finished.
    fake.answers(MODEL_REPLY)
    await slack.event(dm(DRAFT, channel="D0LATER"))
    await slack.mock.wait_for(lambda: slack.mock.of("chat.update"))
    updates = slack.mock.of("chat.update")
    assert [u.params["channel"] for u in updates] == ["D0LATER"]
    first = slack.mock.of("chat.postMessage")[0].params
    assert "(rules)" in text_of(first["blocks"])


async def test_check_answers_with_the_rules_then_replaces_it_with_the_model_rewrite(
    slack: Harness, fake: FakeOpenAI
) -> None:
    fake.answers(MODEL_REPLY)
    _reply, name = await slack.command(f"check {DRAFT}")
    await slack.mock.wait_for(lambda: len(slack.mock.answers(name)) == 2)
    first, second = slack.mock.answers(name)
    assert "(rules)" in text_of(first["blocks"])
    assert second["replace_original"] is True and second["response_type"] == "ephemeral"
    assert "AI, re-checked by the rules" in text_of(second["blocks"])


async def test_no_with_a_draft_asks_the_model_to_soften_it(
    slack: Harness, fake: FakeOpenAI
) -> None:
    fake.answers(MODEL_REPLY)
    _reply, name = await slack.command(f"no {DRAFT}")
    await slack.mock.wait_for(lambda: len(slack.mock.answers(name)) == 2)
    assert "soften" in fake.system_messages()[0].lower()


async def test_the_soften_form_shows_the_model_reply_with_the_writers_alternatives(
    slack: Harness, fake: FakeOpenAI
) -> None:
    reply = (
        "Thank you for asking about a refund for last year. I'm sorry, but refunds only apply "
        "within 30 days, so we can't refund it. What we can do is a credit or a free month. "
        "Which would you prefer?"
    )
    fake.answers(reply)
    values = {
        ids.ASKED_FOR: {"type": "plain_text_input", "value": "a refund for last year"},
        ids.WHY_NOT: {"type": "plain_text_input", "value": "refunds only apply within 30 days"},
        ids.ALTERNATIVES: {"type": "plain_text_input", "value": "- a credit\n- a free month"},
    }
    await slack.interact(view_submission(ids.VIEW_SOFTEN_NO, values, view_id="VSOFTLLM"))
    await slack.mock.wait_for(lambda: len(slack.mock.of("views.update")) == 2)
    first, second = (c.params for c in slack.mock.of("views.update"))
    assert first["view_id"] == second["view_id"] == "VSOFTLLM"
    assert "AI, re-checked by the rules" in text_of(second["view"]["blocks"])
    data = fake.user_messages()[0]
    assert "a free month" in data and "refunds only apply within 30 days" in data


async def test_coach_a_reply_sends_the_customer_message_as_context(
    slack: Harness, fake: FakeOpenAI
) -> None:
    fake.answers(MODEL_REPLY)
    meta = json.dumps({"customer": "Wile E.", "message": "Where is my refund for #4521??"})
    draft = {ids.DRAFT: {"type": "plain_text_input", "value": DRAFT}}
    await slack.interact(
        view_submission(ids.VIEW_COACH_REPLY, draft, view_id="VCRLLM", private_metadata=meta)
    )
    await slack.mock.wait_for(lambda: len(slack.mock.of("views.update")) == 2)
    assert "Where is my refund for #4521??" in fake.user_messages()[0]
    assert "Where is my refund" not in fake.system_messages()[0]
    second = slack.mock.of("views.update")[1].params
    assert "AI, re-checked by the rules" in text_of(second["view"]["blocks"])


async def test_a_workspace_that_turned_the_model_off_sends_nothing_to_it(
    slack: Harness, fake: FakeOpenAI
) -> None:
    slack.service.set_tenant_llm("slack", TEAM_ID, False, by="U_ADMIN")
    await slack.event(dm(DRAFT))
    await slack.mock.wait_for(lambda: slack.mock.of("chat.postMessage"))
    _reply, name = await slack.command(f"check {DRAFT}")
    await slack.mock.wait_for(lambda: slack.mock.answers(name))
    await slack.event(dm("Sentinel: we can't do that.", channel="D0SENTINEL"))
    await slack.mock.wait_for(lambda: len(slack.mock.of("chat.postMessage")) == 2)
    assert fake.requests == []
    assert slack.mock.of("chat.update") == []


async def test_a_workspace_admin_turns_the_model_off_and_on_with_the_ai_command(
    slack: Harness, fake: FakeOpenAI
) -> None:
    slack.mock.admins.add("U_ADMIN")
    _reply, name = await slack.command("ai off", user="U_ADMIN")
    await slack.mock.wait_for(lambda: slack.mock.answers(name))
    assert "now off" in text_of(slack.mock.answers(name)[0]["blocks"])
    assert slack.service.tenant_llm_enabled("slack", TEAM_ID) is False
    assert slack.rows("SELECT updated_by FROM tenant_settings") == [("U_ADMIN",)]
    _reply, name = await slack.command("ai")
    await slack.mock.wait_for(lambda: slack.mock.answers(name))
    assert "The AI rewriter is off here" in text_of(slack.mock.answers(name)[0]["blocks"])
    _reply, name = await slack.command("ai on", user="U_ADMIN")
    await slack.mock.wait_for(lambda: slack.mock.answers(name))
    assert slack.service.tenant_llm_enabled("slack", TEAM_ID) is True


async def test_someone_who_is_not_an_admin_cannot_switch_the_model(
    slack: Harness, fake: FakeOpenAI
) -> None:
    _reply, name = await slack.command("ai off", user="U_PLAIN")
    await slack.mock.wait_for(lambda: slack.mock.answers(name))
    assert "Only a workspace admin" in text_of(slack.mock.answers(name)[0]["blocks"])
    assert slack.service.tenant_llm_enabled("slack", TEAM_ID) is True


async def test_a_draft_that_starts_with_ai_is_coached_not_taken_for_the_command(
    slack: Harness, fake: FakeOpenAI
) -> None:
    fake.answers(MODEL_REPLY)
    _reply, name = await slack.command("AI can't fix this, we can't refund it.")
    await slack.mock.wait_for(lambda: slack.mock.answers(name))
    assert "Suggested rewrite" in text_of(slack.mock.answers(name)[0]["blocks"])
