"""The registry of flag codes: every code's example drafts, run through the whole coach."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.coach import coach_draft
from bot.coach.codes import CODES, MUST_FIX, ORDER
from bot.coach.labels import FLAG_LABELS

NOW = datetime(2026, 3, 4, 10, 0, tzinfo=UTC)
FAILS = [(code, text) for code, entry in CODES.items() for text in entry.fails]
PASSES = [(code, text) for code, entry in CODES.items() for text in entry.passes]


def test_the_registry_holds_the_nine_contract_codes_in_order() -> None:
    assert ORDER == ("vague_commitment", "hard_no", "false_hope", "blame", "defensive",
                     "empty_empathy", "shouting", "absolute", "no_next_step")
    assert set(FLAG_LABELS) == set(ORDER)


def test_must_fix_codes_are_the_ones_that_make_things_worse() -> None:
    assert {"vague_commitment", "hard_no", "blame", "defensive", "shouting",
                        "false_hope"} == MUST_FIX


@pytest.mark.parametrize(("code", "text"), FAILS)
def test_a_registry_example_raises_its_code(code: str, text: str) -> None:
    result = coach_draft(text, now=NOW)
    assert code in result.flag_codes, (text, result.flag_codes)


@pytest.mark.parametrize(("code", "text"), PASSES)
def test_a_registry_counter_example_does_not_raise_its_code(code: str, text: str) -> None:
    result = coach_draft(text, now=NOW)
    assert code not in result.flag_codes, (text, result.flag_codes)


def test_every_flag_explains_itself_with_the_registry_words() -> None:
    result = coach_draft("Sorry, that was Dave on the night shift, he messed up your order.",
                         now=NOW)
    for flag in result.flags:
        assert CODES[flag.code].why in flag.message or flag.message
        assert flag.quote == result.text[flag.start:flag.end]
        assert flag.suggestion
