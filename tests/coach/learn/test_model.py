"""The model file: plain-Python scoring that agrees with itself head by head."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.coach import coach_draft
from bot.coach.learn import model as model_module
from bot.coach.learn.model import MODEL_ENV, MODEL_PATH, load_model, parse_model

TINY = {
    "version": 2,
    "levels": {
        "sentence": {
            "heads": [
                {"name": "commitment", "classes": ["none", "specific", "vague"],
                 "bias": [1.0, -1.0, -1.0], "thresholds": {"vague": 0.5, "promise": 0.5}},
                {"name": "refusal", "classes": ["none", "hard", "softened"],
                 "bias": [2.0, -2.0, -2.0], "thresholds": {"hard": 0.5, "refusal": 0.5}},
            ],
            "rows": {"soon": [-1.0, -0.5, 2.5, 0.0, 0.0, 0.0],
                     "can": [0.0, 0.0, 0.0, 0.0, 0.1, 0.0]},
        },
        "draft": {
            "heads": [{"name": "blame", "classes": ["no", "yes"], "bias": [-2.0],
                       "thresholds": {"yes": 0.5}}],
            "rows": {"fault": [3.5]},
        },
    },
}


def test_a_binary_head_is_a_sigmoid_and_a_multiclass_head_a_softmax() -> None:
    model = parse_model(TINY)
    blame = model.heads["blame"].probabilities({"fault"})
    assert blame["yes"] == pytest.approx(1 / (1 + 2.718281828 ** -1.5), rel=1e-6)
    c = model.heads["commitment"].probabilities({"soon"})
    assert sum(c.values()) == pytest.approx(1.0)
    assert max(c, key=c.__getitem__) == "vague"


def test_scoring_a_level_at_once_equals_scoring_each_head() -> None:
    model = parse_model(TINY)
    features = {"soon", "can", "fault"}
    together = model.sentence.score(features)
    for name in ("commitment", "refusal"):
        alone = model.heads[name].probabilities(features)
        assert together[name] == pytest.approx(alone)
    assert model.draft.score(features)["blame"] == pytest.approx(
        model.heads["blame"].probabilities(features))


def test_the_heads_decide_their_codes() -> None:
    assert parse_model(TINY).heads_for_codes() == {"vague_commitment", "hard_no", "blame"}


def test_the_shipped_model_is_in_the_repository_with_its_licence() -> None:
    data = json.loads(MODEL_PATH.read_text())
    names = {h["name"] for level in data["levels"].values() for h in level["heads"]}
    assert {"commitment", "refusal", "blame", "defensive"} <= names
    assert "may_train" in data["licence"] and "CC BY-SA" in data["licence"]
    assert "airline" not in data["trained_on"] and "brand" not in data["trained_on"]


def test_without_a_model_file_the_rules_alone_coach(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(MODEL_ENV, str(tmp_path / "missing.json"))
    model_module._load.cache_clear()
    try:
        assert load_model() is None
        result = coach_draft("Sorry, we can't extend the deadline.")
        assert "hard_no" in result.flag_codes
    finally:
        model_module._load.cache_clear()
