"""Every button on a promise, from the weekly digest DM, `/toughclient promises` and the App
Home: the record changes once, the clicked surface is redrawn in place (the digest's
counts too), double clicks and Slack's redeliveries change nothing more, and another
workspace's promise id is refused. Signed requests against the running app; Slack's Web
API is the local mock."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.digest.deliver import deliver_digests
from bot.service import Actor, PromiseView
from bot.slack import ids
from bot.slack.digest_sender import SlackDigestSender
from bot.slack.views.promise_rows import row_block_id
from tests.slack.harness import Harness, block_action, interactive_body, slack_settings
from tests.slack.mock_slack import MockSlack

pytestmark = pytest.mark.asyncio(loop_scope="module")


async def send_digest(slack: Harness, actor: Actor) -> dict[str, Any]:
    """The real weekly DM to `actor`; returns the posted message (channel, ts, blocks)."""
    settings = slack_settings(slack.database, slack.mock)
    sender = SlackDigestSender(settings, slack.service)
    report = await deliver_digests(
        slack.service, {"slack": sender}, now=datetime.now(UTC), everyone=True
    )
    assert report.failed == []
    [post] = [c for c in slack.mock.of("chat.postMessage") if c.params["channel"] == actor.user_id]
    channel = MockSlack.dm_channel(actor.user_id)
    ts = slack.mock.posted[channel][-1]["ts"]
    return {"channel": channel, "ts": ts, "blocks": post.params["blocks"]}


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def element(blocks: list[dict[str, Any]], promise_id: int, action_id: str) -> dict[str, Any]:
    [block] = [b for b in blocks if b.get("block_id", "").startswith(f"promise:{promise_id}:")]
    [found] = [e for e in block["elements"] if e["action_id"] == action_id]
    return {**found, "block_id": block["block_id"]}


def digest_click(
    slack: Harness, sent: dict[str, Any], promise_id: int, action_id: str, user: str,
    *, picked: str | None = None, action_ts: str | None = None,
) -> dict[str, Any]:
    button = element(sent["blocks"], promise_id, action_id)
    payload = block_action(
        action_id, str(button.get("value") or ""), user=user, action_ts=action_ts,
        container={"type": "message", "message_ts": sent["ts"], "channel_id": sent["channel"],
                   "is_ephemeral": False},
        message={"ts": sent["ts"], "blocks": sent["blocks"]},
        response_url=slack.mock.response_url(f"digest-{user}"),
    )
    action = payload["actions"][0]
    action["block_id"] = button["block_id"]
    if picked is not None:
        action.pop("value", None)
        action.update({"type": "datepicker", "selected_date": picked})
    return payload


async def updates(slack: Harness, count: int) -> list[dict[str, Any]]:
    await slack.mock.wait_for(lambda: len(slack.mock.of("chat.update")) >= count)
    return [c.params for c in slack.mock.of("chat.update")]


def row(slack: Harness, promise_id: int) -> tuple[Any, ...]:
    [found] = slack.rows("SELECT status, due, closed_at FROM promises WHERE id = ?", promise_id)
    return found


def track(slack: Harness, actor: Actor, text: str, due: datetime | None) -> PromiseView:
    return slack.service.track_promise(actor, text=text, customer="Acme", due=due)


async def test_kept_in_the_digest_closes_once_and_redraws_the_digest_with_new_counts(
    slack: Harness,
) -> None:
    actor = slack.actor("UD1")
    now = datetime.now(UTC)
    late = track(slack, actor, "send the revised quote", now - timedelta(days=3))
    soon = track(slack, actor, "call back about the refund", now + timedelta(days=2))
    sent = await send_digest(slack, actor)
    assert "3 days late" in dumps(sent["blocks"])

    click = digest_click(slack, sent, late.id, ids.PROMISE_KEPT, "UD1")
    assert (await slack.interact(click)).status == 200
    [update] = await updates(slack, 1)
    assert update["channel"] == sent["channel"] and update["ts"] == sent["ts"]
    shown = dumps(update["blocks"])
    assert "Marked kept: send the revised quote" in shown
    # Kept three days after its time: kept, but not on time, and the top line says so.
    assert "1 open · 0 overdue · kept on time 0 this week" in shown
    assert "call back about the refund" in shown and "3 days late" not in shown
    status, _, closed_at = row(slack, late.id)
    assert status == "kept"

    # A double click (a new action_ts) and Slack redelivering the first click.
    again = digest_click(slack, sent, late.id, ids.PROMISE_KEPT, "UD1")
    await slack.interact(again)
    body, ctype = interactive_body(click)
    redelivered = await slack.post(
        body, ctype, headers={"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
    )
    assert redelivered.status == 200
    await updates(slack, 2)
    assert row(slack, late.id) == ("kept", row(slack, late.id)[1], closed_at)
    assert [p.id for p in slack.service.open_promises(actor)] == [soon.id]


async def test_snooze_moves_a_promise_a_week_once_however_often_it_is_clicked(
    slack: Harness,
) -> None:
    actor = slack.actor("UD2")
    slack.service.update_settings(actor, tz="Europe/Paris")
    now = datetime.now(UTC)
    due = (now - timedelta(days=1)).replace(second=0, microsecond=0)
    late = track(slack, actor, "email the contract", due)
    sent = await send_digest(slack, actor)
    target = element(sent["blocks"], late.id, ids.PROMISE_SNOOZE)["value"]
    moved = datetime.fromisoformat(target)
    paris = ZoneInfo("Europe/Paris")
    assert moved.astimezone(paris).date() == now.astimezone(paris).date() + timedelta(days=7)
    assert moved.astimezone(paris).time() == due.astimezone(paris).time()

    for _ in range(2):  # a double click
        await slack.interact(digest_click(slack, sent, late.id, ids.PROMISE_SNOOZE, "UD2"))
    shown = [dumps(u["blocks"]) for u in await updates(slack, 2)]
    assert all("Snoozed to" in s and "email the contract" in s for s in shown)
    assert "0 overdue" in shown[-1]
    [promise] = slack.service.open_promises(actor)
    assert promise.due == moved


async def test_a_date_picked_in_the_digest_becomes_the_new_due_date(slack: Harness) -> None:
    actor = slack.actor("UD3")
    slack.service.update_settings(actor, tz="America/New_York")
    undated = track(slack, actor, "look into the invoice", None)
    sent = await send_digest(slack, actor)
    assert "give each one a date" in dumps(sent["blocks"])
    picked = (date.today() + timedelta(days=10)).isoformat()
    await slack.interact(
        digest_click(slack, sent, undated.id, ids.PROMISE_NEW_DATE, "UD3", picked=picked)
    )
    [update] = await updates(slack, 1)
    [promise] = slack.service.open_promises(actor)
    local = promise.due.astimezone(ZoneInfo("America/New_York"))
    assert local.date().isoformat() == picked and (local.hour, local.minute) == (17, 0)
    assert "New date" in dumps(update["blocks"])
    assert "No date yet" not in dumps(update["blocks"])


async def test_a_date_already_gone_is_refused_kindly(slack: Harness) -> None:
    actor = slack.actor("UD4")
    promise = track(slack, actor, "send the report", None)
    sent = await send_digest(slack, actor)
    gone = (date.today() - timedelta(days=3)).isoformat()
    await slack.interact(
        digest_click(slack, sent, promise.id, ids.PROMISE_NEW_DATE, "UD4", picked=gone)
    )
    await slack.mock.wait_for(lambda: slack.mock.answers("digest-UD4"))
    assert "already gone" in dumps(slack.mock.answers("digest-UD4"))
    assert slack.service.open_promises(actor)[0].due is None


async def test_cancel_in_the_digest_and_the_last_one_leaves_an_all_clear(slack: Harness) -> None:
    actor = slack.actor("UD5")
    only = track(slack, actor, "visit the site", datetime.now(UTC) + timedelta(days=1))
    sent = await send_digest(slack, actor)
    await slack.interact(digest_click(slack, sent, only.id, ids.PROMISE_CANCEL, "UD5"))
    [update] = await updates(slack, 1)
    assert "Cancelled: visit the site" in dumps(update["blocks"])
    assert update["text"].startswith("All clear")
    assert row(slack, only.id)[0] == "cancelled"


async def test_another_workspaces_promise_id_is_refused_on_every_button(slack: Harness) -> None:
    mine = slack.actor("UD6")
    track(slack, mine, "my own promise", None)
    sent = await send_digest(slack, mine)
    theirs = slack.service.track_promise(Actor("slack", "T_OTHER", "UD6"), text="not yours")
    for action_id, picked in (
        (ids.PROMISE_KEPT, None), (ids.PROMISE_SNOOZE, None),
        (ids.PROMISE_NEW_DATE, (date.today() + timedelta(days=3)).isoformat()),
        (ids.PROMISE_CANCEL, None),
    ):
        click = digest_click(slack, sent, slack.service.open_promises(mine)[0].id, action_id,
                             "UD6", picked=picked)
        click["actions"][0]["block_id"] = row_block_id(theirs.id, ids.SURFACE_DIGEST)
        if action_id in (ids.PROMISE_KEPT, ids.PROMISE_CANCEL):
            click["actions"][0]["value"] = str(theirs.id)
        await slack.interact(click)
    await slack.mock.wait_for(lambda: len(slack.mock.answers("digest-UD6")) >= 4)
    answers = [a["text"] for a in slack.mock.answers("digest-UD6")]
    assert answers == [f"You have no promise #{theirs.id} here."] * 4
    other = Actor("slack", "T_OTHER", "UD6")
    assert [(p.status, p.due) for p in slack.service.open_promises(other)] == [("open", None)]
    assert slack.mock.of("chat.update") == []


async def test_snooze_from_the_promises_answer_redraws_that_answer(slack: Harness) -> None:
    actor = slack.actor("UD7")
    promise = track(slack, actor, "ring the customer", None)
    _, name = await slack.command("promises", user="UD7")
    await slack.mock.wait_for(lambda: slack.mock.answers(name))
    blocks = slack.mock.answers(name)[0]["blocks"]
    button = element(blocks, promise.id, ids.PROMISE_SNOOZE)
    assert button["block_id"].endswith(":list")
    click = block_action(
        ids.PROMISE_SNOOZE, button["value"], user="UD7",
        container={"type": "message", "is_ephemeral": True, "message_ts": "1", "channel_id": "C1"},
        response_url=slack.mock.response_url("list-UD7"),
    )
    click["actions"][0]["block_id"] = button["block_id"]
    await slack.interact(click)
    await slack.mock.wait_for(lambda: slack.mock.answers("list-UD7"))
    answer = slack.mock.answers("list-UD7")[0]
    assert answer["replace_original"] is True and "Snoozed to" in dumps(answer)
    assert slack.service.open_promises(actor)[0].due == datetime.fromisoformat(button["value"])


async def test_a_new_date_from_the_app_home_republishes_the_home(slack: Harness) -> None:
    actor = slack.actor("UD8")
    promise = track(slack, actor, "deliver the parts", None)
    picked = (date.today() + timedelta(days=5)).isoformat()
    click = block_action(
        ids.PROMISE_NEW_DATE, "", user="UD8",
        container={"type": "view", "view_id": "VHOME"},
        view={"id": "VHOME", "type": "home", "hash": "h", "blocks": []},
    )
    action = click["actions"][0]
    action.pop("value")
    action.update({"type": "datepicker", "selected_date": picked,
                   "block_id": row_block_id(promise.id, ids.SURFACE_HOME)})
    await slack.interact(click)
    await slack.mock.wait_for(lambda: slack.mock.of("views.publish"))
    view = dumps(slack.mock.of("views.publish")[0].params["view"])
    assert "deliver the parts" in view and picked in view
    assert slack.service.open_promises(actor)[0].due is not None


async def test_a_click_in_the_digest_preview_redraws_the_preview(slack: Harness) -> None:
    actor = slack.actor("UD9")
    promise = track(slack, actor, "return the call", None)
    _, name = await slack.command("digest", user="UD9")
    await slack.mock.wait_for(lambda: slack.mock.answers(name))
    button = element(slack.mock.answers(name)[0]["blocks"], promise.id, ids.PROMISE_KEPT)
    click = block_action(
        ids.PROMISE_KEPT, button["value"], user="UD9",
        container={"type": "message", "is_ephemeral": True, "message_ts": "1", "channel_id": "C1"},
        response_url=slack.mock.response_url("preview-UD9"),
    )
    click["actions"][0]["block_id"] = button["block_id"]
    await slack.interact(click)
    await slack.mock.wait_for(lambda: slack.mock.answers("preview-UD9"))
    answer = slack.mock.answers("preview-UD9")[0]
    assert answer["replace_original"] is True
    assert "Marked kept: return the call" in dumps(answer)
    assert answer["text"].startswith("All clear")
