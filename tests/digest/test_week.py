from datetime import UTC, datetime

from bot.digest.week import week_key


def test_the_week_is_the_users_own_iso_week():
    sunday_night_utc = datetime(2026, 3, 8, 23, 30, tzinfo=UTC)
    assert week_key(sunday_night_utc, "UTC") == "2026-W10"
    assert week_key(sunday_night_utc, "Europe/Paris") == "2026-W11"  # already Monday there
    assert week_key(sunday_night_utc, "America/Los_Angeles") == "2026-W10"


def test_the_first_days_of_january_can_belong_to_last_years_week():
    assert week_key(datetime(2027, 1, 1, 12, tzinfo=UTC), "UTC") == "2026-W53"
