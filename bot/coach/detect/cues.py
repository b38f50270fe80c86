"""The rules' findings, sentence by sentence, as cue names the models read.

A cue says "a rule saw this here", nothing more: `c:rule:blame.not_our_fault`,
`c:promise:vague`, `c:time`, `c:refusal`. Each model learns from data how much
each cue is worth next to the words around it, which is how a rule that is
right in e-mail but loud in tweets gets the weight it deserves.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.coach.detect.promise_vague import find_vague_times
from bot.coach.detect.refusals import SOFTENER, find_refusals
from bot.coach.detect.rules import Draft, Hit
from bot.coach.learn.features import SentenceView
from bot.coach.time.when import find_times

_SUBJECT_FUTURE = re.compile(
    r"\b(?:i|we|our (?:\w+ ){0,2}(?:team|teams|engineers?|staff|agents?|department|folks|people)"
    r"|the team|someone|somebody|one of (?:us|our \w+)|they|he|she|it|this|that)"
    r"(?:'ll| will| shall| would| am going to| are going to| is going to|'m going to"
    r"|'re going to| gonna| should| can| 'll| will be)\b",
    re.IGNORECASE,
)
_YOU_WILL = re.compile(r"\byou(?:'ll| will| should| can expect to)\s+(?:\w+\s+)?"
                       r"(?:hear|receive|get|be contacted|see)\b", re.IGNORECASE)
_CONDITION = re.compile(r"\b(?:if|once|when|whenever|as soon as|after) you\b|\bplease\b",
                        re.IGNORECASE)
_PAST = re.compile(r"\b(?:i|we)(?:'ve| have| had)\b|\b(?:has|have) been\b", re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:not|no|never|n't|unable|cannot|can't|won't|unfortunately|sorry"
                       r"|afraid)\b|n't\b", re.IGNORECASE)
_NOW = re.compile(r"\b(?:now|right now|currently|at the moment|as we speak)\b", re.IGNORECASE)


def _inside(start: int, spans: Sequence[tuple[int, int]], s_start: int, s_end: int) -> bool:
    return any(s_start <= a < s_end for a, _ in spans) or s_start <= start < s_end


def sentence_views(draft: Draft, hits: Sequence[Hit], now: datetime,
                   zone: ZoneInfo) -> list[SentenceView]:
    """Every sentence of the draft with the cues the rules found in it."""
    masked = draft.masked
    times = [(t.start, t.end) for t in find_times(masked, now=now, tz=zone)]
    vagues = find_vague_times(masked)
    refusals = find_refusals(masked)
    views: list[SentenceView] = []
    for s_start, s_end in draft.spans:
        text = masked[s_start:s_end]
        cues: set[str] = set()
        for hit in hits:
            if s_start <= hit.start < s_end:
                cues.add("c:rule:" + hit.rule.code)
                cues.add("c:rule:" + hit.rule.name)
        for found in draft.promises:
            if s_start <= found.start < s_end:
                cues.add("c:promise")
                if found.vague:
                    cues.add("c:promise:vague")
                elif found.due is not None:
                    cues.add("c:promise:specific")
                else:
                    cues.add("c:promise:undated")
        if any(s_start <= a < s_end for a, _ in times):
            cues.add("c:time")
        for v in vagues:
            if s_start <= v.start < s_end:
                cues.add("c:vague:" + v.kind)
        if any(s_start <= a < s_end for a, _ in refusals):
            cues.add("c:refusal")
        for name, pattern in (("softener", SOFTENER), ("subject_future", _SUBJECT_FUTURE),
                              ("you_will", _YOU_WILL), ("condition", _CONDITION),
                              ("past", _PAST), ("negation", _NEGATION), ("now", _NOW)):
            if pattern.search(text):
                cues.add("c:" + name)
        if "?" in text:
            cues.add("c:question")
        views.append(SentenceView(s_start, s_end, text, frozenset(cues)))
    return views
