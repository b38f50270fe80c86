"""A rewrite never keeps a blaming, defensive or door-closing sentence as it was.

Run over the reply drafts the project wrote (bot/coach/learn/data), so it
needs nothing beside the repository: wherever the coach raises blame,
defensive or absolute, the sentence it flagged is replaced (by ownership, or
by a "[Say it without blame: ...]" slot that keeps its facts for the writer to
reword) or removed; it is never left in the reply unchanged.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

from bot.coach import coach_draft
from bot.coach.learn.corpus import WRITTEN
from bot.coach.text import mask, sentences

SLOT = re.compile(r"\[Say it without [^:\]]+: [^\]]*\]")

NOW = datetime(2026, 3, 4, 10, 0, tzinfo=UTC)
CODES = {"blame", "defensive", "absolute"}


def _drafts() -> list[str]:
    texts: list[str] = []
    for path in sorted(WRITTEN.glob("written-tone-*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            if CODES & set(item["flags"]):
                texts.append(item["text"])
    return texts


def test_the_written_drafts_are_in_the_repository() -> None:
    assert len(_drafts()) > 300


def test_no_flagged_blaming_defensive_or_absolute_sentence_is_kept_verbatim() -> None:
    kept: list[tuple[str, str]] = []
    checked = 0
    for text in _drafts():
        result = coach_draft(text, now=NOW)
        flagged = [f for f in result.flags if f.code in CODES]
        if not flagged:
            continue
        assert result.rewrite is not None, text
        spans = sentences(mask(text))
        reply = SLOT.sub("[...]", result.rewrite)
        for flag in flagged:
            checked += 1
            start, end = next(((s, e) for s, e in spans if s <= flag.start < e),
                              (flag.start, flag.end))
            sentence = text[start:end].strip()
            if len(sentence.split()) >= 3 and sentence in reply:
                kept.append((flag.code, sentence))
    assert checked > 200
    assert not kept, kept[:10]
