"""Sentence and quotation boundaries, so a commitment is read in its own sentence.

Chat drafts are loosely punctuated: a line break ends a sentence as surely as
a full stop, and "a.m." or "e.g." must not.
"""

from __future__ import annotations

import re

_END = re.compile(r"(?<![.!?])[.!?]++[\"')\]]*+(?=\s)|\n")  # from a run's first mark only
_ABBREVIATION = re.compile(
    r"(?:\b(?:a\.m|p\.m|e\.g|i\.e|etc|mr|mrs|ms|dr|st|vs|no|approx|inc|ltd|co|jr|sr|u\.s|"
    r"[a-z])|\.\.)\.$",
    re.IGNORECASE,
)
_QUOTED = re.compile(r'"[^"\n]{1,400}"')


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; the end includes its closing punctuation."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        end = m.end()
        if m.group() != "\n":
            if _ABBREVIATION.search(text, max(0, m.start() - 6), m.start() + 1):
                continue
            after = text[end:].lstrip(" \t")
            if after[:1].islower() or after[:1].isdigit():
                continue
        if text[start:end].strip():
            spans.append((start, end))
        start = end
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside straight double quotes: other people's words, not the writer's promises."""
    return [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
