"""The rules rewriter: one suggested reply that fixes every flag it can.

It edits the user's own text rather than writing a new reply, so every
number, name, date, link (Slack markup included) and the refusal itself stay
where the user put them. Where only the user knows what to say (the
alternative to offer, what the customer said), it leaves a marked slot such
as `[another option]` instead of inventing facts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.coach.refusals import REASON, find_refusals
from bot.coach.rules import Draft, Fix, Hit
from bot.coach.shouting import is_acronym
from bot.coach.soften import REASON_SLOT, choice_sentences
from bot.coach.text import normalise_quotes, signature_start

OWNERSHIP = "That's on us, and I'm sorry."
OWNERSHIP_CLAUSE = "we got this wrong"
REFLECTION = "So what I'm hearing is [what they said]. Is that right?"
REFLECTION_CLAUSE = "I hear that [what they said]"
NEXT_STEP = (
    "What would you like us to do next: [option A] or [option B]? I'm open to your ideas too."
)
EMPTY_REWRITE = "I'm sorry about this. [What you will do next, and when.]"
_CLAUSE_END = re.compile(r"[,;:.!?\n]|\s[-–—]\s")


@dataclass(order=True)
class _Edit:
    start: int
    end: int
    text: str = field(compare=False)


@dataclass
class _Plan:
    """Edits against the original text, resolved so that none overlap."""

    draft: Draft
    sentence_edits: dict[tuple[int, int], str] = field(default_factory=dict)
    word_edits: list[_Edit] = field(default_factory=list)
    inserts: dict[int, list[str]] = field(default_factory=dict)
    _protected: list[tuple[int, int]] | None = None

    def protected(self, start: int, end: int) -> bool:
        """A sentence that holds a refusal, a promise or markup must not be dropped."""
        if self._protected is None:
            spans = list(find_refusals(self.draft.masked))
            spans += [(p.start, p.end) for p in self.draft.promises]
            self._protected = spans
        if any(s < end and start < e for s, e in self._protected):
            return True
        return normalise_quotes(self.draft.text[start:end]) != self.draft.masked[start:end]

    def delete(self, start: int, end: int) -> None:
        text, masked = self.draft.text, self.draft.masked
        sent_start, sent_end = self.draft.sentence_at(start)
        while end < len(text) and text[end] in " \t":
            end += 1
        if start == sent_start:
            rest = masked[end:sent_end]
            if len(re.findall(r"\w+", rest)) < 2 and not self.protected(sent_start, sent_end):
                self.sentence_edits[(sent_start, sent_end)] = ""
                return
            if end < len(text) and text[end].islower():
                self.word_edits.append(_Edit(start, end + 1, text[end].upper()))
                return
        else:
            while start > sent_start and text[start - 1] in " \t" and text[end - 1:end] != " ":
                start -= 1
        self.word_edits.append(_Edit(start, end, ""))

    def replace(self, start: int, end: int, words: str) -> None:
        original = self.draft.text[start:end].lstrip()
        if original[:1].isupper() and words[:1].islower():
            words = words[:1].upper() + words[1:]
        self.word_edits.append(_Edit(start, end, words))

    def insert_after(self, index: int, words: str) -> None:
        self.inserts.setdefault(index, [])
        if words not in self.inserts[index]:
            self.inserts[index].append(words)

    def apply(self) -> str:
        text = self.draft.text
        edits: list[_Edit] = [_Edit(s, e, t) for (s, e), t in self.sentence_edits.items()]
        taken = [(e.start, e.end) for e in edits]
        for edit in sorted(self.word_edits):
            if not any(edit.start < e and s < edit.end for s, e in taken):
                edits.append(edit)
                taken.append((edit.start, edit.end))
        for index, pieces in self.inserts.items():
            before = text[:index].rstrip()
            stop = "" if not before or before[-1] in ".!?" else "."
            edits.append(_Edit(index, index, stop + "".join(" " + p for p in pieces)))
        out = text
        for edit in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
            out = out[: edit.start] + edit.text + out[edit.end :]
        return _tidy(out)


def _tidy(text: str) -> str:
    text = re.sub(r"(?<=\S)[ \t]{2,}(?=\S)", " ", text)
    text = re.sub(r"[ \t]+([,.;!?])(?=\s|$)", r"\1", text)
    text = re.sub(r"(^|[.!?]\s+|\n)[,;]\s*", r"\1", text)
    text = re.sub(r",(?=[.!?])", "", text)
    text = re.sub(r"\.{2}(?!\.)", ".", text)
    text = re.sub(r"^[ \t]+(?=\S)", "", text)
    text = re.sub(r"[ \t]+$", "", text, flags=re.MULTILINE)
    return text.strip("\n ") if text.strip() else ""


def _lower_caps(words: str, at_sentence_start: bool) -> str:
    def fix(m: re.Match[str]) -> str:
        word = m.group()
        return word if word == "I" or is_acronym(word) else word.lower()

    lowered = re.sub(r"[A-Z][A-Z'-]*[A-Z]|\b[A-Z]\b", fix, words)
    if at_sentence_start and lowered[:1].islower():
        lowered = lowered[:1].upper() + lowered[1:]
    return lowered


def _soften(plan: _Plan, hit: Hit) -> None:
    draft = plan.draft
    start, end = draft.sentence_at(hit.start)
    sentence = draft.masked[start:end]
    speaker = "I" if re.search(r"\bI\b|\bI'", draft.masked[hit.start : hit.end]) else "we"
    pieces = []
    has_reason = bool(REASON.search(sentence))
    following = [s for s in draft.spans if s[0] >= end]
    next_sentence = draft.masked[following[0][0] : following[0][1]] if following else ""
    if not has_reason and REASON.search(next_sentence):
        has_reason = True
        end = following[0][1]
    if not has_reason:
        pieces.append(f"The reason is {REASON_SLOT}.")
    pieces.append(choice_sentences([], speaker=speaker))
    plan.insert_after(end, " ".join(pieces))


def _own_it(plan: _Plan, hit: Hit) -> None:
    start, end = plan.draft.sentence_at(hit.start)
    if not plan.protected(start, end):
        owned = OWNERSHIP in plan.sentence_edits.values()
        if plan.sentence_edits.get((start, end)) != OWNERSHIP:
            plan.sentence_edits[(start, end)] = "" if owned else OWNERSHIP
        return
    stop = _CLAUSE_END.search(plan.draft.masked, hit.end, end)
    clause_end = stop.start() if stop else end
    words = OWNERSHIP_CLAUSE
    if hit.start == start:
        words = words[:1].upper() + words[1:]
    plan.word_edits.append(_Edit(hit.start, clause_end, words))


def _reflect(plan: _Plan, hit: Hit) -> None:
    start, end = plan.draft.sentence_at(hit.start)
    rest = plan.draft.masked[hit.end : end]
    if rest.strip(" \t.!,;") == "":
        words = REFLECTION if hit.start == start else REFLECTION[:1].lower() + REFLECTION[1:]
        plan.word_edits.append(_Edit(hit.start, end, words))
    else:
        plan.word_edits.append(_Edit(hit.start, hit.end, REFLECTION_CLAUSE))


def _lower(plan: _Plan, hit: Hit) -> None:
    text = plan.draft.text
    words = text[hit.start : hit.end]
    if set(words) <= set("!?"):
        plan.word_edits.append(_Edit(hit.start, hit.end, "?" if "?" in words else "."))
        return
    start, _ = plan.draft.sentence_at(hit.start)
    plan.word_edits.append(_Edit(hit.start, hit.end, _lower_caps(words, hit.start == start)))


def _promise(plan: _Plan, hit: Hit) -> None:
    for found in plan.draft.promises:
        if found.vague and found.replacement is not None and found.vague_start == hit.start:
            end = found.vague_end if found.vague_end is not None else hit.end
            plan.word_edits.append(_Edit(hit.start, end, found.replacement))
            return


def _next_step(plan: _Plan) -> None:
    body_end = signature_start(plan.draft.masked)
    ends = [e for _, e in plan.draft.spans if e <= body_end]
    if ends:
        plan.insert_after(ends[-1], NEXT_STEP)


def rewrite_draft(draft: Draft, hits: Sequence[Hit]) -> str | None:
    """The draft with every fixable flag fixed, or None when nothing changes."""
    plan = _Plan(draft)
    for hit in hits:
        fix = hit.rule.fix
        if fix is Fix.DELETE:
            plan.delete(hit.start, hit.end)
        elif fix is Fix.DROP_SENTENCE:
            start, end = draft.sentence_at(hit.start)
            if plan.protected(start, end):
                plan.delete(hit.start, hit.end)
            else:
                plan.sentence_edits[(start, end)] = ""
        elif fix is Fix.REPLACE:
            plan.replace(hit.start, hit.end, hit.rule.replacement)
        elif fix is Fix.OWN_IT:
            _own_it(plan, hit)
        elif fix is Fix.REFLECT:
            _reflect(plan, hit)
        elif fix is Fix.LOWER:
            _lower(plan, hit)
        elif fix is Fix.SOFTEN:
            _soften(plan, hit)
        elif fix is Fix.NEXT_STEP:
            _next_step(plan)
        elif fix is Fix.PROMISE:
            _promise(plan, hit)
    if not (plan.sentence_edits or plan.word_edits or plan.inserts):
        return None
    out = plan.apply()
    if not out:
        return EMPTY_REWRITE
    return None if out == draft.text else out
