"""The rules' findings, sentence by sentence, as cue names the models read.

A cue says "a rule saw this here", nothing more: `c:rule:blame.not_our_fault`,
`c:promise:vague`, `c:time`, `c:refusal`. Each model learns from data how much
each cue is worth next to the words around it, which is how a rule that is
right in e-mail but loud in tweets gets the weight it deserves.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.coach.detect.asks import ASKED_BACK, asks_customer
from bot.coach.detect.empathy import EMPATHY_HEAD
from bot.coach.detect.promise_vague import find_vague_times
from bot.coach.detect.refusals import SOFTENER, find_refusals
from bot.coach.detect.rules import AsciiSearch, Draft, Hit
from bot.coach.learn.features import SentenceView, tokens, without_idioms
from bot.coach.time.when import find_times

_FUTURE = r"(?:'ll| will| shall| am going to| are going to| is going to|'m going to|'re going to|" \
          r"'s going to| gonna| would| should| can| will be| plan to| intend to| aim to)"
# Who the future belongs to: the writer committing, their company, or a thing or timetable.
_WRITER_FUTURE = re.compile(rf"\b(?:i|we){_FUTURE}\b", re.IGNORECASE)
_TEAM_FUTURE = re.compile(
    rf"\b(?:our (?:\w+ ){{0,2}}(?:team|teams|engineers?|staff|agents?|department|folks|people|"
    rf"specialists?|technicians?|manager|colleagues?)|the team|someone|somebody|"
    rf"one of (?:us|our \w+)|they|he|she){_FUTURE}\b", re.IGNORECASE)
_THING_FUTURE = re.compile(
    rf"\b(?:it|this|that|these|those|the \w+|your \w+|(?:flight|train|bus|taxi|cab|car|"
    rf"meeting|event|order|parcel|package|delivery|refund|payment)s?){_FUTURE}\b",
    re.IGNORECASE)
# The writer's own whereabouts and plans: "I'll be out Monday", not a promise to the reader.
_WHEREABOUTS = re.compile(r"\b(?:i|we)(?:'ll| will| shall|'m| am|'re| are) (?:be )?(?:out|in|at|on|"
                          r"away|back|travel(?:l?ing)?|off|around|headed|heading|going to be)\b",
                          re.IGNORECASE)
_YOU_WILL = re.compile(r"\byou(?:'ll| will| should| can expect to)\s+(?:\w+\s+)?"
                       r"(?:hear|receive|get|be contacted|see)\b", re.IGNORECASE)
_CONDITION = re.compile(r"\b(?:if|once|when|whenever|as soon as|after) you\b|\bplease\b",
                        re.IGNORECASE)
_PAST = re.compile(r"\b(?:i|we)(?:'ve| have| had)\b|\b(?:has|have) been\b", re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:not|no|never|n't|unable|cannot|can't|won't|unfortunately|sorry"
                       r"|afraid)\b|n't\b", re.IGNORECASE)
# Asking the customer to act first: what follows is an offer they trigger, not a promise.
_REQUEST = re.compile(
    r"\b(?:can|could|would|will) you\b|\bplease\b|\bpls\b|\bkindly\b|\b(?:dm|message|email|"
    r"send|give|drop|shoot) (?:us|me)\b|\b(?:contact|call|reach out to|reach|follow) us\b|"
    r"\breach out\b|\blet (?:us|me) know\b|\bfollow up here\b|\bmeet (?:us|me)\b|"
    r"\bfill (?:in|out)\b|\bsubmit\b|\bshare (?:your|the|a)\b",
    re.IGNORECASE,
)
# Read after the idioms are merged: "see you again soon" arrives as "seeyousoon".
_WISH = re.compile(r"\b(?:hope|hoping|look(?:ing)? forward|can't wait|see you|welcome you|"
                   r"seeyousoon|talksoon|"
                   r"wish(?:ing)? you|enjoy)\b", re.IGNORECASE)
_GLAD_TO = re.compile(r"\b(?:happy|glad|pleased|delighted|more than happy) to\b", re.IGNORECASE)
_EFFORT = re.compile(r"\b(?:try|trying|do (?:our|my) (?:very )?best|working (?:hard|on)|"
                     r"doing (?:all|everything|what)|on it)\b", re.IGNORECASE)
_RULE = re.compile(r"\b(?:policy|policies|terms|rules?|only|non-?refundable|not guaranteed|"
                   r"(?:will|would|'ll) (?:need|have) to|must|required|allows? no|no (?:changes|"
                   r"refunds?|exceptions))\b", re.IGNORECASE)
_NO_NEWS = re.compile(r"\b(?:don't|do not|haven't|have not|no) (?:\w+ ){0,2}(?:information|"
                      r"info|update|dates?|plans?|news|details)\b", re.IGNORECASE)
# The problem is already gone: an explanation after a fix needs no next step from anyone.
_RESOLVED = re.compile(
    r"\b(?:is|are|'s|'re|has been|have been|was|were)\s+(?:now\s+|all\s+|fully\s+|since\s+)?"
    r"(?:fixed|resolved|sorted(?:\s+out)?|working(?:\s+(?:again|normally|fine))?|back\s+(?:up|online"
    r"|to\s+normal)|rolled\s+back|restored|up\s+and\s+running|refunded|reversed|replaced"
    r"|corrected|reinstated)\b",
    re.IGNORECASE,
)
_NOW = re.compile(r"\b(?:now|right now|currently|at the moment|as we speak)\b", re.IGNORECASE)


def _by_sentence(starts: Sequence[int], positions: Sequence[tuple[int, str]],
                 count: int) -> list[list[str]]:
    """Cue names grouped by the sentence each position falls in (linear after sorting)."""
    grouped: list[list[str]] = [[] for _ in range(count)]
    for position, name in positions:
        at = bisect_right(starts, position) - 1
        if at >= 0:
            grouped[at].append(name)
    return grouped


def sentence_views(draft: Draft, hits: Sequence[Hit], now: datetime,
                   zone: ZoneInfo) -> list[SentenceView]:
    """Every sentence of the draft with the cues the rules found in it."""
    masked = draft.masked
    spans = draft.spans
    starts = [a for a, _ in spans]
    found: list[tuple[int, str]] = []
    for hit in hits:
        found.append((hit.start, "c:rule:" + hit.rule.code))
        found.append((hit.start, "c:rule:" + hit.rule.name))
    for promise in draft.promises:
        found.append((promise.start, "c:promise"))
        kind = ("vague" if promise.vague else "specific" if promise.due is not None
                else "undated")
        found.append((promise.start, "c:promise:" + kind))
    found.extend((t.start, "c:time") for t in find_times(masked, now=now, tz=zone))
    found.extend((v.start, "c:vague:" + v.kind) for v in find_vague_times(masked))
    found.extend((a, "c:refusal") for a, _ in find_refusals(masked))
    grouped = _by_sentence(starts, found, len(spans))
    views: list[SentenceView] = []
    asked: list[bool] = []
    for (s_start, s_end), names in zip(spans, grouped, strict=True):
        text = masked[s_start:s_end]
        cues = set(names)
        # The customer's move first: an untimed offer after it is one they trigger (asks.py).
        asked.append(asks_customer(text))
        if asked[-1]:
            cues.add("c:asks")
        if any(asked[-1 - ASKED_BACK : -1]):
            cues.add("c:after_ask")
        plain = without_idioms(text)
        lower = plain.lower() if plain.isascii() else None
        for name, search in _FAST_SENTENCE_CUES:
            if search.found(plain, lower):
                cues.add("c:" + name)
        if EMPATHY_HEAD.search(text) and "c:rule:empty_empathy" not in cues:
            cues.add("c:empathy_reflected")  # the rules read what follows as a reflection
        if "?" in text:
            cues.add("c:question")
            if "c:writer_future" in cues:
                cues.add("c:future_question")
        views.append(SentenceView(s_start, s_end, text, frozenset(cues), tuple(tokens(text))))
    return views


_SENTENCE_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("softener", SOFTENER), ("writer_future", _WRITER_FUTURE), ("team_future", _TEAM_FUTURE),
    ("thing_future", _THING_FUTURE), ("whereabouts", _WHEREABOUTS), ("you_will", _YOU_WILL),
    ("condition", _CONDITION), ("past", _PAST), ("negation", _NEGATION), ("now", _NOW),
    ("request", _REQUEST), ("wish", _WISH), ("glad_to", _GLAD_TO), ("effort", _EFFORT),
    ("rule", _RULE), ("no_news", _NO_NEWS), ("resolved", _RESOLVED),
)
# The same cues in their fast form for ASCII sentences (most of them): same answers.
_FAST_SENTENCE_CUES = tuple((name, AsciiSearch.of(pattern)) for name, pattern in _SENTENCE_CUES)
