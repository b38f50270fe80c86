"""The labelled examples the models learn from, and only those the licence allows.

Three kinds of file, one record shape:
- `../shared/corpus/replies.jsonl` and `own-replies.jsonl`: real and written
  replies labelled for commitment and refusal with the exact words. Only items
  with `may_train: true` are read: the Twitter sources (CC BY-NC-SA) are for
  evaluation, never for a file that ships.
- `../shared/corpus/drafts-dev.jsonl`: drafts labelled with the nine flag codes
  and whether they promise something (no quotes).
- `bot/coach/learn/data/*.jsonl`: data the project wrote itself (see the README
  there), labelled with all nine codes, commitment and refusal, with quotes.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
WRITTEN = Path(__file__).with_name("data")
TONE_CODES = ("false_hope", "blame", "defensive", "empty_empathy", "shouting", "absolute",
              "no_next_step")


@dataclass(frozen=True, slots=True)
class Record:
    """One labelled text; a label is None where its source does not say."""

    id: str
    source: str  # what a held-out evaluation leaves out as a whole
    text: str
    commitment: str | None  # none | specific | vague | None (borderline or unlabelled)
    promise_quote: str | None  # None: the words are not known
    refusal: str | None  # none | hard | softened | None
    refusal_quote: str | None
    flags: frozenset[str] | None  # the nine codes, when the source labels them
    unsure: frozenset[str] = frozenset()
    quotes: tuple[tuple[str, str], ...] = ()  # (code, exact words) where the source says


def _clean(label: object) -> str | None:
    return label if label in ("none", "specific", "vague", "hard", "softened") else None


def _replies(path: Path, source_field: str = "source") -> Iterator[Record]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        if not item.get("may_train"):
            continue
        yield Record(
            id=item["id"], source=str(item.get(source_field) or "own"), text=item["text"],
            commitment=_clean(item.get("commitment")),
            promise_quote=item.get("promise_quote") or "",
            refusal=_clean(item.get("refusal")),
            refusal_quote=item.get("refusal_quote") or "",
            flags=None,
        )


def _drafts(path: Path) -> Iterator[Record]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        flags = frozenset(item.get("flags") or ())
        promise = _clean(item.get("promise"))
        yield Record(
            id=item["id"], source="drafts:" + item["persona"].split(",")[0], text=item["draft"],
            commitment=promise, promise_quote=None,
            refusal="hard" if "hard_no" in flags else None, refusal_quote=None,
            flags=flags, unsure=frozenset(item.get("unsure") or ()),
        )


def _written(path: Path) -> Iterator[Record]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        yield Record(
            id=item["id"], source="written:" + path.stem, text=item["text"],
            commitment=_clean(item.get("commitment")),
            promise_quote=item.get("promise_quote") or "",
            refusal=_clean(item.get("refusal")),
            refusal_quote=item.get("refusal_quote") or "",
            flags=frozenset(item.get("flags") or ()),
            quotes=tuple((code, words) for code, said in (item.get("quotes") or {}).items()
                         for words in said if words),
        )


def load_records(corpus: Path = SHARED_CORPUS, written: Path = WRITTEN) -> list[Record]:
    """Every record the shipped model may learn from."""
    records: list[Record] = []
    if (corpus / "replies.jsonl").exists():
        records.extend(_replies(corpus / "replies.jsonl"))
    if (corpus / "own-replies.jsonl").exists():
        records.extend(_replies(corpus / "own-replies.jsonl", source_field="_own"))
    if (corpus / "drafts-dev.jsonl").exists():
        records.extend(_drafts(corpus / "drafts-dev.jsonl"))
    for path in sorted(written.glob("*.jsonl")):
        records.extend(_written(path))
    return records
