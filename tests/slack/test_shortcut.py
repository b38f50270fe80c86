"""The "Coach a reply" shortcut: modal, submission, coaching, records, tracked promises."""

from __future__ import annotations

import json

import pytest

from bot.slack import ids
from tests.slack.harness import Harness, block_action, view_submission
from tests.slack.mock_slack import TEAM_ID

pytestmark = pytest.mark.asyncio(loop_scope="module")


def shortcut_payload(text: str, *, channel_team: str = TEAM_ID) -> dict:
    return {
        "type": "message_action",
        "callback_id": ids.SHORTCUT_COACH_REPLY,
        "trigger_id": "trig-shortcut",
        "response_url": "https://hooks.invalid/none",
        "team": {"id": TEAM_ID, "domain": "test"},
        "user": {"id": "U1", "username": "ada", "team_id": TEAM_ID},
        "channel": {"id": "C_SHARED", "name": "acme-shared"},
        "message": {
            "type": "message",
            "user": "U_CUSTOMER",
            "user_team": channel_team,
            "text": text,
            "ts": "1700000003.000100",
            "user_profile": {"display_name": "Wile E."},
        },
    }


async def open_shortcut(slack: Harness, text: str, **kwargs: str) -> dict:
    reply = await slack.interact(shortcut_payload(text, **kwargs))
    assert reply.status == 200
    await slack.mock.wait_for(lambda: slack.mock.of("views.open"))
    return slack.mock.of("views.open")[0].params["view"]


async def test_the_shortcut_opens_a_modal_with_the_customer_message_escaped(slack: Harness) -> None:
    view = await open_shortcut(slack, "&lt;!channel&gt; where is my refund?? <@U1>")
    assert view["callback_id"] == ids.VIEW_COACH_REPLY
    shown = json.dumps(view["blocks"])
    assert "&lt;!channel&gt; where is my refund??" in shown
    assert "<!channel>" not in shown and "<@U1>" not in shown
    assert any(b.get("block_id") == ids.DRAFT for b in view["blocks"])
    assert json.loads(view["private_metadata"])["customer"] == "Wile E."


async def test_submitting_a_draft_shows_coaching_and_records_it(slack: Harness) -> None:
    view = await open_shortcut(slack, "This is the third time I ask!", channel_team="T_FOREIGN")
    submission = view_submission(
        ids.VIEW_COACH_REPLY,
        {
            ids.DRAFT: {
                "type": "plain_text_input",
                "value": "I'll get back to you soon. Can't refund.",
            }
        },
        view_id="VSHORT1",
        private_metadata=view["private_metadata"],
    )
    reply = await slack.interact(submission)
    assert reply.status == 200
    assert reply.json()["response_action"] == "update"
    await slack.mock.wait_for(lambda: slack.mock.of("views.update"))
    result = slack.mock.of("views.update")[0].params
    assert result["view_id"] == "VSHORT1"
    text = json.dumps(result["view"]["blocks"])
    assert "Suggested rewrite" in text
    # the coaching event belongs to the installing workspace, not the customer's
    events = slack.rows("SELECT tenant_id, user_id, flag_codes FROM coaching_events")
    assert events and {(t, u) for t, u, _ in events} == {(TEAM_ID, "U1")}
    assert any(codes for _, _, codes in events)


async def test_an_empty_draft_is_refused_in_the_modal(slack: Harness) -> None:
    submission = view_submission(
        ids.VIEW_COACH_REPLY, {ids.DRAFT: {"type": "plain_text_input", "value": "  "}}, view_id="V2"
    )
    reply = await slack.interact(submission)
    assert reply.json() == {
        "response_action": "errors",
        "errors": {ids.DRAFT: "Write your draft reply first."},
    }


async def test_tracking_a_promise_from_the_result_updates_the_modal(slack: Harness) -> None:
    submission = view_submission(
        ids.VIEW_COACH_REPLY,
        {ids.DRAFT: {"type": "plain_text_input", "value": "I'll call you by 3pm tomorrow."}},
        view_id="VTRACK",
        private_metadata=json.dumps({"customer": "Wile E."}),
    )
    await slack.interact(submission)
    await slack.mock.wait_for(lambda: slack.mock.of("views.update"))
    result = slack.mock.of("views.update")[0].params["view"]
    track = next(
        e
        for b in result["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
        if e["action_id"].startswith(ids.TRACK_PROMISE)
    )
    slack.mock.clear()
    shown_view = {**result, "id": "VTRACK", "hash": "h2", "type": "modal"}
    click = block_action(
        track["action_id"],
        track["value"],
        container={"type": "view", "view_id": "VTRACK"},
        view=shown_view,
    )
    assert (await slack.interact(click)).status == 200
    await slack.mock.wait_for(lambda: slack.mock.of("views.update"))
    updated = json.dumps(slack.mock.of("views.update")[0].params["view"]["blocks"])
    assert "Tracking:" in updated and track["action_id"] not in updated
    promises = slack.service.open_promises(slack.actor("U1"))
    assert any(p.customer == "Wile E." and p.due is not None for p in promises)
    # a second click on the same button does not track it twice
    before = len(slack.service.open_promises(slack.actor("U1")))
    await slack.interact({**click, "actions": [{**click["actions"][0], "action_ts": "2"}]})
    await slack.mock.wait_for(lambda: len(slack.mock.of("views.update")) == 2)
    assert len(slack.service.open_promises(slack.actor("U1"))) == before
