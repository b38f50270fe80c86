"""Reading the trained model file and scoring features with it, in plain Python.

The file (`bot/coach/learn/coach-model.json`, written by `make train`) holds
one head per decision: a logistic regression's bias and per-feature weights,
and the threshold chosen on held-out predictions. Scoring a sentence is a sum
of a few dozen dictionary look-ups, so a draft costs microseconds and the
coach needs no numpy at run time. `TOUGHCLIENT_COACH_MODEL` points at another
file (the evaluation trains one per held-out source and scores with it), or
is `off` to coach with the rules alone.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

MODEL_PATH = Path(__file__).with_name("coach-model.json")
MODEL_ENV = "TOUGHCLIENT_COACH_MODEL"


@dataclass(frozen=True, slots=True)
class Head:
    """One decision: its classes, a bias per class, and its columns in its level's rows.

    A binary head has classes ("no", "yes") and one column, for "yes".
    """

    name: str
    level: str  # "sentence" or "draft"
    classes: tuple[str, ...]
    bias: tuple[float, ...]
    thresholds: dict[str, float]
    offset: int  # where this head's columns start in each row of its level
    rows: dict[str, list[float]]  # the level's weights, one row per feature

    @property
    def width(self) -> int:
        return len(self.bias)

    def probabilities(self, features: Iterable[str]) -> dict[str, float]:
        totals = list(self.bias)
        rows, first = self.rows, self.offset
        for feature in features:
            row = rows.get(feature)
            if row is not None:
                for k in range(len(totals)):
                    totals[k] += row[first + k]
        return self.from_totals(totals)

    def from_totals(self, totals: Sequence[float]) -> dict[str, float]:
        """Class probabilities from the summed bias and weights (sigmoid or softmax)."""
        if len(self.classes) == 2 and len(totals) == 1:
            return _binary(self.classes, totals[0])
        top = max(totals)
        exps = [math.exp(t - top) for t in totals]
        norm = sum(exps)
        return {c: e / norm for c, e in zip(self.classes, exps, strict=True)}

    def contribution(self, features: Iterable[str], label: str) -> float:
        """How much these features push towards `label`: which sentence a draft-level flag is on."""
        column = self.offset + (0 if self.width == 1 else self.classes.index(label))
        rows = self.rows
        return sum([rows[f][column] for f in features if f in rows])  # a list: same order, faster


@dataclass(frozen=True, slots=True)
class LevelScorer:
    """Every head of one level scored in one pass over the features.

    The file keeps one row of weights per feature for all the heads of a level,
    so scoring nine heads costs one look-up per feature, not nine, and loading
    the file is little more than reading its JSON.
    """

    heads: tuple[Head, ...]
    bias: tuple[float, ...]
    rows: dict[str, list[float]]

    def score(self, features: Iterable[str]) -> dict[str, dict[str, float]]:
        # The rows of the features the model knows, in the order given (map and filter
        # run in C; every row is a non-empty list, so only the misses are dropped).
        found = list(filter(None, map(self.rows.get, features)))
        totals = list(map(sum, zip(self.bias, *found, strict=True)))
        scores: dict[str, dict[str, float]] = {}
        for head in self.heads:  # most heads are binary: their one column, without a slice
            first, classes = head.offset, head.classes
            if len(classes) == 2 and len(head.bias) == 1:
                scores[head.name] = _binary(classes, totals[first])
            else:
                scores[head.name] = head.from_totals(totals[first:first + len(head.bias)])
        return scores


def _binary(classes: tuple[str, ...], total: float) -> dict[str, float]:
    """A binary head's two probabilities from its one summed column (a sigmoid)."""
    yes = 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, total))))
    return {classes[0]: 1.0 - yes, classes[1]: yes}


@dataclass(frozen=True, slots=True)
class CoachModel:
    heads: dict[str, Head]
    meta: dict[str, object]
    sentence: LevelScorer
    draft: LevelScorer

    def head(self, name: str) -> Head | None:
        return self.heads.get(name)

    def heads_for_codes(self) -> set[str]:
        """The flag codes this model decides: its tone heads and the sentence heads' codes."""
        codes = {name for name, h in self.heads.items() if h.level == "draft"}
        if "commitment" in self.heads:
            codes.add("vague_commitment")
        if "refusal" in self.heads:
            codes.add("hard_no")
        return codes


def parse_model(data: dict[str, Any]) -> CoachModel:
    """The model from its JSON: {"levels": {level: {"heads": [...], "rows": {...}}}, ...}."""
    levels = data.get("levels")
    if not isinstance(levels, dict):
        raise ValueError("model file has no levels")
    heads: dict[str, Head] = {}
    scorers: dict[str, LevelScorer] = {}
    for level in ("sentence", "draft"):
        raw = levels.get(level) or {"heads": [], "rows": {}}
        rows: dict[str, list[float]] = raw["rows"]
        mine: list[Head] = []
        bias: list[float] = []
        for spec in raw["heads"]:
            head = Head(name=spec["name"], level=level, classes=tuple(spec["classes"]),
                        bias=tuple(spec["bias"]), thresholds=dict(spec["thresholds"]),
                        offset=len(bias), rows=rows)
            bias.extend(head.bias)
            mine.append(head)
            heads[head.name] = head
        scorers[level] = LevelScorer(tuple(mine), tuple(bias), rows)
    meta = {k: v for k, v in data.items() if k != "levels"}
    return CoachModel(heads, meta, scorers["sentence"], scorers["draft"])


@lru_cache(maxsize=4)
def _load(path: str) -> CoachModel | None:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    return parse_model(data)


RULES_ONLY = "off"
WHERE = "where:"  # a sentence head that ranks where in a draft a tone code's words are


def load_model() -> CoachModel | None:
    """The model in use, loaded once; None (the rules alone) when the setting is "off" or
    no model file is there."""
    chosen = os.environ.get(MODEL_ENV) or str(MODEL_PATH)
    return None if chosen.strip().lower() == RULES_ONLY else _load(chosen)
