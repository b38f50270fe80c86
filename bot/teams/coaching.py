"""Coaching for Teams through the service bridge, under Teams' deadlines.

The deadlines, the worker limit, the rules-only fallback and the one "too
slow" answer live in `bot.service.bridge`, shared with Slack; this module
only names Teams' deadlines for its callers and turns a refused draft into
`DraftRejected`, whose message the cards show.
"""

from __future__ import annotations

from datetime import datetime

from bot.coach.types import CoachResult
from bot.service import Actor, InvalidInput, Service, bridge
from bot.service.bridge import TEAMS_INVOKE, TEAMS_MESSAGE, CoachingTooSlow, Deadline

__all__ = [
    "INVOKE_DB_BUDGET", "INVOKE_DEADLINE", "MESSAGE_DB_BUDGET", "MESSAGE_DEADLINE",
    "CoachingTooSlow", "DraftRejected", "coach_text", "rules_coach",
]

INVOKE_DB_BUDGET = TEAMS_INVOKE.database
INVOKE_DEADLINE = TEAMS_INVOKE.total
MESSAGE_DB_BUDGET = TEAMS_MESSAGE.database
MESSAGE_DEADLINE = TEAMS_MESSAGE.total


class DraftRejected(Exception):
    """The coach will not read this draft (empty, too long); the message is for the user."""


async def coach_text(
    service: Service, actor: Actor, text: str, *, delivery_key: str | None, budget: float,
    deadline: float | None = None,
) -> tuple[CoachResult, str]:
    """The coaching result and the user's time zone name.

    `budget` bounds the service call (coach + database write); `deadline`
    (default: the budget plus 1.5 s) bounds everything, the rules fallback
    included. Raises DraftRejected or CoachingTooSlow.
    """
    total = budget + 1.5 if deadline is None else max(deadline, 0.0)
    try:
        outcome = await bridge.coach(service, actor, text, delivery_key=delivery_key,
                                     deadline=Deadline(database=budget, total=total))
    except InvalidInput as err:
        raise DraftRejected(str(err)) from None
    return outcome.result, outcome.tz


def rules_coach(text: str, *, now: datetime | None = None) -> CoachResult:
    """The coach alone, no database; synchronous: call it in a worker thread."""
    try:
        return bridge.rules_coach(text, now=now)
    except InvalidInput as err:
        raise DraftRejected(str(err)) from None
