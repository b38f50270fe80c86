"""Reading the incident form's date and time in the user's own time zone."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.teams.answers import parse_due

PARIS = ZoneInfo("Europe/Paris")


def test_date_and_time_are_read_in_the_users_zone() -> None:
    assert parse_due("2026-03-05", "09:30", "Europe/Paris") == datetime(
        2026, 3, 5, 9, 30, tzinfo=PARIS)


def test_a_date_alone_means_the_end_of_that_working_day() -> None:
    assert parse_due("2026-03-05", "", "Europe/Paris") == datetime(2026, 3, 5, 17, 0, tzinfo=PARIS)


def test_a_time_alone_means_today() -> None:
    due = parse_due("", "16:00", "Europe/Paris")
    assert due is not None and due.date() == datetime.now(PARIS).date()


def test_nothing_means_no_due_time() -> None:
    assert parse_due("", "", "UTC") is None


def test_garbage_is_a_value_error_the_form_reports() -> None:
    with pytest.raises(ValueError):
        parse_due("next tuesday", "", "UTC")
