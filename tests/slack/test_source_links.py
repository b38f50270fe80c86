"""Incidents and promises keep a link to the Slack message they came from.

From the "Coach a reply" shortcut the source is the customer's message (its
channel and ts ride in the modal's metadata); from a coached DM's buttons it
is that DM message. The link comes from `chat.getPermalink`; when Slack will
not give one, the record is still kept, without a link.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from bot.slack import ids
from tests.slack.harness import Harness, block_action, view_submission
from tests.slack.mock_slack import TEAM_ID
from tests.slack.test_modals import log_values

pytestmark = pytest.mark.asyncio(loop_scope="module")

CUSTOMER_TS = "1700000040.000100"
CUSTOMER_LINK = "https://test.slack.com/archives/C_SOURCE/p1700000040000100"


def shortcut(trigger: str) -> dict[str, Any]:
    return {
        "type": "message_action",
        "callback_id": ids.SHORTCUT_COACH_REPLY,
        "trigger_id": trigger,
        "response_url": "https://hooks.invalid/none",
        "team": {"id": TEAM_ID, "domain": "test"},
        "user": {"id": "U1", "username": "ada", "team_id": TEAM_ID},
        "channel": {"id": "C_SOURCE", "name": "acme-shared"},
        "message": {
            "type": "message",
            "user": "U_CUSTOMER",
            "text": "Where is my refund??",
            "ts": CUSTOMER_TS,
            "user_profile": {"display_name": "Wile E."},
        },
    }


def buttons(view_or_message: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        e["action_id"]: e
        for b in view_or_message["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
    }


async def coached_modal(slack: Harness, view_id: str) -> dict[str, Any]:
    """Shortcut, then submit a draft: the result modal as Slack would show it."""
    await slack.interact(shortcut(f"trig-{view_id}"))
    await slack.mock.wait_for(lambda: slack.mock.of("views.open"))
    opened = slack.mock.of("views.open")[0].params["view"]
    draft = {ids.DRAFT: {"type": "plain_text_input", "value": "I'll call you by 3pm tomorrow."}}
    submission = view_submission(
        ids.VIEW_COACH_REPLY, draft, view_id=view_id, private_metadata=opened["private_metadata"]
    )
    await slack.interact(submission)
    await slack.mock.wait_for(lambda: slack.mock.of("views.update"))
    result = slack.mock.of("views.update")[0].params["view"]
    slack.mock.clear()
    return {**result, "id": view_id, "hash": "h2", "type": "modal"}


def promise_links(slack: Harness, text: str) -> list[tuple[Any, ...]]:
    return slack.rows("SELECT source_link FROM promises WHERE text = ?", text)


async def submit_log_form(slack: Harness, pushed_or_opened: str, customer: str) -> None:
    form = slack.mock.of(pushed_or_opened)[0].params["view"]
    submission = view_submission(
        ids.VIEW_LOG_INCIDENT,
        log_values(customer=customer),
        view_id=slack.next_id("VLOGSRC"),
        private_metadata=form["private_metadata"],
    )
    await slack.interact(submission)
    await slack.mock.wait_for(lambda: slack.mock.of("views.update"))


async def test_a_promise_tracked_from_coach_a_reply_links_the_customers_message(
    slack: Harness,
) -> None:
    view = await coached_modal(slack, "VSRC1")
    track = next(e for a, e in buttons(view).items() if a.startswith(ids.TRACK_PROMISE))
    click = block_action(
        track["action_id"],
        track["value"],
        container={"type": "view", "view_id": "VSRC1"},
        view=view,
    )
    await slack.interact(click)
    await slack.mock.wait_for(lambda: slack.mock.of("views.update"))
    text = json.loads(track["value"])["t"]
    assert promise_links(slack, text) == [(CUSTOMER_LINK,)]


async def test_an_incident_logged_from_coach_a_reply_keeps_channel_and_link(
    slack: Harness,
) -> None:
    view = await coached_modal(slack, "VSRC2")
    log = buttons(view)[ids.OPEN_LOG_MODAL]
    click = block_action(
        ids.OPEN_LOG_MODAL,
        log["value"],
        container={"type": "view", "view_id": "VSRC2"},
        view=view,
        trigger_id="trig-src2-log",
    )
    await slack.interact(click)
    await slack.mock.wait_for(lambda: slack.mock.of("views.push"))
    await submit_log_form(slack, "views.push", "Shortcut Co")
    rows = slack.rows(
        "SELECT channel_id, source_link FROM incidents WHERE customer = 'Shortcut Co'"
    )
    assert rows == [("C_SOURCE", CUSTOMER_LINK)]
    agreed = slack.rows(
        "SELECT source_link FROM promises WHERE text = 'Send a credit note' "
        "AND source_link IS NOT NULL"
    )
    assert (CUSTOMER_LINK,) in agreed


def coached_dm(ts: str) -> dict[str, Any]:
    value = json.dumps({"i": 0, "t": f"call back ({ts})", "d": "2031-01-03T17:00:00+00:00"})
    return {
        "ts": ts,
        "text": "coached",
        "blocks": [
            {
                "type": "actions",
                "block_id": "coaching_actions",
                "elements": [
                    {
                        "type": "button",
                        "action_id": f"{ids.TRACK_PROMISE}_0",
                        "value": value,
                        "text": {"type": "plain_text", "text": "Track"},
                    },
                ],
            }
        ],
    }


async def track_from_dm(slack: Harness, ts: str, user: str) -> None:
    """Press Track under a coached DM sent at `ts`, and wait for the DM to be updated."""
    message = coached_dm(ts)
    track = buttons(message)[f"{ids.TRACK_PROMISE}_0"]
    click = block_action(
        track["action_id"],
        track["value"],
        container={"type": "message", "message_ts": message["ts"], "channel_id": "D0DM"},
        message=message,
        user=user,
    )
    await slack.interact(click)
    await slack.mock.wait_for(lambda: slack.mock.of("chat.update"))


async def test_a_promise_tracked_from_a_dm_links_that_message(slack: Harness) -> None:
    await track_from_dm(slack, "1700000041.000200", "USRC3")
    link = "https://test.slack.com/archives/D0DM/p1700000041000200"
    assert promise_links(slack, "call back (1700000041.000200)") == [(link,)]


async def test_an_incident_logged_from_a_dm_links_that_message(slack: Harness) -> None:
    click = block_action(
        ids.OPEN_LOG_MODAL,
        json.dumps({"agreed": "", "draft": "x"}),
        container={"type": "message", "message_ts": "1700000042.000300", "channel_id": "D0DM"},
        message={"ts": "1700000042.000300", "text": "x", "blocks": []},
        trigger_id="trig-src4",
    )
    await slack.interact(click)
    await slack.mock.wait_for(lambda: slack.mock.of("views.open"))
    await submit_log_form(slack, "views.open", "DM Co")
    rows = slack.rows("SELECT channel_id, source_link FROM incidents WHERE customer = 'DM Co'")
    assert rows == [("D0DM", "https://test.slack.com/archives/D0DM/p1700000042000300")]


async def test_without_a_permalink_the_promise_is_still_tracked(slack: Harness) -> None:
    slack.mock.fail("chat.getPermalink", "channel_not_found")
    await track_from_dm(slack, "1700000043.000400", "USRC5")
    assert slack.mock.of("chat.getPermalink")
    assert promise_links(slack, "call back (1700000043.000400)") == [(None,)]


async def test_a_slash_command_incident_has_no_source_link(slack: Harness) -> None:
    _, name = await slack.command("log Plain Co: shouted on the phone")
    await slack.mock.wait_for(lambda: slack.mock.answers(name))
    assert slack.rows("SELECT source_link FROM incidents WHERE customer = 'Plain Co'") == [(None,)]
    assert slack.mock.of("chat.getPermalink") == []
