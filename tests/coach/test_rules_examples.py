"""Every rule's own examples: the failing ones raise its code, the passing ones don't."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.coach import coach_draft
from bot.coach.detect.catalog import ALL_RULES, BY_NAME
from bot.coach.detect.rules import Fix

# The rules stage on its own: what each rule finds and how the rules rewriter
# words its fix (tests/coach/conftest.py says why).
pytestmark = pytest.mark.usefixtures("rules_only")

NOW = datetime(2026, 3, 4, 10, 0)
PRODUCT_CODES = {
    "vague_commitment", "hard_no", "false_hope", "blame", "defensive", "empty_empathy",
    "shouting", "absolute", "no_next_step",
}


FAILING = [(r.name, r.code, ex) for r in ALL_RULES for ex in r.fails]
PASSING = [(r.name, r.code, ex) for r in ALL_RULES for ex in r.passes]


@pytest.mark.parametrize(("name", "code", "example"), FAILING)
def test_failing_example_raises_its_code(name: str, code: str, example: str) -> None:
    codes = [f.code for f in coach_draft(example, now=NOW).flags]
    assert code in codes, f"{name} missed: {example!r}"


@pytest.mark.parametrize(("name", "code", "example"), PASSING)
def test_passing_example_stays_quiet(name: str, code: str, example: str) -> None:
    flags = [f for f in coach_draft(example, now=NOW).flags if f.code == code]
    assert not flags, f"{name} fired on {example!r}: {[f.quote for f in flags]}"


def test_every_product_flag_code_has_a_rule() -> None:
    assert {r.code for r in ALL_RULES} == PRODUCT_CODES


def test_every_rule_explains_itself() -> None:
    for entry in ALL_RULES:
        assert "principle" in entry.message, entry.name
        assert entry.suggestion.lstrip('"')[:1].isupper(), entry.name
        assert len(entry.fails) >= 3 and len(entry.passes) >= 3, entry.name
        if entry.fix is Fix.REPLACE:
            assert entry.replacement, entry.name


def test_rule_names_are_unique() -> None:
    assert len(BY_NAME) == len(ALL_RULES)
