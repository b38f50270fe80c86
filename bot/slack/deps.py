"""What every listener needs, put into Bolt's context by middleware.

Like Netflix/dispatch, listeners read the service and the actor from the
context instead of importing globals, so tests build as many apps as they like.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ParamSpec, TypeVar

from aiohttp import ClientSession
from slack_bolt.context.async_context import AsyncBoltContext

from bot.config import Settings
from bot.service import Actor, CoachOutcome, Service, ServiceError
from bot.slack.pacing import AckGate, Background

P = ParamSpec("P")
T = TypeVar("T")

DEPS_KEY = "toughclient_deps"
ACTOR_KEY = "toughclient_actor"
WORKERS = 2  # service calls in threads at once
BODY_KEY = "toughclient_body"
COACH_DEADLINE = 10.0  # seconds one draft may take to coach before the user is told so

log = logging.getLogger("toughclient.slack")


class CoachingTooSlow(ServiceError):
    """Coaching passed its deadline; the message is what the user sees."""

    def __init__(self) -> None:
        super().__init__(
            "That draft took too long to coach; try a shorter part of it "
            "(a paragraph or two at a time)."
        )


@dataclass
class Deps:
    settings: Settings
    service: Service
    tz_checked: set[tuple[str, str]] = field(default_factory=set)
    workers: asyncio.Semaphore = field(default_factory=lambda: asyncio.Semaphore(WORKERS))
    gate: AckGate = field(default_factory=AckGate)
    background: Background = field(default_factory=Background)
    coach_deadline: float = COACH_DEADLINE
    # The server's pooled session for Web API calls and response URLs (None outside it).
    http: ClientSession | None = None
    home_locks: dict[tuple[str, str], asyncio.Lock] = field(default_factory=dict)

    def home_lock(self, actor: Actor) -> asyncio.Lock:
        """One App Home change at a time per person, so the last view published
        shows every setting saved before it, whatever order clicks finish in."""
        return self.home_locks.setdefault((actor.tenant_id, actor.user_id), asyncio.Lock())

    async def run(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Run a synchronous service call in a worker thread, a few at a time.

        Threads share the GIL with the event loop; letting a burst of 200 run at
        once would starve the loop and delay the acks Slack waits for. For the
        same reason a call waits (briefly, see `AckGate`) while acks are pending.
        """
        await self.gate.settled()
        async with self.workers:
            return await asyncio.to_thread(fn, *args, **kwargs)

    async def coach(self, actor: Actor, draft: str, *, delivery_key: str) -> CoachOutcome:
        """`service.coach` in a worker thread, given up after `coach_deadline` seconds.

        A thread cannot be stopped: a call past its deadline runs on in the
        background, but its worker slot is freed at once, so a slow draft never
        holds up the database calls queued behind it. Raises `CoachingTooSlow`.
        """
        await self.gate.settled()
        async with self.workers:
            work = asyncio.to_thread(self.service.coach, actor, draft, delivery_key=delivery_key)
            try:
                return await asyncio.wait_for(work, self.coach_deadline)
            except TimeoutError:
                log.warning(
                    "coaching a %d-character draft for %s passed its %.0f s deadline",
                    len(draft),
                    actor.user_id,
                    self.coach_deadline,
                )
                raise CoachingTooSlow() from None


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
