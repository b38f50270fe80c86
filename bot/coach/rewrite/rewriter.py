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

from bot.coach.codes import CODES
from bot.coach.detect.refusals import REASON, UNAVAILABLE, find_refusals
from bot.coach.detect.rules import Draft, Fix, Hit
from bot.coach.detect.shouting import is_acronym
from bot.coach.rewrite.hedges import hedge_edits
from bot.coach.rewrite.slots import restate
from bot.coach.rewrite.soften import REASON_SLOT, choice_sentences
from bot.coach.text import normalise_quotes, signature_start

OWNERSHIP = "That's on us, and I'm sorry."
REFLECTION = "So what I'm hearing is [what they said]. Is that right?"
REFLECTION_CLAUSE = "I hear that [what they said]"
NEXT_STEP = (
    "What would you like us to do next: [option A] or [option B]? I'm open to your ideas too."
)
EMPTY_REWRITE = "I'm sorry about this. [What you will do next, and when.]"


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
    softened: list[tuple[int, int]] = field(default_factory=list)  # hard no's being softened
    _protected: list[tuple[int, int]] | None = None

    def protected(self, start: int, end: int) -> bool:
        """A sentence that holds a refusal, a promise, a fact or markup must not be dropped."""
        if self._protected is None:
            spans = list(find_refusals(self.draft.masked))
            spans += [(p.start, p.end) for p in self.draft.promises]
            self._protected = spans
        if any(s < end and start < e for s, e in self._protected):
            return True
        return self.holds_fact(start, end)

    def says_no_or_promises(self, start: int, end: int) -> bool:
        self.protected(start, end)  # fills the spans
        return any(s < end and start < e for s, e in self._protected or ())

    def holds_fact(self, start: int, end: int) -> bool:
        """Words no rewrite may lose: a number, an amount, a name, a link, an address, markup."""
        if normalise_quotes(self.draft.text[start:end]) != self.draft.masked[start:end]:
            return True
        sentence_start = self.sentence_at(start)
        for m in _FACT_WORD.finditer(self.draft.masked, start, end):
            if m.group(1) or m.start() not in (sentence_start, start):
                return True
        return False

    def sentence_at(self, index: int) -> int:
        start, _ = self.draft.sentence_at(index)
        return start

    def delete(self, start: int, end: int) -> bool:
        """Drop the words (and a sentence left with almost nothing); False if they hold a fact."""
        if self.holds_fact(start, end) or self.says_no_or_promises(start, end):
            return False
        text, masked = self.draft.text, self.draft.masked
        first = start
        while first < end and not masked[first].isalnum():
            first += 1
        sent_start, sent_end = self.draft.sentence_at(first)
        if first == sent_start:
            start = first
        while end < len(text) and text[end] in " \t" + (",;:" if start == sent_start else ""):
            end += 1
        if start == sent_start:
            rest = masked[end:sent_end]
            if len(re.findall(r"\w+", rest)) < 2 and not self.protected(sent_start, sent_end):
                self.sentence_edits[(sent_start, sent_end)] = ""
                return True
            if end < len(text) and text[end].islower():
                self.word_edits.append(_Edit(start, end + 1, text[end].upper()))
                return True
        else:
            while start > sent_start and text[start - 1] in " \t" and text[end - 1:end] != " ":
                start -= 1
        self.word_edits.append(_Edit(start, end, ""))
        return True

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


