"""The coach: reads a draft reply to a customer and says what will make things worse.

Pure and deterministic, no I/O. Importing the package is cheap; the rules are
loaded on the first call, so `python app.py coach --help` starts instantly.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Any

from bot.coach.limits import MAX_DRAFT_CHARS
from bot.coach.types import CoachResult, DraftError, Flag, Promise

__all__ = ["MAX_DRAFT_CHARS", "CoachResult", "DraftError", "Flag", "Promise", "coach_draft",
           "refusal_spans"]


def coach_draft(
    text: str,
    *,
    now: datetime | None = None,
    tz: str | tzinfo = "UTC",
    id: Any = None,
) -> CoachResult:
    """Coach one draft: flags sorted by start, promises, and a rules rewrite or None.

    Raises DraftError for an empty draft or one over MAX_DRAFT_CHARS, and
    ValueError for an unknown time zone name.
    """
    from bot.coach.engine import coach_draft as run

    return run(text, now=now, tz=tz, id=id)


def refusal_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where the writer says no, softened or not: the refusing words, by the rules.

    For checks that a rewrite still says the no a draft said (the AI rewriter's
    guardrails): whether a no is flat is the coach's call, that it is there is not.
    """
    from bot.coach.detect.refusals import find_refusals
    from bot.coach.text import mask

    return find_refusals(mask(text))
