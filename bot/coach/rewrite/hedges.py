"""Rewriting false hope (principle 1): replace the "maybe" with a direct statement.

Deleting "we'll see" or "no promises" is not enough: "I'll try." on its own
still gives false hope. The rewriter puts a direct statement with a clearly
marked slot where the hedge was, so the writer fills in what only they know:

- a hedge about effort ("I'll try", "we'll see what we can do", "no
  promises") becomes "Here's what I'll do: [what you will do] by [a time]."
- a hedge about the outcome ("maybe", "possibly", "who knows", "fingers
  crossed") becomes "To be straight with you: [yes or no, and why]."
- "we'll see if we can X" becomes "We'll let you know by [a time] whether we
  can X", which keeps what the customer asked for and names when they'll know.

A hedge tacked onto a real sentence (", but no promises") is just dropped; the
sentence it leaves is the direct statement. The writer's other words stay.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.coach.detect.rules import Draft, Hit
from bot.coach.rewrite.slots import ANSWER_SLOT, DO_SLOT, TIME_SLOT
from bot.coach.time.when import names_time

_EFFORT = re.compile(
    r"\b(?:try|best|what (?:I|we) can|see (?:what|if|whether)|promises?|promise|guarantees?|"
    r"guarantee)\b",
    re.IGNORECASE,
)
_SEE_IF = re.compile(r"\s+(?P<conj>if|whether|how|what)\s+(?P<rest>[^.!?;,\n]*?)"
                     r"(?=\s*(?:[,;.!?\n]|$|\s[-–—]\s))", re.IGNORECASE)
_FILLER = re.compile(
    r"\b(?:but|though|although|and|so|however|ok|okay|well|honestly|really|then|yet|still)\b",
    re.IGNORECASE,
)
_GREETING = re.compile(
    r"^\s*(?:hi|hey|hello|dear|thanks|thank you|ok|okay|sure|right|yes|yeah|no|sorry|hmm|ah|oh|"
    r"honestly|to be honest|good (?:morning|afternoon|evening))\b[^.!?]{0,40}$",
    re.IGNORECASE,
)
_CHANCE = re.compile(r"^there(?:'s| is) a (?:slim|small|tiny|remote) chance\b", re.IGNORECASE)
_HOPE_LEAD = re.compile(r"^(?:fingers crossed|hopefully)\b", re.IGNORECASE)
_BUT_REST = re.compile(r"^\s*,?\s*but\s+(?P<rest>\S.*?)\s*(?P<stop>[.!?]*)$", re.IGNORECASE | re.S)
_AND_REST = re.compile(r"^\s+and\s+(?!I\b|we\b)[a-z]", re.IGNORECASE)
_COMMA_REST = re.compile(r"^\s*[,:;-]+\s*(?=\S)")
# "we'll see what we can do in the next release": the words after an effort hedge that say
# when or for what; they belong to the direct statement, not after its time slot.
_MODIFIER = re.compile(
    r"\s+(?P<phrase>(?:in|on|for|with|about|next|this|by|before|after|during|over|within|once"
    r"|when|from|until|at|as\s+part\s+of)\b[^,;:.!?\n]*[^,;:.!?\s])",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class HedgeEdit:
    """Replace text[start:end] with `text` (indices into the original draft)."""

    start: int
    end: int
    text: str


def _speaker(draft: Draft, hedge: str) -> str:
    if re.search(r"\bI\b|\bI'|\bmy\b", hedge):
        return "I"
    if re.search(r"\bwe\b|\bwe'|\bour\b", hedge, re.IGNORECASE):
        return "we"
    return "I" if re.search(r"\bI\b|\bI'", draft.masked) else "we"


def _will(speaker: str) -> str:
    return "I'll" if speaker == "I" else "we'll"


def commitment_slot(speaker: str, scope: str = "") -> str:
    """The direct statement that takes the place of an effort hedge.

    `scope` ("in the next release", "for you") goes before the slots; when it names a
    time ("next week") no "by [a time]" follows, since the writer already gave one.
    """
    if not scope:
        return f"Here's what {_will(speaker)} do: {DO_SLOT} by {TIME_SLOT}."
    when = "" if names_time(scope) else f" by {TIME_SLOT}"
    return f"Here's what {_will(speaker)} do {scope}: {DO_SLOT}{when}."


def answer_slot() -> str:
    """The direct statement that takes the place of an outcome hedge."""
    return f"To be straight with you: {ANSWER_SLOT}."


def _slot(draft: Draft, hedges: Sequence[str]) -> str:
    joined = " ".join(hedges)
    if any(_EFFORT.search(h) for h in hedges):
        return commitment_slot(_speaker(draft, joined))
    return answer_slot()


def _lower_first(words: str) -> str:
    return words[:1].lower() + words[1:]


def _upper_first(words: str) -> str:
    return words[:1].upper() + words[1:]


def _word_count(text: str) -> int:
    return len(re.findall(r"[A-Za-z0-9][\w'-]*", _FILLER.sub(" ", text)))


def _trim(masked: str, start: int, end: int) -> tuple[int, int]:
    """The hedge's own words, without the comma or spaces a pattern took along."""
    while start < end and not masked[start].isalnum():
        start += 1
    return start, end


