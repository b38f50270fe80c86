"""Time phrases resolve to the instant a customer would hold the writer to.

The reference `now` is Wednesday 2026-03-04 10:00 in New York, four days
before the US switches to daylight saving time (Sunday 2026-03-08 02:00).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.coach.time.when import find_times, resolve

NEW_YORK = ZoneInfo("America/New_York")
LONDON = ZoneInfo("Europe/London")
TOKYO = ZoneInfo("Asia/Tokyo")
WEDNESDAY_10AM = datetime(2026, 3, 4, 10, 0, tzinfo=NEW_YORK)

# phrase -> expected local wall time ("YYYY-MM-DD HH:MM") against WEDNESDAY_10AM in New York
TABLE = [
    # end of day and its abbreviations
    ("EOD", "2026-03-04 17:00"),
    ("by end of day", "2026-03-04 17:00"),
    ("end of business day", "2026-03-04 17:00"),
    ("COB", "2026-03-04 17:00"),
    ("close of business tomorrow", "2026-03-05 17:00"),
    ("by end of day Thursday", "2026-03-05 17:00"),
    ("Thursday EOD", "2026-03-05 17:00"),
    ("EOD Friday", "2026-03-06 17:00"),
    ("by the end of today", "2026-03-04 17:00"),
    # minutes and hours: real elapsed time
    ("within the hour", "2026-03-04 11:00"),
    ("in the next hour", "2026-03-04 11:00"),
    ("in 30 minutes", "2026-03-04 10:30"),
    ("in 20 mins", "2026-03-04 10:20"),
    ("in half an hour", "2026-03-04 10:30"),
    ("in the next half hour", "2026-03-04 10:30"),
    ("allow up to 72 hours", "2026-03-07 10:00"),
    ("up to 10 working days", "2026-03-18 17:00"),
    ("in an hour", "2026-03-04 11:00"),
    ("in 3 hours", "2026-03-04 13:00"),
    ("within 48 hours", "2026-03-06 10:00"),
    ("in 24-48 hours", "2026-03-06 10:00"),
    ("by this time tomorrow", "2026-03-05 10:00"),
    # parts of the day
    ("first thing tomorrow", "2026-03-05 09:00"),
    ("first thing Monday", "2026-03-09 09:00"),
    ("first thing in the morning", "2026-03-05 09:00"),
    ("tomorrow morning", "2026-03-05 12:00"),
    ("tomorrow morning before 10", "2026-03-05 10:00"),
    ("tomorrow afternoon", "2026-03-05 17:00"),
    ("this afternoon", "2026-03-04 17:00"),
    ("this afternoon at 3", "2026-03-04 15:00"),
    ("this evening", "2026-03-04 21:00"),
    ("tonight", "2026-03-04 21:00"),
    ("in the morning", "2026-03-05 12:00"),
    ("after lunch today", "2026-03-04 14:00"),
    ("by lunchtime", "2026-03-04 12:00"),
    # days
    ("today", "2026-03-04 17:00"),
    ("later today", "2026-03-04 17:00"),
    ("tomorrow", "2026-03-05 17:00"),
    ("tmrw", "2026-03-05 17:00"),
    ("the day after tomorrow", "2026-03-06 17:00"),
    ("by Friday", "2026-03-06 17:00"),
    ("on Monday", "2026-03-09 17:00"),
    ("Wednesday", "2026-03-11 17:00"),  # today's weekday name means next week's
    ("this Friday", "2026-03-06 17:00"),
    ("next Tuesday", "2026-03-10 17:00"),
    ("next Friday", "2026-03-13 17:00"),
    ("Monday morning", "2026-03-09 12:00"),
    ("Friday at noon", "2026-03-06 12:00"),
    ("next Monday at 9:15am", "2026-03-09 09:15"),
    # weeks, months, quarters
    ("next week", "2026-03-13 17:00"),
    ("early next week", "2026-03-10 17:00"),
    ("mid next week", "2026-03-11 17:00"),
    ("end of next week", "2026-03-13 17:00"),
    ("end of the week", "2026-03-06 17:00"),
    ("later this week", "2026-03-06 17:00"),
    ("by the weekend", "2026-03-06 17:00"),
    ("over the weekend", "2026-03-08 17:00"),
    ("end of month", "2026-03-31 17:00"),
    ("by the end of the month", "2026-03-31 17:00"),
    ("end of next month", "2026-04-30 17:00"),
    ("mid-March", "2026-03-15 17:00"),
    ("the first week of April", "2026-04-07 17:00"),
    ("end of Q2", "2026-06-30 17:00"),
    # counted days
    ("in 2 days", "2026-03-06 17:00"),
    ("2 days from now", "2026-03-06 17:00"),
    ("in 3 business days", "2026-03-09 17:00"),
    ("within 5 working days", "2026-03-11 17:00"),
    ("in two weeks", "2026-03-18 17:00"),
    ("within a week", "2026-03-11 17:00"),
    ("in a couple of days", "2026-03-06 17:00"),
    # explicit dates
    ("March 10", "2026-03-10 17:00"),
    ("10 March", "2026-03-10 17:00"),
    ("the 10th of March", "2026-03-10 17:00"),
    ("March 10th at 2pm", "2026-03-10 14:00"),
    ("Tuesday, March 10", "2026-03-10 17:00"),
    ("3/10", "2026-03-10 17:00"),
    ("2026-03-10", "2026-03-10 17:00"),
    ("the 10th", "2026-03-10 17:00"),
    ("the 2nd", "2026-04-02 17:00"),  # already past this month: next month's
    ("March 2", "2027-03-02 17:00"),  # already past this year: next year's
    ("May the 4th", "2026-05-04 17:00"),
    # clock times
    ("3pm", "2026-03-04 15:00"),
    ("15:00", "2026-03-04 15:00"),
    ("3:30 p.m.", "2026-03-04 15:30"),
    ("noon", "2026-03-04 12:00"),
    ("midnight", "2026-03-05 00:00"),
    ("9am", "2026-03-05 09:00"),  # already past today: tomorrow's
    ("at 10", "2026-03-05 10:00"),  # exactly now is not ahead
    ("at 4 o'clock", "2026-03-04 16:00"),
    ("tomorrow at 10", "2026-03-05 10:00"),
    ("between 1 and 3pm tomorrow", "2026-03-05 15:00"),
    ("9:00 a.m tomorrow", "2026-03-05 09:00"),
    ("at 9 am on Sunday", "2026-03-08 09:00"),
]


@pytest.mark.parametrize(("phrase", "expected"), TABLE)
def test_phrase_resolves_to_a_checkable_instant(phrase: str, expected: str) -> None:
    due = resolve(phrase, now=WEDNESDAY_10AM, tz=NEW_YORK)
    assert due is not None, phrase
    assert due.strftime("%Y-%m-%d %H:%M") == expected
    assert due.tzinfo is not None and due.utcoffset() is not None


def test_the_table_is_big_enough_to_mean_something() -> None:
    assert len(TABLE) >= 60


@pytest.mark.parametrize(
    "phrase",
    ["soon", "ASAP", "shortly", "in a few days", "at some point", "later", "in a minute",
     "right back", "when we can", "in due course", "24/7", "version 3.2", "at 100%"],
)
def test_vague_or_non_time_words_resolve_to_nothing(phrase: str) -> None:
    assert resolve(phrase, now=WEDNESDAY_10AM, tz=NEW_YORK) is None


def test_elapsed_hours_cross_the_spring_forward_in_real_time() -> None:
    due = resolve("within 96 hours", now=WEDNESDAY_10AM, tz=NEW_YORK)
    assert due is not None
    assert due.astimezone(UTC) - WEDNESDAY_10AM.astimezone(UTC) == timedelta(hours=96)
    assert due.strftime("%Y-%m-%d %H:%M %z") == "2026-03-08 11:00 -0400"


def test_counted_days_keep_close_of_business_after_the_clock_change() -> None:
    due = resolve("in 5 days", now=WEDNESDAY_10AM, tz=NEW_YORK)
    assert due is not None and due.strftime("%Y-%m-%d %H:%M %z") == "2026-03-09 17:00 -0400"


def test_a_time_inside_the_skipped_hour_moves_forward_like_the_clock() -> None:
    saturday_night = datetime(2026, 3, 7, 22, 0, tzinfo=NEW_YORK)
    due = resolve("at 2:30 am on Sunday", now=saturday_night, tz=NEW_YORK)
    assert due is not None and due.strftime("%Y-%m-%d %H:%M %z") == "2026-03-08 03:30 -0400"
    six_hours = resolve("in 6 hours", now=saturday_night, tz=NEW_YORK)
    assert six_hours is not None and six_hours.strftime("%H:%M %z") == "05:00 -0400"


def test_london_summer_time_starts_between_now_and_monday() -> None:
    friday = datetime(2026, 3, 27, 16, 0, tzinfo=LONDON)
    monday = resolve("by Monday", now=friday, tz=LONDON)
    assert monday is not None and monday.strftime("%Y-%m-%d %H:%M %z") == "2026-03-30 17:00 +0100"
    two_days = resolve("in 48 hours", now=friday, tz=LONDON)
    assert two_days is not None and two_days.strftime("%d %H:%M %z") == "29 17:00 +0100"


def test_now_given_in_another_zone_is_read_in_the_writers_zone() -> None:
    utc_now = datetime(2026, 3, 4, 10, 0, tzinfo=ZoneInfo("UTC"))  # 19:00 in Tokyo
    tomorrow = resolve("tomorrow", now=utc_now, tz=TOKYO)
    assert tomorrow is not None and tomorrow.strftime("%Y-%m-%d %H:%M %Z") == "2026-03-05 17:00 JST"
    late_eod = resolve("EOD", now=utc_now, tz=TOKYO)
    assert late_eod is not None and late_eod.strftime("%H:%M") == "23:59"


def test_said_on_a_friday_friday_means_next_week_and_this_friday_means_today() -> None:
    friday = datetime(2026, 3, 6, 10, 0, tzinfo=NEW_YORK)
    assert _wall("Friday", friday) == "2026-03-13 17:00"
    assert _wall("on Friday", friday) == "2026-03-13 17:00"
    assert _wall("this Friday", friday) == "2026-03-06 17:00"
    assert _wall("end of the week", friday) == "2026-03-06 17:00"
    assert _wall("next week", friday) == "2026-03-13 17:00"


def test_by_friday_said_on_a_friday_is_today_until_close_of_business() -> None:
    morning = datetime(2026, 3, 6, 10, 0, tzinfo=NEW_YORK)
    evening = datetime(2026, 3, 6, 17, 30, tzinfo=NEW_YORK)
    assert _wall("by Friday", morning) == "2026-03-06 17:00"
    assert _wall("before Friday", morning) == "2026-03-06 17:00"
    assert _wall("no later than Friday", morning) == "2026-03-06 17:00"
    assert _wall("by Friday", evening) == "2026-03-13 17:00"
    assert _wall("next Friday", morning) == "2026-03-13 17:00"
    assert _wall("by Thursday", morning) == "2026-03-12 17:00"


def test_on_a_monday_next_friday_is_the_one_in_the_following_week() -> None:
    monday = datetime(2026, 3, 9, 9, 0, tzinfo=NEW_YORK)
    assert _wall("Friday", monday) == "2026-03-13 17:00"
    assert _wall("next Friday", monday) == "2026-03-20 17:00"


def test_business_days_skip_the_weekend() -> None:
    friday = datetime(2026, 3, 6, 10, 0, tzinfo=NEW_YORK)
    assert _wall("in 1 business day", friday) == "2026-03-09 17:00"
    assert _wall("within 2 working days", friday) == "2026-03-10 17:00"


def test_today_said_after_close_of_business_means_before_midnight() -> None:
    evening = datetime(2026, 3, 4, 18, 30, tzinfo=NEW_YORK)
    assert _wall("today", evening) == "2026-03-04 23:59"
    assert _wall("3pm", evening) == "2026-03-05 15:00"


def test_find_times_reports_spans_inside_a_sentence() -> None:
    text = "I'll call you tomorrow at 10, and send the contract by Friday."
    spans = find_times(text, now=WEDNESDAY_10AM, tz=NEW_YORK)
    assert [text[s.start : s.end] for s in spans] == ["tomorrow at 10", "Friday"]
    assert [s.due.strftime("%d %H:%M") for s in spans] == ["05 10:00", "06 17:00"]


@pytest.mark.parametrize(
    "text",
    [
        "We reduced the price by 5 dollars.",
        "Our support is open 24/7.",
        "I sat down with the team.",
        "You may want to restart it.",
        "He was on the 3rd floor.",
        "Good morning Sarah",
    ],
)
def test_numbers_and_words_that_are_not_times_are_left_alone(text: str) -> None:
    assert find_times(text, now=WEDNESDAY_10AM, tz=NEW_YORK) == []


def _wall(phrase: str, now: datetime) -> str:
    due = resolve(phrase, now=now, tz=NEW_YORK)
    assert due is not None, phrase
    return due.strftime("%Y-%m-%d %H:%M")
