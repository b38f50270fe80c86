"""App Home publishing, every button, settings, and a rate-limited Web API."""

from __future__ import annotations

import json

import pytest

from bot.slack import ids
from tests.slack.harness import Harness, block_action
from tests.slack.mock_slack import TEAM_ID

pytestmark = pytest.mark.asyncio(loop_scope="module")


def home_opened(user: str = "U1", tab: str = "home") -> dict:
    return {"type": "app_home_opened", "user": user, "channel": "D0DM", "tab": tab}


async def published(slack: Harness, count: int = 1) -> dict:
    await slack.mock.wait_for(lambda: len(slack.mock.of("views.publish")) >= count)
    return slack.mock.of("views.publish")[count - 1].params


def home_view(user: str) -> dict:
    return {"id": "VHOME", "type": "home", "hash": "h", "blocks": []}


async def test_app_home_shows_overdue_promises_first(slack: Harness) -> None:
    actor = slack.actor("UH1")
    from datetime import UTC, datetime, timedelta

    slack.service.track_promise(
        actor, text="later promise", due=datetime.now(UTC) + timedelta(days=3)
    )
    slack.service.track_promise(
        actor, text="overdue promise", due=datetime.now(UTC) - timedelta(days=1)
    )
    slack.service.log_incident(actor, customer="Hooli", what_happened="rude email")
    await slack.event(home_opened("UH1"))
    params = await published(slack)
    assert params["user_id"] == "UH1"
    text = json.dumps(params["view"])
    assert text.index("overdue promise") < text.index("later promise")
    assert "Hooli" in text and "Settings" in text
    assert len(params["view"]["blocks"]) <= 100


async def test_the_messages_tab_does_not_publish(slack: Harness) -> None:
    await slack.event(home_opened("UH1", tab="messages"))
    # A later Home tab opening: once it is published, the Messages tab's event is done.
    await slack.event(home_opened("UH_SENTINEL"))
    await published(slack)
    assert [c.params["user_id"] for c in slack.mock.of("views.publish")] == ["UH_SENTINEL"]


async def test_kept_in_app_home_closes_the_promise_and_republishes(slack: Harness) -> None:
    actor = slack.actor("UH2")
    promise = slack.service.track_promise(actor, text="ship the patch")
    click = block_action(
        ids.PROMISE_KEPT,
        str(promise.id),
        container={"type": "view", "view_id": "VHOME"},
        view=home_view("UH2"),
        user="UH2",
    )
    assert (await slack.interact(click)).status == 200
    await published(slack)
    assert slack.service.open_promises(actor) == []
    assert "ship the patch" not in json.dumps(slack.mock.of("views.publish")[0].params["view"])


async def test_cancel_from_the_promises_answer_updates_that_message(slack: Harness) -> None:
    actor = slack.actor("UH3")
    keep = slack.service.track_promise(actor, text="keep this one")
    drop = slack.service.track_promise(actor, text="drop this one")
    click = block_action(
        ids.PROMISE_CANCEL,
        str(drop.id),
        container={"type": "message", "is_ephemeral": True, "message_ts": "1", "channel_id": "C1"},
        response_url=slack.mock.response_url("promises-UH3"),
        user="UH3",
    )
    await slack.interact(click)
    await slack.mock.wait_for(lambda: slack.mock.answers("promises-UH3"))
    answer = slack.mock.answers("promises-UH3")[0]
    assert answer["replace_original"] is True
    assert "Cancelled: drop this one" in json.dumps(answer)
    assert [p.id for p in slack.service.open_promises(actor)] == [keep.id]


async def test_another_workspaces_promise_cannot_be_closed(slack: Harness) -> None:
    from bot.service import Actor

    theirs = slack.service.track_promise(Actor("slack", "T_OTHER", "UH4"), text="not yours")
    click = block_action(
        ids.PROMISE_KEPT,
        str(theirs.id),
        container={"type": "message", "is_ephemeral": True, "message_ts": "1", "channel_id": "C1"},
        response_url=slack.mock.response_url("steal"),
        user="UH4",
    )
    await slack.interact(click)
    await slack.mock.wait_for(lambda: slack.mock.answers("steal"))
    assert slack.mock.answers("steal")[0]["response_type"] == "ephemeral"
    assert slack.service.open_promises(Actor("slack", "T_OTHER", "UH4"))[0].status == "open"


