"""Train the coach's models from the labelled data: `make train`.

Every record is read by the same rules and feature code the coach runs, so
the cues the model learns are the cues it will see. Each head is a logistic
regression (scikit-learn); its threshold is chosen on out-of-fold predictions
where whole sources are held out (GroupKFold), never on the evaluation data.
The weights are written as JSON for the plain-Python scorer in `model.py`.
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bot.coach.learn.corpus import TONE_CODES, Record, load_records
from bot.coach.learn.features import SentenceView, draft_features, sentence_features
from bot.coach.learn.model import MODEL_PATH

NOW = datetime(2026, 3, 4, 10, 0, tzinfo=ZoneInfo("UTC"))
ZONE = ZoneInfo("UTC")
MIN_COUNT = 2  # a feature seen once is noise
PRUNE = 0.002  # weights smaller than this change no decision
SEED = 7


@dataclass(frozen=True, slots=True)
class Featurized:
    record: Record
    views: tuple[SentenceView, ...]
    sentence_rows: tuple[frozenset[str], ...]
    draft_row: frozenset[str]


def featurize(record: Record) -> Featurized:
    from bot.coach.detect.cues import sentence_views
    from bot.coach.engine import analyse_rules

    draft, hits = analyse_rules(record.text, NOW, ZONE)
    views = tuple(sentence_views(draft, hits, NOW, ZONE))
    rows = tuple(
        frozenset(sentence_features(v, views[i - 1] if i else None,
                                    views[i + 1] if i + 1 < len(views) else None, i, len(views)))
        for i, v in enumerate(views)
    )
    return Featurized(record, views, rows, frozenset(draft_features(views)))


def _quote_span(text: str, quote: str) -> tuple[int, int] | None:
    at = text.find(quote) if quote else -1
    if at < 0 and quote:
        at = text.lower().find(quote.lower())
    return (at, at + len(quote)) if at >= 0 else None


def sentence_labels(item: Featurized, label: str | None,
                    quote: str | None) -> list[str] | None:
    """A label per sentence from a record's label and quoted words, or None if unknowable."""
    if label is None:
        return None
    if label == "none":
        return ["none"] * len(item.views)
    if quote is None:
        return None
    span = _quote_span(item.record.text, quote)
    if span is None:
        return None
    labels = ["none"] * len(item.views)
    hit = False
    for i, v in enumerate(item.views):
        if v.start < span[1] and span[0] < v.end:
            labels[i] = label
            hit = True
    return labels if hit else None


@dataclass
class Dataset:
    rows: list[frozenset[str]]
    labels: list[str]
    groups: list[str]


def commitment_data(items: Sequence[Featurized]) -> Dataset:
    data = Dataset([], [], [])
    for item in items:
        labels = sentence_labels(item, item.record.commitment, item.record.promise_quote)
        if labels is None:
            continue
        data.rows.extend(item.sentence_rows)
        data.labels.extend(labels)
        data.groups.extend([item.record.source] * len(labels))
    return data


def refusal_data(items: Sequence[Featurized]) -> Dataset:
    data = Dataset([], [], [])
    for item in items:
        labels = sentence_labels(item, item.record.refusal, item.record.refusal_quote)
        if labels is None:
            continue
        data.rows.extend(item.sentence_rows)
        data.labels.extend(labels)
        data.groups.extend([item.record.source] * len(labels))
    return data


def tone_data(items: Sequence[Featurized], *, code: str) -> Dataset:
    data = Dataset([], [], [])
    for item in items:
        flags = item.record.flags
        if flags is None or code in item.record.unsure:
            continue
        data.rows.append(item.draft_row)
        data.labels.append("yes" if code in flags else "no")
        data.groups.append(item.record.source)
    return data


def _fit(data: Dataset, classes: Sequence[str], c: float) -> tuple[Any, Any]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts: dict[str, int] = {}
    for row in data.rows:
        for f in row:
            counts[f] = counts.get(f, 0) + 1
    keep = {f for f, n in counts.items() if n >= MIN_COUNT}
    vec = DictVectorizer(dtype=float)
    x = vec.fit_transform([{f: 1.0 for f in row if f in keep} for row in data.rows])
    y = [classes.index(label) for label in data.labels]
    clf = LogisticRegression(C=c, max_iter=3000, random_state=SEED)
    clf.fit(x, y)
    return vec, clf


def _probabilities(vec: Any, clf: Any, rows: Sequence[frozenset[str]]) -> Any:
    return clf.predict_proba(vec.transform([{f: 1.0 for f in row} for row in rows]))


def _best_threshold(truth: Sequence[bool], scores: Sequence[float]) -> float:
    best, best_f1 = 0.5, -1.0
    for t in [x / 100 for x in range(4, 91, 2)]:
        tp = sum(1 for y, s in zip(truth, scores, strict=True) if y and s >= t)
        fp = sum(1 for y, s in zip(truth, scores, strict=True) if not y and s >= t)
        fn = sum(1 for y, s in zip(truth, scores, strict=True) if y and s < t)
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        if f1 > best_f1 + 1e-9:
            best, best_f1 = t, f1
    return best


