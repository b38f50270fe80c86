"""Empathy that only says the word: "I understand" with nothing of what they said.

Principle 4: "I understand" on its own does not make anyone feel heard; a
reflection of the customer's own words does. The detector therefore accepts
"I understand that the second replacement also arrived cracked" and flags
"I understand your frustration", whose words would fit any complaint.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.coach.detect.rules import Draft
from bot.coach.text import words

EMPATHY_HEAD = re.compile(
    r"\bI (?:(?:completely|totally|fully|really|truly|definitely|absolutely|do|can|certainly|"
    r"can only)\s+)*"
    r"(?:understand|hear you|get it|get that|know how you feel|feel your pain|"
    r"see where you(?:'re| are) coming from|appreciate how you feel)\b",
    re.IGNORECASE,
)
_NOT_EMPATHY_BEFORE = re.compile(
    r"\b(?:if|as|whether|not|don't|do not|so|make sure|what|from what|to make)\b|\w+ly,?\s*$",
    re.IGNORECASE,
)
_FRIENDLY_LEAD = re.compile(r"[\s\w,']*?(?:sorry|yes|ok|okay|look|oh|and)[,\s]*", re.IGNORECASE)
_CLAUSE_STOP = re.compile(r"[,;:.!?\n]|\s[-–—]\s|\s(?:but|however|and)\s", re.IGNORECASE)
_REFLECTIVE_NEXT = re.compile(
    r"^(?:so |it sounds like|sounds like|so what I(?:'m| am) hearing|what I(?:'m| am) hearing|"
    r"you(?:'re| are) saying|you said|you mentioned|you(?:'ve| have) (?:told|explained)|"
    r"if I(?:'ve| have)? understood|to (?:make sure|check) I)",
    re.IGNORECASE,
)
_GENERIC = words(
    """your frustration frustrations frustrated frustrating concern concerns concerned point points
    position feelings feeling situation how you feel that this is must be annoying upsetting upset
    inconvenient disappointing disappointed where you're coming from completely totally fully the
    it so very really why are annoyed and sir madam everything what mean saying said want need all
    of here not ideal hassle pain annoyance inconvenience can see stressful hard difficult tough
    anger angry perspective viewpoint view side sorry also too well truly deeply upsetting issue
    problem things these those were was has have been"""
)


def _content_words(words: str) -> int:
    return sum(1 for w in re.findall(r"[A-Za-z][A-Za-z'-]+", words) if w.lower() not in _GENERIC)


def empty_empathy(draft: Draft) -> Iterator[tuple[int, int]]:
    """"I understand"-style phrases that reflect nothing the customer said."""
    masked = draft.masked
    for m in EMPATHY_HEAD.finditer(masked):
        sent_start, sent_end = draft.sentence_at(m.start())
        before = masked[sent_start : m.start()]
        if _NOT_EMPATHY_BEFORE.search(before) and not _FRIENDLY_LEAD.fullmatch(before):
            continue
        stop = _CLAUSE_STOP.search(masked, m.end(), sent_end)
        clause_end = stop.start() if stop else sent_end
        tail = masked[m.end() : clause_end]
        if _content_words(tail) >= 2:
            continue
        if _next_sentence_reflects(draft, sent_end):
            continue
        end = clause_end
        while end > m.start() and not masked[end - 1].isalnum():
            end -= 1
        yield m.start(), end


def _next_sentence_reflects(draft: Draft, sent_end: int) -> bool:
    for start, _ in draft.spans:
        if start >= sent_end:
            return bool(_REFLECTIVE_NEXT.match(draft.masked[start:]))
    return False
