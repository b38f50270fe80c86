"""Cross-cutting concerns as Bolt middleware: dependencies and the actor into the context."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.response import BoltResponse

from bot.slack.deps import ACTOR_KEY, BODY_KEY, DEPS_KEY, Deps, actor_from

Next = Callable[[], Awaitable[BoltResponse]]


def attach_deps(deps: Deps) -> Callable[..., Awaitable[BoltResponse]]:
    """Put the service and the actor into every request's context; no I/O, so acks stay fast."""

    async def middleware(
        context: AsyncBoltContext, body: dict[str, Any], next: Next
    ) -> BoltResponse:
        context[DEPS_KEY] = deps
        context[BODY_KEY] = body
        context[ACTOR_KEY] = actor_from(context, body)
        return await next()

    return middleware
