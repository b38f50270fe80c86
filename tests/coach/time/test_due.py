"""Which promises stand once the model has read the draft, and when each is due."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from bot.coach.detect.candidates import Candidate
from bot.coach.detect.promises import find_promises
from bot.coach.detect.rules import Draft
from bot.coach.text import mask
from bot.coach.time.due import decide_promises

NOW = datetime(2026, 3, 4, 10, 0, tzinfo=UTC)
ZONE = ZoneInfo("UTC")


def _draft(text: str) -> Draft:
    masked = mask(text)
    return Draft.of(text, masked, find_promises(masked, now=NOW, tz=ZONE))


def test_without_a_model_reading_the_finder_decides() -> None:
    draft = _draft("I'll call you by 3pm.")
    assert decide_promises(draft, [], None, NOW, ZONE) == list(draft.promises)


def test_a_promise_in_a_sentence_the_model_reads_as_none_is_dropped() -> None:
    draft = _draft("I'll call you by 3pm.")
    assert decide_promises(draft, [], frozenset(), NOW, ZONE) == []


def test_a_timed_promise_the_finder_missed_gets_its_due_time_from_the_sentence() -> None:
    draft = _draft("Your refund is processed by Friday 5pm.")
    found = decide_promises(draft, [], frozenset({0}), NOW, ZONE)
    assert len(found) == 1 and not found[0].vague
    assert found[0].due == datetime(2026, 3, 6, 17, 0, tzinfo=ZONE)


def test_a_vague_promise_with_no_time_words_gets_a_sentence_to_add() -> None:
    text = "Bear with us, we're on it."
    draft = _draft(text)
    flag = Candidate("vague_commitment", 0, len(text), 0.9, "model:commitment")
    found = decide_promises(draft, [flag], frozenset({0}), NOW, ZONE)
    assert found[0].vague and found[0].follow_up and "by" in found[0].follow_up


def test_a_vague_time_word_gets_a_concrete_replacement() -> None:
    text = "Our team is on it and it should be sorted soon."
    draft = _draft(text)
    at = text.index("soon")
    flag = Candidate("vague_commitment", at, at + 4, 0.9, "model:commitment")
    found = [p for p in decide_promises(draft, [flag], frozenset({0}), NOW, ZONE) if p.vague]
    assert found and found[0].replacement and found[0].replacement.startswith("by ")