def _soften(plan: _Plan, hit: Hit, hits: Sequence[Hit]) -> None:
    """Refusal, reason, alternatives, and the choice question last (principle 1).

    The reason goes right after the refusal (or after the sentence that already
    gives it); the alternatives and "Which would you prefer?" go at the end of
    the reply, before any signature, so the reply ends with the question.
    """
    draft = plan.draft
    start, end = draft.sentence_at(hit.start)
    sentence = draft.masked[start:end]
    speaker = "I" if re.search(r"\bI\b|\bI'", draft.masked[hit.start : hit.end]) else "we"
    following = [s for s in draft.spans if s[0] >= end]
    before = [s for s in draft.spans if s[1] <= start]
    next_span = following[0] if following else None
    refusals = find_refusals(draft.masked)

    def refuses(span: tuple[int, int] | None) -> bool:
        return span is not None and any(span[0] <= r < span[1] for r, _ in refusals)

    def policy_reason(span: tuple[int, int] | None) -> bool:
        return span is not None and any(
            h.rule.name == "defensive.just_policy" and span[0] <= h.start < span[1] for h in hits
        )

    has_reason = (
        bool(REASON.search(sentence))
        or bool(UNAVAILABLE.search(draft.masked[hit.start : hit.end]))
        or policy_reason((start, end))
        or refuses(before[-1] if before else None)
    )
    if not has_reason and next_span is not None and (
        REASON.search(draft.masked[next_span[0] : next_span[1]])
        or policy_reason(next_span)
        or refuses(next_span)
    ):
        has_reason = True
    if not has_reason:
        plan.insert_after(end, f"The reason is {REASON_SLOT}.")
    body_end = signature_start(draft.masked)
    ends = [e for _, e in draft.spans if e <= body_end]
    plan.insert_after(max(ends[-1] if ends else end, end), choice_sentences([], speaker=speaker))


_BLAMED_ACT = re.compile(
    r"\b(?:messed up|screwed up|dropped the ball|made (?:a|the|an) (?:mistake|error)|"
    r"got (?:it|this|that) wrong|forgot to|failed to|mixed up|lost (?:your|it|the))\b",
    re.IGNORECASE,
)
_DUE_TO = re.compile(
    r"(?:due to|because of) (?:an? )?(?:error|mistake|oversight|screw-?up) (?:by|from|on the part "
    r"of) (?:our|the|a|another|my|one of)(?: our)?(?: [\w&-]+){0,3}? (?:department|dept|team|"
    r"staff|colleagues?|people|folks|partner|courier|supplier|warehouse|system|agents?|reps?)s?\b",
    re.IGNORECASE,
)
_GREETING = re.compile(r"^(?:hi|hey|hello|dear|good (?:morning|afternoon|evening))\b[^,.!?\n]{0,30}"
                       r"[,!]\s*", re.IGNORECASE)


# A fact (group 1) or a capitalised word, which mid-sentence is a name (not "I", not ALL CAPS).
_FACT_WORD = re.compile(r"([\d#£$€@]|\bx{3,}\b)|\b(?!I\b)[A-Z][a-z]+")


def _we_did_it(plan: _Plan, hit: Hit, start: int, end: int) -> bool:
    """ "The billing team made a mistake on invoice INV-3092" -> "We made a mistake on ...".

    Used when dropping the sentence would drop facts (a number, a reference,
    markup): the company owns the act and every fact stays.
    """
    draft = plan.draft
    due_to = _DUE_TO.match(draft.masked, hit.start)
    if due_to is not None:
        words = "due to our mistake" if hit.start > start else "Due to our mistake"
        plan.word_edits.append(_Edit(hit.start, due_to.end(), words))
        return True
    act = _BLAMED_ACT.search(draft.masked, hit.start, end)
    if act is None or len(draft.masked[hit.start : act.start()].split()) > 5:
        return False
    clause = max(draft.masked.rfind(ch, start, act.start()) for ch in ",;:") + 1
    subject = max(clause, start)
    while subject < act.start() and draft.masked[subject] == " ":
        subject += 1
    if subject > hit.start and subject != start:
        return False  # "that was Dave on nights, he messed up": the blame is before the act
    subject = min(subject, hit.start)
    words = "We " if subject == start else "we "
    plan.word_edits.append(_Edit(subject, act.start(), words))
    if not re.search(r"\b(?:sorry|apologi[sz]e|apologies)\b", draft.masked, re.IGNORECASE):
        plan.insert_after(end, "I'm sorry.")
    return True


