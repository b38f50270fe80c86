"""More time phrases, found by hand: windows, alternatives, abbreviations, zones, weekends.

The reference `now` is Sunday 2026-11-22 18:36 in New York: after close of
business, on a weekend, a few days before Thanksgiving (Thursday 2026-11-26).
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.coach.time.when import find_times, resolve

NEW_YORK = ZoneInfo("America/New_York")
LONDON = ZoneInfo("Europe/London")
SUNDAY_EVENING = datetime(2026, 11, 22, 18, 36, tzinfo=NEW_YORK)
WEDNESDAY_10AM = datetime(2026, 3, 4, 10, 0, tzinfo=NEW_YORK)

# phrase -> expected local wall time against SUNDAY_EVENING in New York
TABLE = [
    # a window ends at its end, on the day it names
    ("between 8am and noon on Tuesday", "2026-11-24 12:00"),
    ("on Tuesday between 8am and noon", "2026-11-24 12:00"),
    ("between 8 and 12 on Tuesday", "2026-11-24 12:00"),
    ("from 8am to noon Tuesday", "2026-11-24 12:00"),
    ("8am-noon Tuesday", "2026-11-24 12:00"),
    ("between 10 and 2 on Wednesday", "2026-11-25 14:00"),
    ("tomorrow between 9 and 11", "2026-11-23 11:00"),
    ("from 9 to 5 tomorrow", "2026-11-23 17:00"),
    # alternatives: the later one is the promise
    ("Monday or Tuesday", "2026-11-24 17:00"),
    ("by Thursday or Friday", "2026-11-27 17:00"),
    ("at 3 or 4pm", "2026-11-23 16:00"),
    ("Monday 3pm or Tuesday morning", "2026-11-24 12:00"),
    ("Monday at 9, or Tuesday at the latest", "2026-11-24 17:00"),
    ("today or tomorrow", "2026-11-23 17:00"),
    ("in 3-5 business days", "2026-11-27 17:00"),
    ("in an hour or two", "2026-11-22 20:36"),
    ("in a day or two", "2026-11-24 17:00"),
    # abbreviated units
    ("within 24h", "2026-11-23 18:36"),
    ("within 24 hrs", "2026-11-23 18:36"),
    ("in 2hrs", "2026-11-22 20:36"),
    ("in 30 mins", "2026-11-22 19:06"),
    ("in 30m", "2026-11-22 19:06"),
    ("in 1h30", "2026-11-22 20:06"),
    ("in 2d", "2026-11-24 17:00"),
    ("within 2 wks", "2026-12-06 17:00"),
    ("in a couple of hours", "2026-11-22 20:36"),
    ("in a couple hours", "2026-11-22 20:36"),
    ("in about 2 hours", "2026-11-22 20:36"),
    ("in half an hour", "2026-11-22 19:06"),
    # days and times in either order, ordinals
    ("Tue 3pm", "2026-11-24 15:00"),
    ("3pm Tue", "2026-11-24 15:00"),
    ("Tuesday the 24th", "2026-11-24 17:00"),
    ("Tue 24th", "2026-11-24 17:00"),
    ("Thurs 26th", "2026-11-26 17:00"),
    ("24 Nov", "2026-11-24 17:00"),
    ("Nov 24 at 9", "2026-11-24 09:00"),
    ("the 24th", "2026-11-24 17:00"),
    ("on the 3rd", "2026-12-03 17:00"),  # the 3rd is past this month: December's
    ("the 1st of December", "2026-12-01 17:00"),
    # another zone's clock is converted to the writer's
    ("9:00 CET", "2026-11-23 03:00"),
    ("3pm PT", "2026-11-23 18:00"),
    ("10am ET tomorrow", "2026-11-23 10:00"),  # the writer's own zone
    # parts of days and weeks, said on a weekend
    ("by Monday morning", "2026-11-23 12:00"),
    ("tomorrow am", "2026-11-23 12:00"),
    ("Monday pm", "2026-11-23 17:00"),
    ("this time tomorrow", "2026-11-23 18:36"),
    ("by lunchtime", "2026-11-23 12:00"),
    ("at the top of the hour", "2026-11-22 19:00"),
    ("this week", "2026-11-27 17:00"),
    ("end of the week", "2026-11-27 17:00"),
    ("later this week", "2026-11-27 17:00"),
    ("by EOW", "2026-11-27 17:00"),
    ("end of next week", "2026-11-27 17:00"),
    ("early next week", "2026-11-24 17:00"),
    ("midweek", "2026-11-25 17:00"),
    ("by next business day", "2026-11-23 17:00"),
    ("over the weekend", "2026-11-22 23:59"),
    # holidays: close of business the day before
    ("before Christmas", "2026-12-24 17:00"),
    ("by Christmas", "2026-12-24 17:00"),
    ("by New Year", "2026-12-31 17:00"),
    ("by Thanksgiving", "2026-11-25 17:00"),
    # 24-hour and spoken clock times
    ("17h", "2026-11-23 17:00"),
    ("at 17h", "2026-11-23 17:00"),
    ("9h30", "2026-11-23 09:30"),
    ("at 1700", "2026-11-23 17:00"),
    ("by 1700", "2026-11-23 17:00"),
    ("1700 hrs", "2026-11-23 17:00"),
    ("17:00h", "2026-11-23 17:00"),
    ("at half past 3", "2026-11-23 15:30"),
    ("a quarter to 5", "2026-11-23 16:45"),
    ("at half 3", "2026-11-23 15:30"),
    # end of day on a weekend evening: the next close of business
    ("EOD", "2026-11-23 17:00"),
    ("COB", "2026-11-23 17:00"),
    ("by end of day", "2026-11-23 17:00"),
    ("close of business", "2026-11-23 17:00"),
    ("by end of play", "2026-11-23 17:00"),
    ("EOD today", "2026-11-22 23:59"),  # the day is named: today it is
    ("EOD tomorrow", "2026-11-23 17:00"),
    ("today", "2026-11-22 23:59"),
    ("tonight", "2026-11-22 21:00"),
]


@pytest.mark.parametrize(("phrase", "expected"), TABLE)
def test_phrase_resolves_on_a_sunday_evening(phrase: str, expected: str) -> None:
    due = resolve(phrase, now=SUNDAY_EVENING, tz=NEW_YORK)
    assert due is not None, phrase
    assert due.strftime("%Y-%m-%d %H:%M") == expected
    assert due.tzinfo is not None and due.utcoffset() is not None


@pytest.mark.parametrize(
    "phrase",
    ["in a few hours", "before the holidays", "by 2030", "in 3D", "within 500m", "over Christmas"],
)
def test_fuzzy_or_non_time_phrases_resolve_to_nothing(phrase: str) -> None:
    assert resolve(phrase, now=SUNDAY_EVENING, tz=NEW_YORK) is None


@pytest.mark.parametrize(
    "text",
    [
        "We have 24h support.",
        "The job took 17h.",
        "It's a 17h flight.",
        "We'll renew at 1500 per year.",
        "Call us at 0800 123 456.",
        "We'll print it in 3D.",
        "It's within 500m of the station.",
    ],
)
def test_lengths_numbers_and_phones_are_not_times(text: str) -> None:
    assert find_times(text, now=SUNDAY_EVENING, tz=NEW_YORK) == []


def test_eod_on_a_weekday_evening_is_still_tonight_and_on_saturday_is_monday() -> None:
    wednesday_evening = datetime(2026, 3, 4, 19, 0, tzinfo=NEW_YORK)
    assert _wall("EOD", wednesday_evening) == "2026-03-04 23:59"
    assert _wall("COB", wednesday_evening) == "2026-03-04 23:59"
    saturday_morning = datetime(2026, 3, 7, 10, 0, tzinfo=NEW_YORK)
    assert _wall("EOD", saturday_morning) == "2026-03-09 17:00"
    assert _wall("by end of day today", saturday_morning) == "2026-03-07 17:00"
    assert _wall("today", saturday_morning) == "2026-03-07 17:00"


def test_on_a_weekday_this_week_is_still_this_friday() -> None:
    assert _wall("this week", WEDNESDAY_10AM) == "2026-03-06 17:00"
    assert _wall("midweek", WEDNESDAY_10AM) == "2026-03-04 17:00"
    thursday = datetime(2026, 3, 5, 10, 0, tzinfo=NEW_YORK)
    assert _wall("midweek", thursday) == "2026-03-11 17:00"


def test_a_named_zone_follows_its_own_daylight_saving_time() -> None:
    # London is still on GMT and New York already on EDT: five hours apart, not four.
    monday = datetime(2026, 3, 9, 8, 0, tzinfo=LONDON)
    due = resolve("at 3pm ET", now=monday, tz=LONDON)
    assert due is not None and due.strftime("%Y-%m-%d %H:%M %Z") == "2026-03-09 19:00 GMT"


def test_the_window_span_covers_both_ends() -> None:
    text = "The technician will arrive between 8am and noon on Tuesday."
    spans = find_times(text, now=SUNDAY_EVENING, tz=NEW_YORK)
    assert [text[s.start : s.end] for s in spans] == ["8am and noon on Tuesday"]


def test_separate_times_in_separate_clauses_are_not_merged() -> None:
    text = "I'll call you at 3pm, and by 5pm you'll have the report."
    spans = find_times(text, now=SUNDAY_EVENING, tz=NEW_YORK)
    assert [s.due.strftime("%H:%M") for s in spans] == ["15:00", "17:00"]


def test_the_table_is_big_enough_to_mean_something() -> None:
    assert len(TABLE) >= 60


def _wall(phrase: str, now: datetime) -> str:
    due = resolve(phrase, now=now, tz=NEW_YORK)
    assert due is not None, phrase
    return due.strftime("%Y-%m-%d %H:%M")
