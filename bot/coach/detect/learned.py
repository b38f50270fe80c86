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

from bot.coach.codes import CODES, TONE_CODES
from bot.coach.detect.candidates import Candidate
from bot.coach.detect.promise_vague import find_vague_times
from bot.coach.detect.refusals import find_refusals
from bot.coach.learn.features import (
    SentenceView,
    draft_features,
    ngrams,
    sentence_rows,
    tokens,
)
from bot.coach.learn.model import WHERE, CoachModel, Head
from bot.coach.rewrite.slots import OPEN_SLOT
from bot.coach.settle import RULE_BACKING


@dataclass(frozen=True, slots=True)
class SentenceScores:
    """What the sentence heads believe of one sentence."""

    view: SentenceView
    commitment: dict[str, float]
    refusal: dict[str, float]
    where: dict[str, float]  # per tone code: how likely its words are in this sentence


@dataclass(frozen=True, slots=True)
class ModelReading:
    """Everything the model says about one draft."""

    sentences: tuple[SentenceScores, ...]
    candidates: tuple[Candidate, ...]
    promise_sentences: frozenset[int]  # indexes of sentences that hold a promise
    tone: dict[str, float]  # probability per tone code
    thresholds: dict[str, float]  # per flag code: the model's own bar

    def backing(self, candidate: Candidate) -> float:
        """The model's score where a rule found `candidate`, as a share of its threshold."""
        bar = self.thresholds.get(candidate.code)
        if not bar:
            return 0.0
        if candidate.code in self.tone:
            return self.tone[candidate.code] / bar
        for s in self.sentences:
            if s.view.start <= candidate.start < s.view.end:
                if candidate.code == "vague_commitment":
                    return s.commitment.get("vague", 0.0) / bar
                if candidate.code == "hard_no":
                    return s.refusal.get("hard", 0.0) / bar
        return 0.0


# Weights are summed in set order, which changes with Python's hash seed; the last bits of
# a sum change with it. Ranks are compared rounded, so a near tie always goes to the first.
_TIE_DIGITS = 9

# Clauses end at a comma, semicolon, dash or line break, and at a colon not inside "6:15".
_CLAUSE = re.compile(r"(?:[^,;:\n–—]|:(?=\d))+")


def _best_clause(view: SentenceView, head: Head) -> tuple[int, int]:
    """The clause of a sentence whose words push hardest towards the head's "yes"."""
    best, best_score = (view.start, view.end), float("-inf")
    for m in _CLAUSE.finditer(view.text):
        words = tokens(m.group())
        if len(words) < 2:
            continue
        score = round(head.contribution(ngrams(words), "yes"), _TIE_DIGITS)
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


def _likeliest_sentence(head: Head, where: Sequence[float], rows: Sequence[set[str]],
                        open_slots: Sequence[bool]) -> int:
    """The sentence most likely to hold a flagged tone code's words (never an open slot)."""
    ranks = [float("-inf") if open_slots[k] else
             round(where[k] if head.level == "sentence" and where[k] else
                   head.contribution(rows[k], "yes"), _TIE_DIGITS)
             for k in range(len(rows))]
    return ranks.index(max(ranks))


def read_with_model(views: Sequence[SentenceView], model: CoachModel) -> ModelReading:
    """Score a draft's sentences and the whole draft with every head of the model."""
    rows = sentence_rows(views)
    commitment = model.head("commitment")
    refusal = model.head("refusal")
    scored: list[SentenceScores] = []
    candidates: list[Candidate] = []
    promises: set[int] = set()
    open_slots = [bool(OPEN_SLOT.search(v.text)) for v in views]
    for i, (view, row) in enumerate(zip(views, rows, strict=True)):
        if open_slots[i]:
            # "[a time]", "[the reason]": the writer will fill these in; nothing to judge yet.
            scored.append(SentenceScores(view, {}, {}, {}))
            continue
        both = model.sentence.score(row)
        c = both.get("commitment", {})
        r = both.get("refusal", {})
        where = {name[len(WHERE):]: p["yes"] for name, p in both.items()
                 if name.startswith(WHERE)}
        scored.append(SentenceScores(view, c, r, where))
        if commitment is not None:
            vague_t = commitment.thresholds.get("vague", 0.5)
            if c.get("vague", 0.0) >= vague_t:
                start, end = _vague_words(view)
                candidates.append(Candidate("vague_commitment", start, end, c["vague"],
                                            "model:commitment"))
            # A timed promise the finder saw needs less from the model, as a rule's flag does.
            bar = commitment.thresholds.get("promise", 0.5)
            if "c:promise:specific" in view.cues:
                bar *= RULE_BACKING
            if c.get("vague", 0.0) + c.get("specific", 0.0) >= bar:
                promises.add(i)
        if refusal is not None and r.get("hard", 0.0) >= refusal.thresholds.get("hard", 0.5):
            start, end = _refusal_words(view)
            candidates.append(Candidate("hard_no", start, end, r["hard"], "model:refusal"))
    tone: dict[str, float] = {}
    if views:
        scores = model.draft.score(draft_features(views))
        for code in TONE_CODES:
            head = model.head(code)
            if head is None:
                continue
            p = scores[code]["yes"]
            tone[code] = p
            if p < head.thresholds.get("yes", 0.5) or all(open_slots):
                continue
            locator = model.head(WHERE + code) or head
            at = _likeliest_sentence(locator, [s.where.get(code, 0.0) for s in scored],
                                     rows, open_slots)
            veto = CODES[code].vetoed_by_cue
            if veto and any(veto in v.cues for v in views):
                continue
            start, end = _best_clause(views[at], locator)
            candidates.append(Candidate(code, start, end, p, "model:" + code))
    bars = {code: head.thresholds.get("yes", 0.5) for code in TONE_CODES
            if (head := model.head(code)) is not None}
    if commitment is not None:
        bars["vague_commitment"] = commitment.thresholds.get("vague", 0.5)
    if refusal is not None:
        bars["hard_no"] = refusal.thresholds.get("hard", 0.5)
    return ModelReading(tuple(scored), tuple(candidates), frozenset(promises), tone, bars)
