"""Kept and Cancel on an open promise, in a `/toughclient promises` answer or the App Home."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot.service import InvalidInput
from bot.slack import ids
from bot.slack.deliveries import first_delivery
from bot.slack.deps import actor_of, deps_of
from bot.slack.home import publish_home
from bot.slack.listeners.actions.container import container_type
from bot.slack.safety import reported
from bot.slack.views.promises import promises_message

DONE_WORDS = {"kept": "Marked kept", "cancelled": "Cancelled"}


def promise_id(action: dict[str, Any]) -> int:
    try:
        return int(action.get("value") or "")
    except ValueError:
        raise InvalidInput("That button no longer points at a promise.") from None


async def close_from_button(
    status: str,
    body: dict[str, Any],
    action: dict[str, Any],
    context: AsyncBoltContext,
    client: AsyncWebClient,
    respond: AsyncRespond,
) -> None:
    deps, actor = deps_of(context), actor_of(context)
    if not await first_delivery(deps, actor, "action", action.get("action_ts")):
        return
    closed = await deps.run(deps.service.close_promise, actor, promise_id(action), status)
    if container_type(body) == "home":
        await publish_home(deps, actor, client)
        return
    now = datetime.now(UTC)
    settings = await deps.run(deps.service.get_settings, actor)
    still_open = await deps.run(deps.service.open_promises, actor, now=now)
    notice = f"{DONE_WORDS[status]}: {closed.text}"
    message = promises_message(still_open, settings.tz, now, notice=notice)
    await respond(response_type="ephemeral", replace_original=True, **message.as_kwargs())


def register(app: AsyncApp) -> None:
    async def kept(
        ack: AsyncAck,
        body: dict[str, Any],
        action: dict[str, Any],
        context: AsyncBoltContext,
        client: AsyncWebClient,
        respond: AsyncRespond,
    ) -> None:
        await ack()
        await close_from_button("kept", body, action, context, client, respond)

    async def cancel(
        ack: AsyncAck,
        body: dict[str, Any],
        action: dict[str, Any],
        context: AsyncBoltContext,
        client: AsyncWebClient,
        respond: AsyncRespond,
    ) -> None:
        await ack()
        await close_from_button("cancelled", body, action, context, client, respond)

    app.action(ids.PROMISE_KEPT)(reported(kept, ack_first=True))
    app.action(ids.PROMISE_CANCEL)(reported(cancel, ack_first=True))
