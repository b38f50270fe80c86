"""The one way from Slack and Teams into the (synchronous) service: worker threads, one
limit on them, one deadline policy for coaching, one "too slow" answer.

Service calls block (SQLAlchemy, the coach's CPU work), so the adapters run
them in worker threads. Threads share the GIL with the event loop: a burst of
them starves the loop and delays the acks Slack and Teams wait for, so at
most `WORKERS` run at once per event loop, whichever platform asked.

Coaching gets a deadline from the platform's own limit (`Deadline`): first
the service call (coach + the coaching event written), then, when the
database is what is slow or away, the rules coach alone for the time left;
past the deadline the person gets `CoachingTooSlow`'s message instead of no
answer. A thread cannot be stopped: a call past its deadline finishes alone,
but its worker slot is freed at once, so it never holds up the calls queued
behind it.
"""

from __future__ import annotations

import asyncio
import logging
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import ParamSpec, TypeVar
from zoneinfo import ZoneInfo

from bot.coach.types import CoachResult
from bot.service.errors import InvalidInput, ServiceError
from bot.service.service import Service
from bot.service.views import Actor, CoachOutcome

P = ParamSpec("P")
T = TypeVar("T")

log = logging.getLogger("toughclient.bridge")

WORKERS = 2  # service calls in threads at once, per event loop (measured: benchmarks/)
TOO_SLOW = (
    "That draft is too complex to coach quickly; try a shorter part of it "
    "(a paragraph or two at a time)."
)


class CoachingTooSlow(ServiceError):
    """Not even the rules coach finished before the deadline; the message is for the user."""

    def __init__(self, message: str = TOO_SLOW) -> None:
        super().__init__(message)


@dataclass(frozen=True)
class Deadline:
    """Seconds for coaching one draft: `database` for the service call (coach and record),
    `total` for everything, the rules-only fallback included."""

    database: float
    total: float


# One policy, set by what each platform allows.
SLACK = Deadline(database=10.0, total=10.0)  # after the ack: no platform limit, a person waits
TEAMS_INVOKE = Deadline(database=2.5, total=4.0)  # Teams gives an invoke 5 s in all
TEAMS_MESSAGE = Deadline(database=5.0, total=8.0)  # Bot Framework gives a message 15 s

_slots: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore] = (
    weakref.WeakKeyDictionary()
)


def worker_slots() -> asyncio.Semaphore:
    """The running loop's worker limit, shared by every adapter on it."""
    loop = asyncio.get_running_loop()
    slots = _slots.get(loop)
    if slots is None:
        slots = _slots[loop] = asyncio.Semaphore(WORKERS)
    return slots


async def run(fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """A synchronous service call in a worker thread, `WORKERS` at a time."""
    async with worker_slots():
        return await asyncio.to_thread(fn, *args, **kwargs)


async def coach(
    service: Service, actor: Actor, text: str, *, delivery_key: str | None, deadline: Deadline
) -> CoachOutcome:
    """`service.coach` within `deadline`; the rules alone (event_id None, UTC) when the
    database is slow or away. Raises InvalidInput for a draft the coach refuses and
    CoachingTooSlow past the deadline."""
    started = time.monotonic()

    async def with_the_record() -> CoachOutcome:
        async with worker_slots():
            return await asyncio.to_thread(service.coach, actor, text, delivery_key=delivery_key)

    try:
        # The wait for a worker counts against the budget too: in an outage every slot
        # may be held by calls waiting on the database.
        return await asyncio.wait_for(
            with_the_record(), timeout=min(deadline.database, deadline.total)
        )
    except InvalidInput:
        raise
    except (TimeoutError, ServiceError, OSError) as error:
        log.warning("coaching without the database for %s: %r", actor.user_id, error)
    left = deadline.total - (time.monotonic() - started)
    if left > 0:
        try:
            # The fallback skips the queue: it is the answer of last resort and needs no
            # database, only a moment of CPU.
            result = await asyncio.wait_for(asyncio.to_thread(rules_coach, text), timeout=left)
            return CoachOutcome(result=result, tz="UTC", event_id=None)
        except TimeoutError:
            pass
    log.warning("coaching %d characters for %s took over %.1f s; answered 'too slow'",
                len(text), actor.user_id, deadline.total)
    raise CoachingTooSlow()


def rules_coach(text: str, *, now: datetime | None = None) -> CoachResult:
    """The coach alone, no database; synchronous: call it in a worker thread."""
    from bot.coach import DraftError, coach_draft

    utc = ZoneInfo("UTC")
    try:
        return coach_draft(text, now=now or datetime.now(utc), tz=utc)
    except DraftError as error:
        raise InvalidInput(str(error)) from None
