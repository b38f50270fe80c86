"""The settling policy: who decides each code, and what is quoted."""

from __future__ import annotations

from bot.coach.detect.candidates import Candidate
from bot.coach.detect.catalog import BY_NAME
from bot.coach.settle import settle

SENTENCES = [(0, 20), (21, 50)]
ALL_MODEL_CODES = frozenset({"vague_commitment", "hard_no", "blame", "defensive",
                             "no_next_step", "false_hope", "empty_empathy", "absolute",
                             "shouting"})


def _rule(code: str, start: int, end: int) -> Candidate:
    return Candidate(code, start, end, 1.0, "rules:" + code, BY_NAME.get(code))


def _model(code: str, start: int, end: int, score: float = 0.9) -> Candidate:
    return Candidate(code, start, end, score, "model:" + code)


def test_where_the_model_agrees_the_rule_words_are_quoted() -> None:
    out = settle([_rule("vague_commitment", 25, 29)], [_model("vague_commitment", 21, 50)],
                 SENTENCES, ALL_MODEL_CODES)
    assert [(c.start, c.end, c.source) for c in out] == [(25, 29, "rules:vague_commitment")]


def test_a_rule_finding_the_model_rejects_is_dropped() -> None:
    out = settle([_rule("vague_commitment", 2, 6)], [], SENTENCES, ALL_MODEL_CODES)
    assert out == []


def test_a_finding_only_the_model_makes_is_raised_on_its_own_words() -> None:
    out = settle([], [_model("blame", 3, 12)], SENTENCES, ALL_MODEL_CODES)
    assert [(c.code, c.start, c.end) for c in out] == [("blame", 3, 12)]


def test_rules_decide_shouting_and_every_code_when_no_model_is_loaded() -> None:
    rules = [_rule("shouting", 0, 3), _rule("hard_no", 5, 9)]
    assert {c.code for c in settle(rules, [], SENTENCES, ALL_MODEL_CODES)} == {"shouting"}
    assert {c.code for c in settle(rules, None, SENTENCES)} == {"shouting", "hard_no"}


def test_a_precise_rule_stands_without_the_model_where_either_may_decide() -> None:
    out = settle([_rule("blame", 5, 9)], [], SENTENCES, ALL_MODEL_CODES)
    assert [(c.code, c.source) for c in out] == [("blame", "rules:blame")]


def test_a_rule_finding_the_model_half_believes_stands() -> None:
    rule = _rule("hard_no", 25, 30)
    assert settle([rule], [], SENTENCES, ALL_MODEL_CODES, lambda c: 0.6) == [rule]
    assert settle([rule], [], SENTENCES, ALL_MODEL_CODES, lambda c: 0.3) == []


def test_a_vague_promise_is_a_next_step_so_no_next_step_is_silenced() -> None:
    out = settle([_rule("vague_commitment", 25, 29)],
                 [_model("vague_commitment", 21, 50), _model("no_next_step", 0, 20)],
                 SENTENCES, ALL_MODEL_CODES)
    assert [c.code for c in out] == ["vague_commitment"]


def test_overlapping_candidates_of_one_code_become_one_flag() -> None:
    out = settle([_rule("blame", 2, 10), _rule("blame", 5, 15)], [_model("blame", 0, 20)],
                 SENTENCES, ALL_MODEL_CODES)
    assert len(out) == 1


def test_a_refusal_said_as_final_is_a_hard_no_whatever_the_model_scores() -> None:
    out = settle([_rule("hard_no", 25, 40)], [_model("absolute", 21, 50)],
                 SENTENCES, ALL_MODEL_CODES, backing=lambda c: 0.0)
    assert ("hard_no", 25, 40) in [(c.code, c.start, c.end) for c in out]


def test_an_absolute_elsewhere_does_not_back_a_refusal() -> None:
    out = settle([_rule("hard_no", 25, 40)], [_model("absolute", 2, 10)],
                 SENTENCES, ALL_MODEL_CODES, backing=lambda c: 0.0)
    assert "hard_no" not in [c.code for c in out]
