"""Coach a draft through the service, and still answer when the database or the coach is slow.

Recording the coaching event is worth a database write, but never worth a
missing answer: past the database budget we coach with the rules alone and
let the write finish or fail alone. Every coach call runs in a worker thread
under one overall deadline (Teams gives an invoke 5 seconds); when even the
rules coach cannot finish in time, `CoachingTooSlow` tells the caller to send
the "too complex to coach quickly" answer instead. Nothing here runs the coach
on the event loop.
"""

from __future__ import annotations

import asyncio
import logging
import time
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.coach.types import CoachResult, DraftError
from bot.service import Actor, InvalidInput, Service, ServiceError

log = logging.getLogger(__name__)

# Seconds the database may take inside an invoke (Teams allows 5 s for the whole answer).
INVOKE_DB_BUDGET = 2.5
# Seconds for all coaching inside an invoke, database and rules fallback together: the
# rest of Teams' 5 s is for the bookkeeping, the card and the network.
INVOKE_DEADLINE = 4.0
# Seconds for a chat message: Bot Framework gives the whole request 15 s.
MESSAGE_DB_BUDGET = 5.0
MESSAGE_DEADLINE = 8.0

TOO_COMPLEX = "That draft is too complex to coach quickly; try a shorter part of it."


class DraftRejected(Exception):
    """The coach will not read this draft (empty, too long); the message is for the user."""


class CoachingTooSlow(Exception):
    """Not even the rules coach finished before the deadline; the message is for the user."""

    def __init__(self, message: str = TOO_COMPLEX) -> None:
        super().__init__(message)


async def coach_text(
    service: Service, actor: Actor, text: str, *, delivery_key: str | None, budget: float,
    deadline: float | None = None,
) -> tuple[CoachResult, str]:
    """The coaching result and the user's time zone name.

    `budget` bounds the service call (coach + database write); `deadline`
    (default: the budget plus 1.5 s) bounds everything, the rules fallback
    included. Raises DraftRejected or CoachingTooSlow.
    """
    deadline = budget + 1.5 if deadline is None else max(deadline, 0.0)
    started = time.monotonic()
    try:
        outcome = await asyncio.wait_for(
            asyncio.to_thread(service.coach, actor, text, delivery_key=delivery_key),
            timeout=min(budget, deadline),
        )
        return outcome.result, outcome.tz
    except InvalidInput as err:
        raise DraftRejected(str(err)) from None
    except (TimeoutError, ServiceError, OSError) as err:
        log.warning("coaching without the database for %s: %r", actor.user_id, err)
    left = deadline - (time.monotonic() - started)
    try:
        # The thread cannot be cancelled: past the deadline it finishes alone, unawaited.
        result = await asyncio.wait_for(asyncio.to_thread(rules_coach, text), timeout=left)
    except TimeoutError:
        log.warning(
            "coaching %d characters for %s took over %.1f s; answered 'too complex'",
            len(text), actor.user_id, deadline,
        )
        raise CoachingTooSlow() from None
    return result, "UTC"


def rules_coach(text: str, *, now: datetime | None = None) -> CoachResult:
    """The coach alone, no database; synchronous: call it in a worker thread."""
    from bot.coach import coach_draft

    utc = ZoneInfo("UTC")
    try:
        return coach_draft(text, now=now or datetime.now(utc), tz=utc)
    except DraftError as err:
        raise DraftRejected(str(err)) from None
