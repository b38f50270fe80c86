"""Concrete times to offer in place of vague ones ("soon" -> "by noon today").

The coach never invents a deadline silently: it proposes one the writer can
accept or change, inside business hours (Monday to Friday, 09:00-17:00) so the
promise is one a team can actually keep. Every phrase produced here is one
that `when.resolve` reads back to the same instant, so a rewrite built from it
is never flagged as vague again.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from enum import IntEnum
from zoneinfo import ZoneInfo

from bot.coach.time.calendar import (
    FRIDAY,
    add_business_days,
    at,
    next_business_day,
    weekday_next_week,
)
from bot.coach.time.words import WEEKDAY_NAMES

OPENING = time(9, 0)
CLOSING = time(17, 0)


class Horizon(IntEnum):
    """How far away a vague phrase sounds to the customer who reads it."""

    MINUTES = 1  # right back, in a sec, in a bit
    HOURS = 2  # soon, shortly, ASAP
    TODAY = 3  # no time at all, later, when we can, we'll look into it
    DAYS = 4  # in a few days, in due course, in the near future
    WEEKS = 5  # in the coming weeks


def suggest(horizon: Horizon, *, now: datetime, tz: ZoneInfo) -> tuple[datetime, str]:
    """A deadline for `horizon` and the words that name it, e.g. "by 3 pm today"."""
    local = now.astimezone(tz) if now.tzinfo else now.replace(tzinfo=tz)
    local = local.replace(second=0, microsecond=0)
    today = local.date()
    if horizon is Horizon.MINUTES:
        due = local + timedelta(hours=1)
        return due, f"within the hour (by {due:%H:%M})"
    if horizon in (Horizon.HOURS, Horizon.TODAY):
        hours, floor, fallback = (2, time(10, 0), time(10, 0))
        if horizon is Horizon.TODAY:
            hours, floor, fallback = (5, time(12, 0), time(12, 0))
        due = _ceil_hour(local + timedelta(hours=hours))
        closing = at(today, CLOSING, tz)
        if due > closing and closing - local >= timedelta(hours=2):
            due = closing  # mid-afternoon: close of business still leaves room to act
        if today.weekday() < 5 and due.date() == today and due.time() <= CLOSING:
            due = max(due, at(today, floor, tz))
            return due, f"by {_clock_words(due.time())} today"
        day = today if today.weekday() < 5 and local.time() < OPENING else next_business_day(today)
        due = at(day, fallback, tz)
        return due, f"by {_clock_words(fallback)} {_day_words(day, today)}"
    if horizon is Horizon.DAYS:
        day = add_business_days(today, 3)
        return at(day, CLOSING, tz), f"by end of day {_day_words(day, today)}"
    day = weekday_next_week(today, FRIDAY)
    return at(day, CLOSING, tz), "by the end of next week"


def suggest_after(
    horizon: Horizon, *, after: datetime, now: datetime, tz: ZoneInfo
) -> tuple[datetime, str]:
    """Like `suggest`, counted from an event the draft schedules (`after`), worded from `now`.

    "The migration runs Saturday 22:00. We'll email you once it's done." must not be
    offered a time before Saturday night; the phrase still reads back from `now`.
    """
    due, _ = suggest(horizon, now=after, tz=tz)
    local = now.astimezone(tz) if now.tzinfo else now.replace(tzinfo=tz)
    return due, f"by {_clock_words(due.time())} {_day_words(due.date(), local.date())}"


def _ceil_hour(moment: datetime) -> datetime:
    if moment.minute:
        moment += timedelta(minutes=60 - moment.minute)
    return moment.replace(minute=0)


def _clock_words(clock: time) -> str:
    if clock == time(12, 0):
        return "noon"
    hour = clock.hour % 12 or 12
    suffix = "am" if clock.hour < 12 else "pm"
    return f"{hour} {suffix}" if not clock.minute else f"{hour}:{clock.minute:02d} {suffix}"


def _day_words(day: date, today: date) -> str:
    if day == today:
        return "today"
    if day == today + timedelta(days=1):
        return "tomorrow"
    name = WEEKDAY_NAMES[day.weekday()]
    if (day - today).days < 7:
        return name
    return f"{name}, {day:%B} {day.day}"
