"""New due times for a promise: a week's snooze, or a date someone picked.

Both are computed as absolute times before the click is sent (the snooze
target travels in the button), so a double click or a retried delivery sets
the same time twice instead of snoozing two weeks. Days are added in the
person's own wall-clock time: a snooze across a daylight-saving change keeps
"17:00", it does not drift to 16:00 or 18:00.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from bot.service.errors import InvalidInput
from bot.service.records import zone

SNOOZE_DAYS = 7
END_OF_DAY = time(17, 0)
"""The time a date alone stands for: the end of that working day."""


def _local_time(due: datetime | None, tz: str) -> time:
    if due is None:
        return END_OF_DAY
    return due.astimezone(zone(tz)).time().replace(second=0, microsecond=0)


def at_local(day: date, at: time, tz: str) -> datetime:
    return datetime.combine(day, at, tzinfo=zone(tz)).astimezone(UTC)


def snooze_target(due: datetime | None, now: datetime, tz: str) -> datetime:
    """A week after the later of its due day and today, at its own time of day (17:00 if none)."""
    today = now.astimezone(zone(tz)).date()
    day = today if due is None else max(due.astimezone(zone(tz)).date(), today)
    return at_local(day + timedelta(days=SNOOZE_DAYS), _local_time(due, tz), tz)


def on_date(day: date, due: datetime | None, tz: str, now: datetime) -> datetime:
    """The picked day at the promise's own time of day; a day already gone is refused."""
    if day < now.astimezone(zone(tz)).date():
        raise InvalidInput("Pick a date from today on: that one has already gone.")
    return at_local(day, _local_time(due, tz), tz)


def parse_day(raw: str) -> date:
    """A date picker's value ("2026-12-04"); anything else is a friendly error."""
    try:
        return date.fromisoformat(raw.strip()[:10])
    except (ValueError, AttributeError):
        raise InvalidInput("That date did not read as one; pick it again.") from None


def parse_target(raw: str) -> datetime:
    """A snooze target as a button carries it (ISO 8601 with offset)."""
    try:
        moment = datetime.fromisoformat(raw.strip())
    except (ValueError, AttributeError):
        moment = None
    if moment is None or moment.tzinfo is None:
        raise InvalidInput("That button is from an older message; open your promises again.")
    return moment.astimezone(UTC)
