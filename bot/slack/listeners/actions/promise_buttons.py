"""Kept and Cancel on an open promise, in a `/toughclient promises` answer or the App Home."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from slack_bolt.async_app import AsyncApp

from bot.service import Actor, InvalidInput
from bot.slack import ids
from bot.slack.deliveries import handled_once
from bot.slack.deps import Deps, actor_of, deps_of
from bot.slack.home import publish_home
from bot.slack.listeners.actions.container import container_type
from bot.slack.listeners.actions.request import ActionRequest, action_listener
from bot.slack.safety import reported
from bot.slack.views.promises import promises_message

DONE_WORDS = {"kept": "Marked kept", "cancelled": "Cancelled"}


def promise_id(action: dict[str, Any]) -> int:
    try:
        return int(action.get("value") or "")
    except ValueError:
        raise InvalidInput("That button no longer points at a promise.") from None


async def close_from_button(status: str, request: ActionRequest) -> None:
    deps, actor = deps_of(request.context), actor_of(request.context)
    action = request.action
    async with handled_once(deps, actor, "action", action.get("action_ts")) as first:
        if first:
            await _close(status, request, deps, actor)


async def _close(status: str, request: ActionRequest, deps: Deps, actor: Actor) -> None:
    closed = await deps.run(
        deps.service.close_promise, actor, promise_id(request.action), status
    )
    if container_type(request.body) == "home":
        await publish_home(deps, actor, request.client)
        return
    now = datetime.now(UTC)
    settings = await deps.run(deps.service.get_settings, actor)
    still_open = await deps.run(deps.service.open_promises, actor, now=now)
    notice = f"{DONE_WORDS[status]}: {closed.text}"
    message = promises_message(still_open, settings.tz, now, notice=notice)
    await request.respond(
        response_type="ephemeral", replace_original=True, **message.as_kwargs()
    )


async def kept(request: ActionRequest) -> None:
    await close_from_button("kept", request)


async def cancel(request: ActionRequest) -> None:
    await close_from_button("cancelled", request)


def register(app: AsyncApp) -> None:
    app.action(ids.PROMISE_KEPT)(reported(action_listener(kept), ack_first=True))
    app.action(ids.PROMISE_CANCEL)(reported(action_listener(cancel), ack_first=True))
