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
import re
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


# Six words in a row shared with a text the model may not learn from: the written item
# may echo it (a writer saw an example lifted from it), so it is not learnt from either.
ECHO_WORDS = 6
_WORD = re.compile(r"[a-z0-9']+")


def word_runs(text: str, n: int = ECHO_WORDS) -> set[str]:
    words = _WORD.findall(text.lower().replace("\u2019", "'"))
    return {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)}


def restricted_runs(corpus: Path = SHARED_CORPUS) -> set[str]:
    """Every run of six words in the corpus items that may not be trained on."""
    runs: set[str] = set()
    path = corpus / "replies.jsonl"
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not (item := json.loads(line)).get("may_train"):
                runs |= word_runs(item["text"])
    return runs


def load_records(corpus: Path = SHARED_CORPUS, written: Path = WRITTEN) -> list[Record]:
    """Every record the shipped model may learn from.

    A written item that shares six words in a row with a text under the
    non-commercial licence is left out, whatever its file says: the licence rule
    is kept by the code that reads the data, not only by the people who wrote it.
    """
    records: list[Record] = []
    if (corpus / "replies.jsonl").exists():
        records.extend(_replies(corpus / "replies.jsonl"))
    if (corpus / "own-replies.jsonl").exists():
        records.extend(_replies(corpus / "own-replies.jsonl", source_field="_own"))
    if (corpus / "drafts-dev.jsonl").exists():
        records.extend(_drafts(corpus / "drafts-dev.jsonl"))
    restricted = restricted_runs(corpus)
    for path in sorted(written.glob("*.jsonl")):
        records.extend(r for r in _written(path) if not (word_runs(r.text) & restricted))
    return records
