"""Coach a draft through the service, and still coach when the database is slow or down.

Recording the coaching event is worth a database write, but never worth a
missing answer: past the time budget (Teams gives an invoke 5 seconds) we
answer with the rules coach directly and let the write finish or fail alone.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.coach.types import CoachResult, DraftError
from bot.service import Actor, InvalidInput, Service, ServiceError

log = logging.getLogger(__name__)

# Seconds the database may take inside an invoke (Teams allows 5 s for the whole answer).
INVOKE_DB_BUDGET = 2.5
# Seconds for a chat message: Bot Framework gives the whole request 15 s.
MESSAGE_DB_BUDGET = 5.0


class DraftRejected(Exception):
    """The coach will not read this draft (empty, too long); the message is for the user."""


async def coach_text(
    service: Service, actor: Actor, text: str, *, delivery_key: str | None, budget: float
) -> tuple[CoachResult, str]:
    """The coaching result and the user's time zone name."""
    try:
        outcome = await asyncio.wait_for(
            asyncio.to_thread(service.coach, actor, text, delivery_key=delivery_key),
            timeout=budget,
        )
        return outcome.result, outcome.tz
    except InvalidInput as err:
        raise DraftRejected(str(err)) from None
    except (TimeoutError, ServiceError, OSError) as err:
        log.warning("coaching without the database for %s: %r", actor.user_id, err)
    return rules_coach(text), "UTC"


def rules_coach(text: str, *, now: datetime | None = None) -> CoachResult:
    from bot.coach import coach_draft

    utc = ZoneInfo("UTC")
    try:
        return coach_draft(text, now=now or datetime.now(utc), tz=utc)
    except DraftError as err:
        raise DraftRejected(str(err)) from None