async def test_settings_save_and_republish(slack: Harness) -> None:
    actor = slack.actor("UH5")
    container = {"type": "view", "view_id": "VHOME"}
    for action_id, option in (
        (ids.SETTINGS_TZ, "America/New_York"),
        (ids.SETTINGS_DIGEST_DAY, "4"),
        (ids.SETTINGS_DIGEST_HOUR, "16"),
    ):
        click = block_action(
            action_id,
            "",
            container=container,
            view=home_view("UH5"),
            user="UH5",
            selected={"value": option},
        )
        await slack.interact(click)
    toggle = block_action(
        ids.SETTINGS_DIGEST_ENABLED, "off", container=container, view=home_view("UH5"), user="UH5"
    )
    await slack.interact(toggle)
    await published(slack, 4)
    settings = slack.service.get_settings(actor)
    assert (settings.tz, settings.digest_day, settings.digest_hour, settings.digest_enabled) == (
        "America/New_York",
        4,
        16,
        False,
    )
    assert "Turn digest on" in json.dumps(slack.mock.of("views.publish")[-1].params["view"])


async def test_time_zone_options_match_what_is_typed(slack: Harness) -> None:
    payload = {
        "type": "block_suggestion",
        "action_id": ids.SETTINGS_TZ,
        "block_id": "settings",
        "value": "new york",
        "team": {"id": TEAM_ID},
        "user": {"id": "UH5", "team_id": TEAM_ID},
        "container": {"type": "view", "view_id": "VHOME"},
        "view": home_view("UH5"),
    }
    reply = await slack.interact(payload)
    assert reply.status == 200
    assert [o["value"] for o in reply.json()["options"]] == ["America/New_York"]


async def test_a_rate_limited_publish_is_retried_after_retry_after(slack: Harness) -> None:
    slack.mock.rate_limit("views.publish")
    await slack.event(home_opened("UH6"))
    await slack.mock.wait_for(lambda: len(slack.mock.of("views.publish")) == 2, timeout=8)
    assert slack.mock.of("views.publish")[0].params == slack.mock.of("views.publish")[1].params


async def test_use_the_rewrite_in_a_dm_posts_it_alone(slack: Harness) -> None:
    message = {"ts": "1700000009.1", "text": "x", "blocks": []}
    click = block_action(
        ids.USE_REWRITE,
        "Thanks for flagging this <!channel>. I'll call you by 3pm.",
        container={"type": "message", "message_ts": "1700000009.1", "channel_id": "D0DM"},
        message=message,
        response_url=slack.mock.response_url("rw"),
    )
    await slack.interact(click)
    await slack.mock.wait_for(lambda: slack.mock.of("chat.postMessage"))
    posted = slack.mock.of("chat.postMessage")[0].params
    assert posted["channel"] == "D0DM"
    assert "&lt;!channel&gt;" in json.dumps(posted["blocks"]) and "<!channel>" not in posted["text"]


async def test_track_from_a_dm_records_the_promise_and_updates_the_message(slack: Harness) -> None:
    value = json.dumps(
        {"i": 0, "t": "send the invoice by Friday", "d": "2031-01-03T17:00:00+00:00"}
    )
    message = {
        "ts": "1700000010.1",
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
                    {
                        "type": "button",
                        "action_id": ids.OPEN_LOG_MODAL,
                        "value": "{}",
                        "text": {"type": "plain_text", "text": "Log"},
                    },
                ],
            },
        ],
    }
    click = block_action(
        f"{ids.TRACK_PROMISE}_0",
        value,
        container={"type": "message", "message_ts": "1700000010.1", "channel_id": "D0DM"},
        message=message,
        user="UH7",
    )
    await slack.interact(click)
    await slack.mock.wait_for(lambda: slack.mock.of("chat.update"))
    update = slack.mock.of("chat.update")[0].params
    assert update["ts"] == "1700000010.1"
    elements = [
        e["action_id"] for b in update["blocks"] if b["type"] == "actions" for e in b["elements"]
    ]
    assert elements == [ids.OPEN_LOG_MODAL]
    [promise] = slack.service.open_promises(slack.actor("UH7"))
    assert promise.text == "send the invoice by Friday" and promise.due is not None


async def test_log_an_incident_from_a_draft_opens_the_prefilled_form(slack: Harness) -> None:
    value = json.dumps(
        {"agreed": "call back by 3pm", "due": "2031-01-03T15:00:00+00:00", "draft": "x"}
    )
    click = block_action(
        ids.OPEN_LOG_MODAL,
        value,
        container={"type": "message", "message_ts": "1", "channel_id": "D0DM"},
        message={"ts": "1", "text": "x", "blocks": []},
    )
    await slack.interact(click)
    await slack.mock.wait_for(lambda: slack.mock.of("views.open"))
    view = slack.mock.of("views.open")[0].params["view"]
    agreed = next(b for b in view["blocks"] if b["block_id"] == ids.WHAT_AGREED)
    due = next(b for b in view["blocks"] if b["block_id"] == ids.DUE)
    assert agreed["element"]["initial_value"] == "call back by 3pm"
    assert due["element"]["initial_date_time"] == 1925218800
