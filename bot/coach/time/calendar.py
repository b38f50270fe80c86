"""Calendar arithmetic for deadlines, kept apart from the phrase matching.

Wall-clock times are built in the writer's zone and normalised through UTC,
so a time that falls in a daylight-saving gap or fold still comes out as one
real, aware instant.
"""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

CLOSE_OF_BUSINESS = time(17, 0)
LAST_MINUTE = time(23, 59)
FRIDAY = 4
SATURDAY = 5
SUNDAY = 6


def at(day: date, clock: time, tz: ZoneInfo) -> datetime:
    """The instant `clock` reads on `day` in `tz` (gap times move forward, as clocks do)."""
    naive = datetime.combine(day, clock)
    aware = naive.replace(tzinfo=tz)
    back = aware.astimezone(UTC).astimezone(tz)
    if back.replace(tzinfo=None) != naive:  # in a gap: keep the wall time the clock jumps to
        return (aware + timedelta(hours=1)).astimezone(UTC).astimezone(tz)
    return aware


def close_of(day: date, tz: ZoneInfo, now: datetime) -> datetime:
    """Close of business on `day`; late on the same day it becomes the last minute of it."""
    due = at(day, CLOSE_OF_BUSINESS, tz)
    if due <= now and day == now.date():
        return at(day, LAST_MINUTE, tz)
    return due


def next_weekday(today: date, weekday: int) -> date:
    """The next `weekday` strictly after today: a bare "Friday" said on a Friday is a week out."""
    ahead = (weekday - today.weekday()) % 7
    return today + timedelta(days=ahead or 7)


def weekday_this_week(today: date, weekday: int) -> date:
    """`weekday` in the Monday-to-Sunday week holding today ("this Friday")."""
    return today + timedelta(days=weekday - today.weekday())


def weekday_next_week(today: date, weekday: int) -> date:
    """`weekday` in the week after this one ("next Tuesday" said on a Monday is 8 days out)."""
    return weekday_this_week(today, weekday) + timedelta(days=7)


def last_day_of_month(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: date, months: int) -> date:
    """Same day of month `months` later, clamped to the month's last day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_business_days(day: date, count: int) -> date:
    """`count` working days (Monday to Friday) after `day`."""
    current = day
    while count > 0:
        current += timedelta(days=1)
        if current.weekday() < SATURDAY:
            count -= 1
    return current


def next_business_day(day: date) -> date:
    return add_business_days(day, 1)


def upcoming_month(today: date, month: int) -> int:
    """The year in which `month` next ends: this year unless the month is already over."""
    return today.year if month >= today.month else today.year + 1


def upcoming_date(today: date, month: int, day: int, year: int | None) -> date | None:
    """A calendar date named without a year is the next one on or after today."""
    try:
        if year is not None:
            return date(year if year >= 100 else 2000 + year, month, day)
        candidate = date(today.year, month, day)
        if candidate < today:
            candidate = date(today.year + 1, month, day)
        return candidate
    except ValueError:
        return None


def quarter_end(year: int, quarter: int) -> date:
    return last_day_of_month(year, quarter * 3)
