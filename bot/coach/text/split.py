"""The one sentence splitter every stage uses, and where quoted words are.

Chat drafts are loosely punctuated: a line break ends a sentence as surely as
a full stop, and "a.m.", "e.g." or "Mr." must not. Detectors, cues, the time
finder and the rewriter all read the same spans, so a flag, a promise and an
edit always agree on where a sentence starts and ends.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_ABBREVIATIONS = frozenset(
    {"mr", "mrs", "ms", "dr", "st", "e.g", "i.e", "a.m", "p.m", "etc", "vs", "no", "jr", "sr",
     "inc", "corp", "approx", "dept", "ext", "ref", "tel", "fig", "am", "pm", "u.s", "mt"}
)
# Starts only at the first mark of a run, possessive: tried inside a long "?????x" the
# plain form backtracks from every mark (quadratic).
_BOUNDARY = re.compile(r"(?<![.!?])[.!?]++[\"')\]]*+(?=\s|$)|\n\s*+")
_LAST_WORD = re.compile(r"([\w.]+)$")
# One letter or digit: the regex class is exactly str.isalnum (checked for every code
# point), and searching a span in C beats a generator over its characters.
_ALNUM = re.compile(r"[^\W_]")


def sentences(masked: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) of masked text, trimmed of surrounding space."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(masked):
        if m.group().startswith("."):
            token = _last_word(masked, start, m.start()).lower()
            following = masked[m.end() : m.end() + 3].lstrip()
            if token in _ABBREVIATIONS or (
                len(token) == 1 and token.isalpha() and following[:1].islower()
            ):
                continue
            if following[:1].islower():
                continue
        end = m.end() if not m.group().startswith("\n") else m.start()
        spans.extend(_trimmed(masked, start, end))
        start = m.end()
    spans.extend(_trimmed(masked, start, len(masked)))
    return spans


def _last_word(masked: str, start: int, end: int) -> str:
    """What `_LAST_WORD` finds in masked[start:end] (or ""), read back from the end.

    The regex tries every position of the sentence before finding its last word;
    walking back over word characters ([\\w] is exactly isalnum or "_") and dots
    touches only that word.
    """
    if end > start and masked[end - 1] == "\n":  # "$" also matches before a last newline
        found = _LAST_WORD.search(masked[start:end])
        return found.group(1) if found else ""
    i = end
    while i > start and ((ch := masked[i - 1]) == "." or ch == "_" or ch.isalnum()):
        i -= 1
    return masked[i:end]


def _trimmed(masked: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and masked[start].isspace():
        start += 1
    while end > start and masked[end - 1].isspace():
        end -= 1
    if end > start and _ALNUM.search(masked, start, end):
        yield (start, end)


_QUOTED = re.compile(r'"[^"\n]{1,400}"')


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside straight double quotes: other people's words, not the writer's promises."""
    return [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
