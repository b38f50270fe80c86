"""Suggested times are concrete, inside business hours, and read back the same."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.coach.time.suggest import Horizon, suggest
from bot.coach.time.when import resolve

NEW_YORK = ZoneInfo("America/New_York")
BERLIN = ZoneInfo("Europe/Berlin")

MOMENTS = [
    datetime(2026, 3, 4, 10, 0, tzinfo=NEW_YORK),  # Wednesday morning
    datetime(2026, 3, 4, 10, 17, tzinfo=NEW_YORK),  # odd minutes
    datetime(2026, 3, 4, 16, 30, tzinfo=NEW_YORK),  # near close of business
    datetime(2026, 3, 6, 18, 0, tzinfo=NEW_YORK),  # Friday evening
    datetime(2026, 3, 7, 11, 0, tzinfo=NEW_YORK),  # Saturday, clocks change tomorrow
    datetime(2026, 3, 9, 7, 0, tzinfo=NEW_YORK),  # Monday before opening
    datetime(2026, 3, 27, 23, 30, tzinfo=BERLIN),  # late night before Berlin's DST
]


@pytest.mark.parametrize("now", MOMENTS, ids=lambda d: d.strftime("%a-%H%M"))
@pytest.mark.parametrize("horizon", list(Horizon), ids=lambda h: h.name)
def test_every_suggested_phrase_reads_back_to_its_own_deadline(
    now: datetime, horizon: Horizon
) -> None:
    tz = now.tzinfo
    assert isinstance(tz, ZoneInfo)
    due, phrase = suggest(horizon, now=now, tz=tz)
    assert due > now
    assert resolve(phrase.split(" (")[0], now=now, tz=tz) == due
    if horizon is Horizon.MINUTES:
        assert f"(by {due:%H:%M})" in phrase


@pytest.mark.parametrize("now", MOMENTS[2:], ids=lambda d: d.strftime("%a-%H%M"))
def test_soon_and_later_land_in_business_hours(now: datetime) -> None:
    tz = now.tzinfo
    assert isinstance(tz, ZoneInfo)
    for horizon in (Horizon.HOURS, Horizon.TODAY, Horizon.DAYS):
        due, _ = suggest(horizon, now=now, tz=tz)
        assert due.weekday() < 5
        assert 9 <= due.hour <= 17


def test_the_examples_of_the_brief() -> None:
    wednesday = MOMENTS[0]
    assert suggest(Horizon.MINUTES, now=wednesday, tz=NEW_YORK)[1] == "within the hour (by 11:00)"
    assert suggest(Horizon.HOURS, now=wednesday, tz=NEW_YORK)[1] == "by noon today"
    assert suggest(Horizon.TODAY, now=wednesday, tz=NEW_YORK)[1] == "by 3 pm today"
    assert suggest(Horizon.DAYS, now=wednesday, tz=NEW_YORK)[1] == "by end of day Monday"
    assert suggest(Horizon.WEEKS, now=wednesday, tz=NEW_YORK)[1] == "by the end of next week"


def test_late_on_friday_soon_means_monday_morning() -> None:
    due, phrase = suggest(Horizon.HOURS, now=MOMENTS[3], tz=NEW_YORK)
    assert phrase == "by 10 am Monday"
    assert due.strftime("%Y-%m-%d %H:%M %z") == "2026-03-09 10:00 -0400"