def hedge_edits(draft: Draft, hits: Sequence[Hit], others: Sequence[Hit]) -> list[HedgeEdit]:
    """Edits that turn every false-hope hedge into a direct statement.

    `others` are the draft's other flags: a sentence they touch is not
    reordered, so their own fixes still apply.
    """
    masked = draft.masked
    by_sentence: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for hit in sorted(hits, key=lambda h: h.start):
        start, end = _trim(masked, hit.start, hit.end)
        if end <= start:
            continue
        sentence = draft.sentence_at(start)
        spans = by_sentence.setdefault(sentence, [])
        if spans and start < spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    edits: list[HedgeEdit] = []
    previous_slot_end: int | None = None
    for (s_start, s_end), spans in sorted(by_sentence.items()):
        first = spans[0][0]
        hedges = [masked[a:b] for a, b in spans]
        tail = masked[first:s_end]
        for a, b in spans:
            tail = tail[: a - first] + " " * (b - a) + tail[b - first :]
        prefix = masked[s_start:first]
        # 1. Nothing but hedges from the first one to the end of the sentence, after at
        # most a greeting ("Hey Sam, we'll see."), so the hedge is the whole answer.
        if _word_count(tail) < 2 and (_word_count(prefix) < 2 or _GREETING.match(prefix)):
            run_on = previous_slot_end is not None and not masked[previous_slot_end:s_start].strip()
            if run_on and not prefix.strip():
                edits.append(HedgeEdit(s_start, s_end, ""))
                previous_slot_end = s_end
                continue
            if any(h.rule.code == "hard_no" for h in others) and not prefix.strip():
                # After a refusal the refusal is the straight answer: the "maybe" just goes.
                edits.append(HedgeEdit(s_start, s_end, ""))
                previous_slot_end = s_end
                continue
            slot = _slot(draft, hedges)
            if prefix.strip() and not prefix.rstrip().endswith((".", "!", "?")):
                slot = _lower_first(slot)
            edits.append(HedgeEdit(first, s_end, slot))
            previous_slot_end = s_end
            continue
        previous_slot_end = None
        for number, (a, b) in enumerate(spans):
            edit = _one_hedge(draft, (s_start, s_end), (a, b), number == 0, others)
            if edit is not None:
                edits.append(edit)
    return edits


def _is_lead(prefix: str) -> bool:
    """Nothing before the hedge but a greeting or a word or two ("Hey Sam, ...")."""
    return not prefix.strip(" ,") or _word_count(prefix) < 2 or bool(_GREETING.match(prefix))


def _one_hedge(
    draft: Draft,
    sentence: tuple[int, int],
    span: tuple[int, int],
    leading: bool,
    others: Sequence[Hit],
) -> HedgeEdit | None:
    text, masked = draft.text, draft.masked
    s_start, s_end = sentence
    a, b = span
    hedge = masked[a:b]
    after = masked[b:s_end]
    prefix = masked[s_start:a]
    at_start = leading and _is_lead(prefix)
    capital = not prefix.strip(" ,") or prefix.rstrip().endswith((".", "!", "?"))
    see = _SEE_IF.match(masked, b) if re.search(r"\bsee$", hedge, re.IGNORECASE) else None
    if see is not None:
        # "we'll see if we can fit you in" -> "we'll let you know by [a time] whether we can ..."
        speaker = _speaker(draft, hedge)
        conj = see["conj"].lower()
        conj = "whether" if conj == "if" else conj
        asked = text[see.start("rest") : see.end()]
        words = f"{_will(speaker)} let you know by {TIME_SLOT} {conj} {asked}"
        return HedgeEdit(a, see.end(), _upper_first(words) if capital else words)
    if _word_count(after) == 0:
        # A hedge tacked on after the real sentence: drop it with its comma and "but".
        cut = a
        lead = re.search(r"(?:,\s*|\s+)(?:but\s+)?$", prefix, re.IGNORECASE)
        if lead and prefix.strip(" ,"):
            cut = s_start + lead.start()
        end = b
        though = re.match(r",?\s+though\b", after, re.IGNORECASE)
        if though:
            end = b + though.end()
        return HedgeEdit(cut, end, "")
    if not at_start:
        return HedgeEdit(a, b, _lower_first(_slot(draft, [hedge]).rstrip(".")))
    if _CHANCE.match(hedge) and not _COMMA_REST.match(after):
        return HedgeEdit(a, b, "It's unlikely" if capital else "it's unlikely")
    if _HOPE_LEAD.match(hedge) and not _COMMA_REST.match(after):
        return HedgeEdit(a, b, "I hope")
    if _EFFORT.search(hedge) and _AND_REST.match(after):
        words = f"{_will(_speaker(draft, hedge))} {DO_SLOT}"
        return HedgeEdit(a, b, _upper_first(words) if capital else words)
    but = _BUT_REST.match(after)
    if but is not None:
        rest_at = b + but.start("rest")
        promised = any(rest_at <= p.start < s_end for p in draft.promises)
        touched = any(h.start < s_end and s_start < h.end for h in others)
        if promised:  # "I can't promise anything, but I'll escalate it today."
            return HedgeEdit(a, rest_at + 1, text[rest_at].upper() if capital else text[rest_at])
        slot = _slot(draft, [hedge])
        if not touched:
            rest = text[rest_at : b + but.end("rest")]
            return HedgeEdit(a, s_end, f"{_upper_first(rest)}, but {_lower_first(slot)}")
        return HedgeEdit(a, rest_at + 1, f"{slot} {text[rest_at].upper()}")
    comma = _COMMA_REST.match(after)
    if comma is not None:
        rest_at = b + comma.end()
        return HedgeEdit(a, rest_at + 1, text[rest_at].upper() if capital else text[rest_at])
    modifier = _MODIFIER.match(masked, b, s_end)
    if modifier is not None and _EFFORT.search(hedge):
        scope = text[modifier.start("phrase") : modifier.end()]
        slot = commitment_slot(_speaker(draft, hedge), scope).rstrip(".")
        return HedgeEdit(a, modifier.end(), slot if capital else _lower_first(slot))
    slot = _slot(draft, [hedge]).rstrip(".")
    return HedgeEdit(a, b, slot if capital else _lower_first(slot))
