"""One button press or select, as the action handlers see it once Slack has its ack."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient


@dataclass(frozen=True)
class ActionRequest:
    body: dict[str, Any]
    action: dict[str, Any]
    context: AsyncBoltContext
    client: AsyncWebClient
    respond: AsyncRespond


ActionHandler = Callable[[ActionRequest], Awaitable[None]]


def action_listener(handler: ActionHandler) -> Callable[..., Awaitable[None]]:
    """The Bolt listener for `handler`: ack, then hand it the press as an `ActionRequest`.

    Bolt injects a listener's arguments by their names, so they are spelled out once,
    here. The listener keeps the handler's name, which names its task in the logs.
    """

    async def listener(
        ack: AsyncAck,
        body: dict[str, Any],
        action: dict[str, Any],
        context: AsyncBoltContext,
        client: AsyncWebClient,
        respond: AsyncRespond,
    ) -> None:
        await ack()
        await handler(ActionRequest(body, action, context, client, respond))

    listener.__name__ = handler.__name__
    listener.__qualname__ = handler.__qualname__
    listener.__doc__ = handler.__doc__
    return listener