def _own_it(plan: _Plan, hit: Hit) -> None:
    """Blame becomes ownership; a sentence that holds facts is reworded or restated."""
    start, end = plan.draft.sentence_at(hit.start)
    if any(s <= hit.start < e for s, e in plan.sentence_edits):
        return  # the sentence already became "That's on us, and I'm sorry."
    greeting = _GREETING.match(plan.draft.masked, start, end)
    if greeting is not None and greeting.end() < hit.start:
        start = greeting.end()  # "Hi Lucy, the courier lost it." keeps "Hi Lucy, "
    if plan.protected(start, end):
        if not _we_did_it(plan, hit, start, end):
            _restate(plan, hit)
        return
    owned = OWNERSHIP in plan.sentence_edits.values()
    if plan.sentence_edits.get((start, end)) != OWNERSHIP:
        plan.sentence_edits[(start, end)] = "" if owned else OWNERSHIP


def _restate(plan: _Plan, hit: Hit) -> None:
    """A blaming or arguing sentence that holds facts: the writer says it again, kindly.

    Dropping it would lose a number, a name or a date, and only the writer knows
    how to say the same facts without the blame; the slot keeps every fact.
    """
    what = CODES[hit.rule.code].restate_without
    start, end = plan.draft.sentence_at(hit.start)
    if not what or any(s < end and start < e for s, e in plan.sentence_edits):
        return
    refused = sum(min(e, end) - max(s, start) for s, e in find_refusals(plan.draft.masked)
                  if s < end and start < e)
    softening = any(s < end and start < e for s, e in plan.softened)
    if hit.rule.code == "defensive" and softening and refused * 5 >= (end - start) * 3:
        return  # a plain no is not an argument: it stays, and its softening follows it
    plan.sentence_edits[(start, end)] = restate(what, plan.draft.text[start:end].strip())


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
        if not found.vague or found.vague_start != hit.start:
            continue
        if found.replacement is not None:
            end = found.vague_end if found.vague_end is not None else hit.end
            plan.word_edits.append(_Edit(hit.start, end, found.replacement))
            return
        if found.follow_up is not None:
            plan.insert_after(plan.draft.sentence_at(hit.start)[1], found.follow_up)
            return


def _next_step(plan: _Plan) -> None:
    body_end = signature_start(plan.draft.masked)
    ends = [e for _, e in plan.draft.spans if e <= body_end]
    if ends:
        plan.insert_after(ends[-1], NEXT_STEP)


def rewrite_draft(draft: Draft, hits: Sequence[Hit]) -> str | None:
    """The draft with every fixable flag fixed, or None when nothing changes."""
    plan = _Plan(draft)
    hedges = [h for h in hits if h.rule.fix is Fix.COMMIT]
    if hedges:
        others = [h for h in hits if h.rule.fix is not Fix.COMMIT]
        for edit in hedge_edits(draft, hedges, others):
            plan.word_edits.append(_Edit(edit.start, edit.end, edit.text))
    plan.softened = [draft.sentence_at(h.start) for h in hits if h.rule.fix is Fix.SOFTEN]
    for hit in hits:
        fix = hit.rule.fix
        if fix is Fix.DELETE:
            plan.delete(hit.start, hit.end)
        elif fix is Fix.DROP_SENTENCE:
            start, end = draft.sentence_at(hit.start)
            if plan.protected(start, end):
                if not plan.delete(hit.start, hit.end):
                    _restate(plan, hit)
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
            _soften(plan, hit, hits)
        elif fix is Fix.NEXT_STEP and not any(h.rule.fix is Fix.SOFTEN for h in hits):
            _next_step(plan)  # a softened no already ends with a choice: that is the next step
        elif fix is Fix.PROMISE:
            _promise(plan, hit)
    if not (plan.sentence_edits or plan.word_edits or plan.inserts):
        return None
    out = plan.apply()
    if not out:
        return EMPTY_REWRITE
    return None if out == draft.text else out