def _out_of_fold(data: Dataset, classes: Sequence[str], c: float) -> list[list[float]]:
    from sklearn.model_selection import GroupKFold

    folds = min(5, len(set(data.groups)))
    oof: list[list[float]] = [[0.0] * len(classes) for _ in data.rows]
    splitter = GroupKFold(n_splits=folds)
    for train_idx, test_idx in splitter.split(data.rows, data.labels, data.groups):
        part = Dataset([data.rows[i] for i in train_idx], [data.labels[i] for i in train_idx],
                       [data.groups[i] for i in train_idx])
        if len(set(part.labels)) < len(classes):
            continue
        vec, clf = _fit(part, classes, c)
        probs = _probabilities(vec, clf, [data.rows[i] for i in test_idx])
        for i, p in zip(test_idx, probs, strict=True):
            oof[i] = [float(x) for x in p]
    return oof


def _export(vec: Any, clf: Any, classes: Sequence[str]) -> tuple[list[float], dict[str, Any]]:
    names = vec.get_feature_names_out()
    coef = clf.coef_
    weights: dict[str, Any] = {}
    if len(classes) == 2:
        bias = [round(float(clf.intercept_[0]), 4)]
        for j, name in enumerate(names):
            w = float(coef[0][j])
            if abs(w) >= PRUNE:
                weights[str(name)] = round(w, 4)
    else:
        bias = [round(float(b), 4) for b in clf.intercept_]
        for j, name in enumerate(names):
            row = [float(coef[k][j]) for k in range(len(classes))]
            if max(abs(w) for w in row) >= PRUNE:
                weights[str(name)] = [round(w, 4) for w in row]
    return bias, weights


# Each head: its data, classes, level, regularisation, and what its thresholds decide.
HeadSpec = tuple[Callable[[Sequence[Featurized]], Dataset], tuple[str, ...], str, float]


def head_specs() -> dict[str, HeadSpec]:
    specs: dict[str, HeadSpec] = {
        "commitment": (commitment_data, ("none", "specific", "vague"), "sentence", 1.0),
        "refusal": (refusal_data, ("none", "hard", "softened"), "sentence", 1.0),
    }
    for code in TONE_CODES:
        specs[code] = (functools.partial(tone_data, code=code), ("no", "yes"), "draft", 0.5)
    return specs


def _thresholds(name: str, data: Dataset, classes: Sequence[str],
                oof: list[list[float]]) -> dict[str, float]:
    if name == "commitment":
        vague = [p[2] for p in oof]
        promise = [p[1] + p[2] for p in oof]
        return {
            "vague": _best_threshold([y == "vague" for y in data.labels], vague),
            "promise": _best_threshold([y != "none" for y in data.labels], promise),
        }
    if name == "refusal":
        return {
            "hard": _best_threshold([y == "hard" for y in data.labels], [p[1] for p in oof]),
            "refusal": _best_threshold([y != "none" for y in data.labels],
                                       [p[1] + p[2] for p in oof]),
        }
    return {"yes": _best_threshold([y == "yes" for y in data.labels], [p[1] for p in oof])}


def train(items: Sequence[Featurized], *, tune: bool = True,
          log: Callable[[str], None] = lambda _: None) -> dict[str, Any]:
    """Fit every head on `items`; the model as a JSON-ready dict."""
    heads: dict[str, Any] = {}
    for name, (build, classes, level, c) in head_specs().items():
        data = build(items)
        if len(set(data.labels)) < len(classes):
            log(f"  {name}: not enough labelled examples, skipped")
            continue
        thresholds = (_thresholds(name, data, classes, _out_of_fold(data, classes, c))
                      if tune else {})
        vec, clf = _fit(data, classes, c)
        bias, weights = _export(vec, clf, classes)
        heads[name] = {"level": level, "classes": list(classes), "bias": bias,
                       "weights": weights, "thresholds": thresholds}
        log(f"  {name}: {len(data.labels)} examples, {len(weights)} weights, "
            f"thresholds {thresholds}")
    return {"version": 1, "heads": heads}


def featurize_all(records: Sequence[Record]) -> list[Featurized]:
    return [featurize(r) for r in records]


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(MODEL_PATH), help="where to write the model JSON")
    ap.add_argument("--without", action="append", default=[],
                    help="leave out records of this source (repeatable)")
    args = ap.parse_args(argv)
    records = [r for r in load_records() if r.source not in args.without]
    if not records:
        print("train: no training data found (is ../shared/corpus beside the project?)",
              file=sys.stderr)
        return 1
    by_source: dict[str, int] = {}
    for r in records:
        by_source[r.source] = by_source.get(r.source, 0) + 1
    print(f"training on {len(records)} records: "
          + ", ".join(f"{s} {n}" for s, n in sorted(by_source.items())))
    model = train(featurize_all(records), log=print)
    model["trained_on"] = by_source
    model["licence"] = LICENCE
    Path(args.out).write_text(json.dumps(model, sort_keys=True, separators=(",", ":")) + "\n",
                              encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


LICENCE = ("Fitted only to may_train items: Enron sentences (Apache-2.0), MultiWOZ 2.1 (MIT), "
           "ABCD (MIT), Schema-Guided Dialogue (CC BY-SA 4.0, so this file is CC BY-SA 4.0), "
           "and data written for toughclient (own replies, reply drafts, bot/coach/learn/data).")


if __name__ == "__main__":
    raise SystemExit(main())
