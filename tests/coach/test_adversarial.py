"""Hostile drafts finish: no pattern of the coach backtracks without bound.

Python's `re` holds the GIL while it matches, so one draft that makes a regex
backtrack exponentially (or even cubically) freezes the whole bot server. These
drafts are built from the alphabet of every rule: long runs of spaces and
punctuation, masked chat markup, repeated words and 5,000-character drafts
of one fragment. The test only asks that each finishes; how fast is for
`python -m benchmarks coach`.
"""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.coach import MAX_DRAFT_CHARS, coach_draft
from bot.coach.detect.catalog import ALL_RULES

NOW = datetime(2026, 3, 4, 10, 0, tzinfo=ZoneInfo("UTC"))

# The drafts from the review, each of which used to run for seconds or forever.
REPORTED = (
    "I'll send it " + " " * 60 + " x",
    "I'll forward this to the team " + ", " * 15 + ",x can you take a look?",
    "forwarded this to the team :slightly_smiling_face: <@U12345> can you take a look?",
    "I'll forward this to the team " + ":slightly_smiling_face: <@U12345> " * 20 + "can you?",
)

FRAGMENTS = (
    " ", "  ", "\n", "\t", ", ", ", , ", ". ", "...", "!", "!!! ", "?", "?!", "-", " - ", " — ",
    ";", ":", "'", "(", ")", "I'll ", "we'll ", "I'd ", "no, ", "ASAP ", "and ", "then ", "but ",
    "so ", "also ", "by ", "before ", "until ", "10 ", "10:", "10/", "2026-", "3 pm ", "March ",
    "Friday ", "tomorrow ", "very ", "really ", "sorry ", "please ", "just ", "you ", "can't ",
    "not ", "NO ", "HELP ", "[x] ", ":smile: ", "<@U1> ", "&amp; ", "<b>x</b> ", "@bob ",
    "http://x.co ", "a@b.co ", "I can totally ", "can you ", "see you ", "expect ",
    "we'll see ", "maybe ", "the courier ", "as I said ", "like I said ", "impossible ",
)
SUFFIXES = ("", "x", " x can you take a look?", "?", "!", ".")


def _rule_words() -> list[str]:
    """Every word the rules' patterns and examples are made of."""
    found: set[str] = set()
    for entry in ALL_RULES:
        for text in (*entry.patterns, *entry.fails, *entry.passes):
            found.update(w.lower() for w in re.findall(r"[A-Za-z][A-Za-z']+", text))
    return sorted(found)


def _fill(fragment: str, length: int, prefix: str = "", suffix: str = "") -> str:
    body = prefix + fragment * (length // len(fragment) + 1)
    return body[: length - len(suffix)] + suffix


def _coach(text: str) -> None:
    if text.strip():
        coach_draft(text, now=NOW)


@pytest.mark.timeout(10)
@pytest.mark.parametrize("draft", REPORTED)
def test_the_reported_drafts_finish(draft: str) -> None:
    result = coach_draft(draft, now=NOW)
    assert result.rewrite is None or isinstance(result.rewrite, str)


@pytest.mark.timeout(10)
@pytest.mark.parametrize("suffix", SUFFIXES)
@pytest.mark.parametrize("prefix", ["", "I'll send it ", "We can't "])
def test_short_runs_of_every_fragment_finish(prefix: str, suffix: str) -> None:
    for fragment in FRAGMENTS:
        for length in (40, 120):
            _coach(_fill(fragment, length, prefix, suffix))


@pytest.mark.timeout(10)
@pytest.mark.parametrize("fragment", FRAGMENTS)
def test_full_length_drafts_of_one_fragment_finish(fragment: str) -> None:
    for prefix, suffix in (("I'll send it ", " x can you take a look?"), ("We can't ", "!")):
        _coach(_fill(fragment, MAX_DRAFT_CHARS, prefix, suffix))


@pytest.mark.timeout(10)
def test_runs_of_every_rule_word_finish() -> None:
    for word in _rule_words():
        for separator in (" ", ", "):
            _coach(_fill(word + separator, 300, "I'll send it ", " x can you?"))


@pytest.mark.timeout(10)
def test_mixed_fragments_at_full_length_finish() -> None:
    mixed = "I'll " + "  , , ".join(FRAGMENTS)
    _coach(_fill(mixed, MAX_DRAFT_CHARS, "", "?"))
    _coach(_fill(":slightly_smiling_face: <@U12345> , ", MAX_DRAFT_CHARS, "I'll send it ", "x"))
