"""Review fixes: dates after a deadline word, no second time in a rewrite, hedge scope."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.coach import coach_draft
from bot.coach.time.when import names_time

NOW = datetime(2026, 3, 4, 10, 0, tzinfo=ZoneInfo("UTC"))


@pytest.mark.parametrize(
    ("draft", "due"),
    [
        ("I'll send it by 10 March.", "2026-03-10T17:00:00+00:00"),
        ("I'll send it by 10th March.", "2026-03-10T17:00:00+00:00"),
        ("I'll send it by 2026-03-10.", "2026-03-10T17:00:00+00:00"),
        ("I'll send it by 2026/03/10.", "2026-03-10T17:00:00+00:00"),
        ("I'll send it before 10 March.", "2026-03-10T17:00:00+00:00"),
        ("I'll send it no later than 10 Mar.", "2026-03-10T17:00:00+00:00"),
        ("I'll send it until 10 March.", "2026-03-10T17:00:00+00:00"),
        ("I'll send it by 10/03.", "2026-10-03T17:00:00+00:00"),  # M/D, as documented
        ("I'll send it by March 10th.", "2026-03-10T17:00:00+00:00"),
        ("I'll send it by 10 March at 3pm.", "2026-03-10T15:00:00+00:00"),
    ],
)
def test_a_date_after_a_deadline_word_is_the_due_date(draft: str, due: str) -> None:
    result = coach_draft(draft, now=NOW)
    assert [(p.due.isoformat() if p.due else None, p.vague) for p in result.promises] == [
        (due, False)
    ]
    assert not [f for f in result.flags if f.code == "vague_commitment"]
    assert result.rewrite is None


@pytest.mark.parametrize("draft", ["I'll call you by 10.", "I'll send it on 3/4."])
def test_no_time_is_suggested_next_to_one_the_writer_gave(draft: str) -> None:
    result = coach_draft(draft, now=NOW)
    assert result.rewrite is None or " by 3 pm" not in result.rewrite
    assert not [f for f in result.flags if f.code == "vague_commitment"]


def test_a_promise_with_no_time_still_gets_one() -> None:
    result = coach_draft("I'll send the invoice.", now=NOW)
    assert result.promises[0].vague
    assert result.rewrite is not None and "I'll send the invoice by" in result.rewrite


def test_names_time() -> None:
    assert names_time("by 10 March")
    assert names_time("on 3/4")
    assert names_time("next week")
    assert not names_time("in the next release")
    assert not names_time("3-5 samples")


@pytest.mark.parametrize(
    ("draft", "expected"),
    [
        (
            "Unfortunately that's not possible at this time. We'll see what we can do in the "
            "next release, no promises.",
            "Here's what we'll do in the next release: [what you will do] by [a time].",
        ),
        (
            "We'll see what we can do for you.",
            "Here's what we'll do for you: [what you will do] by [a time].",
        ),
        (
            "We'll see what we can do next week.",
            "Here's what we'll do next week: [what you will do].",
        ),
    ],
)
def test_an_effort_hedge_keeps_its_scope_before_the_slots(draft: str, expected: str) -> None:
    result = coach_draft(draft, now=NOW)
    assert result.rewrite is not None
    assert expected in result.rewrite
    assert "[a time] in the" not in result.rewrite


@pytest.mark.parametrize(
    ("draft", "code"),
    [
        ("As I mentioned in my previous email, the refund takes five days.", "defensive"),
        ("As previously mentioned, we ship on Mondays.", "defensive"),
        ("As stated before, the code is on the receipt.", "defensive"),
        ("Like I said, the code is on the receipt.", "defensive"),
        ("The delay was caused by the courier.", "blame"),
        ("The courier caused the delay.", "blame"),
        ("This happened because the warehouse sent the wrong item.", "blame"),
    ],
)
def test_defensive_and_blame_wordings(draft: str, code: str) -> None:
    result = coach_draft(draft, now=NOW)
    assert code in [f.code for f in result.flags]
    assert result.rewrite is not None
    assert "courier" not in result.rewrite and "warehouse" not in result.rewrite
    assert "mentioned" not in result.rewrite and " said" not in result.rewrite
