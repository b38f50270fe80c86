"""The public API's contract: what the CLI, the service layer and the adapters rely on."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.coach import MAX_DRAFT_CHARS, CoachResult, DraftError, coach_draft

NOW = datetime(2026, 3, 4, 10, 0, tzinfo=ZoneInfo("UTC"))


def test_empty_draft_is_refused_with_a_clear_message() -> None:
    for empty in ("", "   ", "\n\t\n"):
        with pytest.raises(DraftError, match=r"^The draft is empty: "):
            coach_draft(empty)


def test_too_long_draft_names_the_limit() -> None:
    with pytest.raises(DraftError, match=f"{MAX_DRAFT_CHARS:,}"):
        coach_draft("a" * (MAX_DRAFT_CHARS + 1))


def test_a_draft_at_the_limit_is_coached() -> None:
    text = ("Thanks for your order. " * 300)[:MAX_DRAFT_CHARS]
    assert coach_draft(text, now=NOW).text == text


def test_unknown_time_zone_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="Mars/Olympus"):
        coach_draft("Thanks!", tz="Mars/Olympus")


def test_clean_reply_has_no_flags_and_no_rewrite() -> None:
    result = coach_draft("Thanks for the photos, Sam. I've booked the repair and the engineer "
                         "will arrive Thursday between 1 and 3pm.", now=NOW)
    assert isinstance(result, CoachResult)
    assert result.flags == () and result.rewrite is None and result.rewrite_source == "rules"


def test_flags_are_sorted_and_quote_the_exact_span() -> None:
    text = ("As I already said, we can't refund it!!! You should have read the terms. "
            "I understand your frustration.")
    result = coach_draft(text, now=NOW, id=7)
    starts = [f.start for f in result.flags]
    assert starts == sorted(starts)
    assert {f.code for f in result.flags} >= {"defensive", "hard_no", "shouting", "blame",
                                              "empty_empathy"}
    for flag in result.flags:
        assert text[flag.start : flag.end] == flag.quote
        assert flag.message and flag.suggestion


def test_offsets_are_into_the_original_text_with_markup() -> None:
    text = "Hi <@U024BE7LH> :wave: <https://x.example/t/9|ticket 9>: sorry, we can't refund it."
    result = coach_draft(text, now=NOW)
    flag = next(f for f in result.flags if f.code == "hard_no")
    assert flag.quote == "we can't refund it"
    assert text[flag.start : flag.end] == flag.quote


def test_to_dict_is_the_json_contract() -> None:
    data = coach_draft("Sorry, we can't extend the deadline.", now=NOW, id="a1").to_dict()
    assert set(data) == {"id", "flags", "promises", "rewrite", "rewrite_source"}
    assert data["id"] == "a1" and data["rewrite_source"] == "rules"
    assert set(data["flags"][0]) == {"code", "start", "end", "quote", "message", "suggestion"}


def test_now_and_tz_accept_aware_naive_and_tzinfo() -> None:
    naive = coach_draft("Thanks!", now=datetime(2026, 3, 4, 10, 0), tz="Europe/Paris")
    aware = coach_draft("Thanks!", now=datetime(2026, 3, 4, 9, 0, tzinfo=UTC), tz=UTC)
    assert naive.flags == aware.flags == ()


def test_same_draft_same_answer() -> None:
    text = "I hear you. Unfortunately that's impossible. We'll see."
    assert coach_draft(text, now=NOW) == coach_draft(text, now=NOW)
