"""The training data: only what the licence allows, whatever a data file holds."""

from __future__ import annotations

import json
from pathlib import Path

from bot.coach.learn.corpus import load_records


def _jsonl(path: Path, items: list[dict[str, object]]) -> None:
    path.write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")


def test_a_written_text_that_echoes_a_restricted_item_is_not_learnt_from(tmp_path: Path) -> None:
    corpus, written = tmp_path / "corpus", tmp_path / "data"
    corpus.mkdir()
    written.mkdir()
    _jsonl(corpus / "replies.jsonl", [
        {"id": "t-1", "text": "We can't guarantee which aircraft will operate that route.",
         "source": "airline", "may_train": False, "commitment": "none", "refusal": "hard"},
        {"id": "e-1", "text": "I will send the signed copy to you on Friday morning.",
         "source": "enron", "may_train": True, "commitment": "specific", "refusal": "none"},
    ])
    _jsonl(written / "written-x.jsonl", [
        {"id": "x-1", "text": "Sorry, we can't guarantee which aircraft will operate it.",
         "commitment": "none", "refusal": "hard", "flags": ["hard_no"]},
        {"id": "x-2", "text": "I will send the signed copy to you on Friday morning, promise.",
         "commitment": "specific", "refusal": "none", "flags": []},
    ])
    ids = {r.id for r in load_records(corpus, written)}
    assert ids == {"e-1", "x-2"}  # the restricted item itself is never read either
