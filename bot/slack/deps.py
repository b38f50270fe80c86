"""What every listener needs, put into Bolt's context by middleware.

Like Netflix/dispatch, listeners read the service and the actor from the
context instead of importing globals, so tests build as many apps as they like.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ParamSpec, TypeVar

from slack_bolt.context.async_context import AsyncBoltContext

from bot.config import Settings
from bot.service import Actor, Service
from bot.slack.pacing import AckGate, Background

P = ParamSpec("P")
T = TypeVar("T")

DEPS_KEY = "toughclient_deps"
ACTOR_KEY = "toughclient_actor"
WORKERS = 2  # service calls in threads at once
BODY_KEY = "toughclient_body"


@dataclass
class Deps:
    settings: Settings
    service: Service
    tz_checked: set[tuple[str, str]] = field(default_factory=set)
    workers: asyncio.Semaphore = field(default_factory=lambda: asyncio.Semaphore(WORKERS))
    gate: AckGate = field(default_factory=AckGate)
    background: Background = field(default_factory=Background)

    async def run(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Run a synchronous service call in a worker thread, a few at a time.

        Threads share the GIL with the event loop; letting a burst of 200 run at
        once would starve the loop and delay the acks Slack waits for. For the
        same reason a call waits (briefly, see `AckGate`) while acks are pending.
        """
        await self.gate.settled()
        async with self.workers:
            return await asyncio.to_thread(fn, *args, **kwargs)


def deps_of(context: AsyncBoltContext) -> Deps:
    deps: Deps = context[DEPS_KEY]
    return deps


def tenant_of(context: AsyncBoltContext) -> str | None:
    """The installing workspace: in Slack Connect that is ours, not the channel's owner."""
    authorized = context.authorize_result
    team = (authorized.team_id if authorized else None) or context.team_id
    enterprise = (authorized.enterprise_id if authorized else None) or context.enterprise_id
    return team or enterprise


def actor_from(context: AsyncBoltContext, body: dict[str, Any]) -> Actor | None:
    tenant = tenant_of(context)
    user = context.user_id
    if not tenant or not user:
        return None
    name = None
    if isinstance(body.get("user"), dict):
        name = body["user"].get("name") or body["user"].get("username")
    name = name or body.get("user_name")
    return Actor(platform="slack", tenant_id=tenant, user_id=user, user_name=name)


def actor_of(context: AsyncBoltContext) -> Actor:
    actor: Actor | None = context.get(ACTOR_KEY)
    if actor is None:
        raise LookupError("this Slack request names no workspace and user")
    return actor
