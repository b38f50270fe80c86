"""What every listener needs, put into Bolt's context by middleware.

Like Netflix/dispatch, listeners read the service and the actor from the
context instead of importing globals, so tests build as many apps as they like.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ParamSpec, TypeVar

from aiohttp import ClientSession
from slack_bolt.context.async_context import AsyncBoltContext

from bot.config import Settings
from bot.service import Actor, CoachOutcome, Service, bridge
from bot.slack.pacing import AckGate, Background

P = ParamSpec("P")
T = TypeVar("T")

DEPS_KEY = "toughclient_deps"
ACTOR_KEY = "toughclient_actor"
BODY_KEY = "toughclient_body"

@dataclass
class Deps:
    settings: Settings
    service: Service
    tz_checked: set[tuple[str, str]] = field(default_factory=set)
    gate: AckGate = field(default_factory=AckGate)
    background: Background = field(default_factory=Background)
    coach_deadline: float = bridge.SLACK.total
    # The server's pooled session for Web API calls and response URLs (None outside it).
    http: ClientSession | None = None
    home_locks: dict[tuple[str, str], asyncio.Lock] = field(default_factory=dict)

    @property
    def workers(self) -> asyncio.Semaphore:
        """The worker limit, shared with Teams (bot.service.bridge)."""
        return bridge.worker_slots()

    def home_lock(self, actor: Actor) -> asyncio.Lock:
        """One App Home change at a time per person, so the last view published
        shows every setting saved before it, whatever order clicks finish in."""
        return self.home_locks.setdefault((actor.tenant_id, actor.user_id), asyncio.Lock())

    async def run(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """A synchronous service call through the bridge, once pending acks have gone out.

        Work started while Slack still waits for acks would delay them (see `AckGate`).
        """
        await self.gate.settled()
        return await bridge.run(fn, *args, **kwargs)

    async def coach(self, actor: Actor, draft: str, *, delivery_key: str) -> CoachOutcome:
        """`service.coach` through the bridge within `coach_deadline`; raises CoachingTooSlow."""
        await self.gate.settled()
        deadline = bridge.Deadline(database=self.coach_deadline, total=self.coach_deadline)
        return await bridge.coach(
            self.service, actor, draft, delivery_key=delivery_key, deadline=deadline
        )


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
