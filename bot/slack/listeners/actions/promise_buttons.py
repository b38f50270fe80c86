"""Kept, Snooze a week, New date and Cancel on a promise: in the digest, the list, the Home.

Each click changes the record once (closing twice is no change; a snooze or a
date is an absolute time, so setting it twice is no change either; a Slack
retry of the same click is dropped by its action_ts), then redraws where it
was clicked from the records: the digest message in place (chat.update, so
its counts move too), the ephemeral `/toughclient promises` answer, or the
App Home. Another person's or workspace's promise id is refused by the
service ("You have no promise #N here.").
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from slack_bolt.async_app import AsyncApp

from bot.service import Actor, InvalidInput, PromiseView
from bot.service.promise_dates import parse_day, parse_target
from bot.slack import ids
from bot.slack.deliveries import handled_once
from bot.slack.deps import Deps, actor_of, deps_of
from bot.slack.home import publish_home
from bot.slack.listeners.actions.container import channel_of, container_type
from bot.slack.listeners.actions.request import ActionRequest, action_listener
from bot.slack.safety import reported
from bot.slack.views.common import when
from bot.slack.views.digest import digest_message
from bot.slack.views.promise_rows import RowPlace, read_block_id
from bot.slack.views.promises import promises_message

DONE_WORDS = {"kept": "Marked kept", "cancelled": "Cancelled"}


def place_of(action: dict[str, Any]) -> RowPlace:
    """The promise and surface a click is about: from the block id, or an older button's value."""
    place = read_block_id(action.get("block_id"))
    if place is not None:
        return place
    try:
        return RowPlace(int(action.get("value") or ""), ids.SURFACE_LIST)
    except ValueError:
        raise InvalidInput("That button no longer points at a promise.") from None


async def redraw(request: ActionRequest, deps: Deps, actor: Actor, notice: str) -> None:
    """Show the clicked surface again, rebuilt from the records."""
    where = container_type(request.body)
    if where == "home":
        await publish_home(deps, actor, request.client)
        return
    now = datetime.now(UTC)
    channel = channel_of(request.body)
    ts = (request.body.get("container") or {}).get("message_ts")
    digest = place_of(request.action).surface == ids.SURFACE_DIGEST
    if where == "message" and digest and channel and isinstance(ts, str):
        data = await deps.run(deps.service.digest_for, actor, now=now)
        message = digest_message(data, notice=notice)
        await request.client.chat_update(channel=channel, ts=ts, **message.as_kwargs())
        return
    if digest:  # the `/toughclient digest` preview, which only the asker sees
        data = await deps.run(deps.service.digest_for, actor, now=now)
        preview = digest_message(data, preview=True, notice=notice)
        await request.respond(
            response_type="ephemeral", replace_original=True, **preview.as_kwargs()
        )
        return
    settings = await deps.run(deps.service.get_settings, actor)
    still_open = await deps.run(deps.service.open_promises, actor, now=now)
    listed = promises_message(still_open, settings.tz, now, notice=notice)
    await request.respond(response_type="ephemeral", replace_original=True, **listed.as_kwargs())


async def _changed(request: ActionRequest, change: str) -> None:
    deps, actor = deps_of(request.context), actor_of(request.context)
    action = request.action
    async with handled_once(deps, actor, "action", action.get("action_ts")) as first:
        if first:
            await _apply(change, request, deps, actor)


async def _apply(change: str, request: ActionRequest, deps: Deps, actor: Actor) -> None:
    action = request.action
    promise_id = place_of(action).promise_id
    changed: PromiseView
    if change in DONE_WORDS:
        changed = await deps.run(deps.service.close_promise, actor, promise_id, change)
        notice = f"{DONE_WORDS[change]}: {changed.text}"
    else:
        settings = await deps.run(deps.service.get_settings, actor)
        if change == "snooze":
            until = parse_target(str(action.get("value") or ""))
            changed = await deps.run(deps.service.snooze_promise, actor, promise_id, until)
            notice = f"Snoozed to {when(changed.due, settings.tz)}: {changed.text}"
        else:
            day = parse_day(str(action.get("selected_date") or ""))
            changed = await deps.run(deps.service.reschedule_promise, actor, promise_id, day)
            notice = f"New date {when(changed.due, settings.tz)}: {changed.text}"
    await redraw(request, deps, actor, notice)


async def kept(request: ActionRequest) -> None:
    await _changed(request, "kept")


async def cancel(request: ActionRequest) -> None:
    await _changed(request, "cancelled")


async def snooze(request: ActionRequest) -> None:
    await _changed(request, "snooze")


async def new_date(request: ActionRequest) -> None:
    await _changed(request, "new_date")


def register(app: AsyncApp) -> None:
    app.action(ids.PROMISE_KEPT)(reported(action_listener(kept), ack_first=True))
    app.action(ids.PROMISE_CANCEL)(reported(action_listener(cancel), ack_first=True))
    app.action(ids.PROMISE_SNOOZE)(reported(action_listener(snooze), ack_first=True))
    app.action(ids.PROMISE_NEW_DATE)(reported(action_listener(new_date), ack_first=True))
