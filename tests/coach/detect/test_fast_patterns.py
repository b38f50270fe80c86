"""The fast forms of the detectors' patterns find exactly what the plain patterns find."""

from __future__ import annotations

import random
import re

import pytest

from bot.coach.detect.cues import _FAST_SENTENCE_CUES
from bot.coach.detect.refusals import _REFUSAL, _REFUSAL_PATTERNS
from bot.coach.detect.rules import AsciiSearch, LowerPattern, lowered

_SAMPLES = (
    "We'll SEND it Monday.", "I CAN'T refund that, sorry.", "Happy to help!", "no news yet",
    "Our ENGINEERS will look at it", "ſorry, we can't", "The KELVIN sign: \u212a", "İstanbul trip",
    "please DM us", "Right NOW we are on it", "", "you'll hear from us", "WOULD THAT WORK?",
)
_ALPHABET = ["we", "'ll", " will", "I", "can't", "SORRY", "please", "you", " ", ".", "?",
             "now", "hope", "try", "ſ", "\u212a", "İ", "é", "happy", " to", "no", "update"]


def _texts() -> list[str]:
    rng = random.Random(8)
    made = ["".join(rng.choice(_ALPHABET) for _ in range(rng.randint(1, 12)))
            for _ in range(3000)]
    return [*_SAMPLES, *made]


@pytest.mark.parametrize(("name", "search"), _FAST_SENTENCE_CUES)
def test_every_sentence_cue_finds_what_its_regex_finds(name: str, search: AsciiSearch) -> None:
    assert search.lowered is not None, f"{name}: no fast form"
    for text in _texts():
        lower = text.lower() if text.isascii() else None
        assert search.found(text, lower) == bool(search.regex.search(text)), (name, text)


def test_patterns_that_change_meaning_when_lowered_keep_their_one_form() -> None:
    for pattern in (r"\Sx", r"(?-i:A)b", r"\x41", r"(\w)\1"):
        assert AsciiSearch.of(re.compile(pattern, re.IGNORECASE)).lowered is None
    assert AsciiSearch.of(re.compile("abc")).lowered is None  # case-sensitive: as it is


_REFUSAL_TEXTS = (
    "Sorry, we can't refund that. I'm out of office until Monday.", "No. That's not possible.",
    "The plan doesn't cover water damage and it is non-refundable.", "We are fully booked!",
    "Impossible to say. We don't have the blue one in stock, sorry.", "Nothing at all here.",
    "I'd love to come, but I'm away. Otherwise I'd be happy to. Your claim has been denied.",
    "It's not something we offer; we'll have to decline.", "no, sorry, we cannot do that",
)


def test_refusal_branches_left_out_change_no_match() -> None:
    whole = LowerPattern.compile("|".join(f"(?:{p})" for p in _REFUSAL_PATTERNS))
    rng = random.Random(3)
    words = " ".join(_REFUSAL_TEXTS).split()
    made = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 25))) for _ in range(2000)]
    for text in (*_REFUSAL_TEXTS, *made, *_texts()):
        low = lowered(text)
        expected = [(m.start(), m.end()) for m in whole.finditer(low)]
        assert [(m.start(), m.end()) for m in _REFUSAL.finditer(low)] == expected, text


def test_trigger_scans_skipped_for_missing_words_find_what_the_regexes_find() -> None:
    from bot.coach.detect.promise_triggers import _SCAN

    texts = (*_texts(), "Our team will call you. It will be shipped and will arrive Monday.",
             "We aim to see you Tuesday; the refund should be processed by then.",
             "SOMEONE FROM OUR TEAM WILL BE IN TOUCH", "ſomeone will ſhip it", "İ will")
    for regex, scan in _SCAN.items():
        assert scan.needs is not None, regex.pattern[:40]
        for text in texts:
            known = text.lower() if text.isascii() else None
            assert [m.span() for m in scan.finditer(text, known)] == [
                m.span() for m in regex.finditer(text)], text
