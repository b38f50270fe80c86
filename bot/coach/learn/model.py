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

MODEL_PATH = Path(__file__).with_name("coach-model.json")
MODEL_ENV = "TOUGHCLIENT_COACH_MODEL"


@dataclass(frozen=True, slots=True)
class Head:
    """One decision: classes, a bias per class, weights per feature, thresholds per class.

    A binary head has classes ("no", "yes") and one weight per feature, for "yes".
    """

    name: str
    level: str  # "sentence" or "draft"
    classes: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    thresholds: dict[str, float]

    def probabilities(self, features: Iterable[str]) -> dict[str, float]:
        totals = list(self.bias)
        weights = self.weights
        for feature in features:
            row = weights.get(feature)
            if row is not None:
                for k, w in enumerate(row):
                    totals[k] += w
        return self.from_totals(totals)

    def from_totals(self, totals: Sequence[float]) -> dict[str, float]:
        """Class probabilities from the summed bias and weights (sigmoid or softmax)."""
        if len(self.classes) == 2 and len(totals) == 1:
            yes = 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, totals[0]))))
            return {self.classes[0]: 1.0 - yes, self.classes[1]: yes}
        top = max(totals)
        exps = [math.exp(t - top) for t in totals]
        norm = sum(exps)
        return {c: e / norm for c, e in zip(self.classes, exps, strict=True)}

    def contribution(self, features: Iterable[str], label: str) -> float:
        """How much these features push towards `label`: which sentence a draft-level flag is on."""
        k = 0 if len(self.bias) == 1 else self.classes.index(label)
        return sum(self.weights[f][k] for f in features if f in self.weights)


@dataclass(frozen=True, slots=True)
class LevelScorer:
    """Every head of one level scored in one pass over the features.

    Scoring nine heads one by one costs nine look-ups per feature; packing
    their weights into one row per feature costs one, which is most of the
    model's share of a draft's time.
    """

    heads: tuple[Head, ...]
    offsets: tuple[int, ...]
    bias: tuple[float, ...]
    rows: dict[str, tuple[float, ...]]

    @classmethod
    def of(cls, heads: Sequence[Head]) -> LevelScorer:
        offsets: list[int] = []
        bias: list[float] = []
        width = 0
        for head in heads:
            offsets.append(width)
            bias.extend(head.bias)
            width += len(head.bias)
        rows: dict[str, list[float]] = {}
        for head, offset in zip(heads, offsets, strict=True):
            for feature, weights in head.weights.items():
                row = rows.setdefault(feature, [0.0] * width)
                for k, w in enumerate(weights):
                    row[offset + k] = w
        return cls(tuple(heads), tuple(offsets), tuple(bias),
                   {f: tuple(r) for f, r in rows.items()})

    def score(self, features: Iterable[str]) -> dict[str, dict[str, float]]:
        totals = list(self.bias)
        rows = self.rows
        width = range(len(totals))
        for feature in features:
            row = rows.get(feature)
            if row is not None:
                for k in width:
                    totals[k] += row[k]
        out: dict[str, dict[str, float]] = {}
        for head, offset in zip(self.heads, self.offsets, strict=True):
            out[head.name] = head.from_totals(totals[offset:offset + len(head.bias)])
        return out


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


def parse_model(data: dict[str, object]) -> CoachModel:
    heads: dict[str, Head] = {}
    raw_heads = data.get("heads")
    if not isinstance(raw_heads, dict):
        raise ValueError("model file has no heads")
    for name, raw in raw_heads.items():
        heads[name] = Head(
            name=name,
            level=str(raw["level"]),
            classes=tuple(raw["classes"]),
            bias=tuple(float(b) for b in raw["bias"]),
            weights={f: tuple(float(x) for x in (w if isinstance(w, list) else [w]))
                     for f, w in raw["weights"].items()},
            thresholds={k: float(v) for k, v in raw["thresholds"].items()},
        )
    meta = {k: v for k, v in data.items() if k != "heads"}
    by_level = {level: LevelScorer.of([h for h in heads.values() if h.level == level])
                for level in ("sentence", "draft")}
    return CoachModel(heads, meta, by_level["sentence"], by_level["draft"])


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
