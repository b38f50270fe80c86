"""The trained model as a detector: per-sentence promise and refusal, per-draft tone.

It reads the sentences with the rules' cues (`cues.py`), scores them with the
heads of the model file, and yields candidates like any other detector. A
sentence-level head (commitment, refusal) marks the sentences it believes; a
draft-level head (blame, defensive, ...) says whether the draft has the
problem, and the clause that pushes hardest towards it is where it is quoted,
unless a rule found the exact words there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.coach.codes import TONE_CODES
from bot.coach.detect.candidates import Candidate
from bot.coach.detect.promise_vague import find_vague_times
from bot.coach.detect.refusals import find_refusals
from bot.coach.learn.features import (
    SentenceView,
    draft_features,
    ngrams,
    sentence_features,
    tokens,
)
from bot.coach.learn.model import CoachModel, Head


@dataclass(frozen=True, slots=True)
class SentenceScores:
    """What the sentence heads believe of one sentence."""

    view: SentenceView
    commitment: dict[str, float]
    refusal: dict[str, float]


@dataclass(frozen=True, slots=True)
class ModelReading:
    """Everything the model says about one draft."""

    sentences: tuple[SentenceScores, ...]
    candidates: tuple[Candidate, ...]
    promise_sentences: frozenset[int]  # indexes of sentences that hold a promise
    tone: dict[str, float]  # probability per tone code


def _sentence_rows(views: Sequence[SentenceView]) -> list[set[str]]:
    return [
        sentence_features(v, views[i - 1] if i else None,
                          views[i + 1] if i + 1 < len(views) else None, i, len(views))
        for i, v in enumerate(views)
    ]


def _best_clause(view: SentenceView, head: Head) -> tuple[int, int]:
    """The clause of a sentence whose words push hardest towards the head's "yes"."""
    best, best_score = (view.start, view.end), float("-inf")
    for m in re.finditer(r"[^,;:\n–—]+", view.text):
        words = tokens(m.group())
        if len(words) < 2:
            continue
        score = head.contribution(ngrams(words), "yes")
        if score > best_score:
            start = view.start + m.start() + (len(m.group()) - len(m.group().lstrip()))
            best, best_score = (start, view.start + m.end() - (len(m.group())
                                                               - len(m.group().rstrip()))), score
    return best


def _vague_words(view: SentenceView) -> tuple[int, int]:
    """The vague time words of a sentence ("soon", "asap"), else the whole sentence."""
    found = find_vague_times(view.text)
    if found:
        return view.start + found[0].start, view.start + found[0].end
    return view.start, view.end


def _refusal_words(view: SentenceView) -> tuple[int, int]:
    """The words that refuse ("we can't extend"), else the whole sentence."""
    found = find_refusals(view.text)
    if found:
        return view.start + found[0][0], view.start + found[0][1]
    return view.start, view.end


def read_with_model(views: Sequence[SentenceView], model: CoachModel) -> ModelReading:
    """Score a draft's sentences and the whole draft with every head of the model."""
    rows = _sentence_rows(views)
    commitment = model.head("commitment")
    refusal = model.head("refusal")
    scored: list[SentenceScores] = []
    candidates: list[Candidate] = []
    promises: set[int] = set()
    for i, (view, row) in enumerate(zip(views, rows, strict=True)):
        c = commitment.probabilities(row) if commitment else {}
        r = refusal.probabilities(row) if refusal else {}
        scored.append(SentenceScores(view, c, r))
        if commitment is not None:
            vague_t = commitment.thresholds.get("vague", 0.5)
            if c.get("vague", 0.0) >= vague_t:
                start, end = _vague_words(view)
                candidates.append(Candidate("vague_commitment", start, end, c["vague"],
                                            "model:commitment"))
            if c.get("vague", 0.0) + c.get("specific", 0.0) >= commitment.thresholds.get(
                    "promise", 0.5):
                promises.add(i)
        if refusal is not None and r.get("hard", 0.0) >= refusal.thresholds.get("hard", 0.5):
            start, end = _refusal_words(view)
            candidates.append(Candidate("hard_no", start, end, r["hard"], "model:refusal"))
    tone: dict[str, float] = {}
    if views:
        whole = draft_features(views)
        for code in TONE_CODES:
            head = model.head(code)
            if head is None:
                continue
            p = head.probabilities(whole)["yes"]
            tone[code] = p
            if p >= head.thresholds.get("yes", 0.5):
                pushes = [head.contribution(row, "yes") for row in rows]
                at = pushes.index(max(pushes))
                start, end = _best_clause(views[at], head)
                candidates.append(Candidate(code, start, end, p, "model:" + code))
    return ModelReading(tuple(scored), tuple(candidates), frozenset(promises), tone)
