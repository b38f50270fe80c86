"""Run a large alternation only where one of its first words occurs.

A pattern of thirty alternatives tried at every character of a draft is the
slowest part of coaching; trying it only at the words that can begin a match
gives the same matches (every alternative begins at a word start) several
times faster. The positions to try are found by one regex of the first words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Starts:
    """The first words (lower case) a pattern's matches can begin with; digits and "@" opt in."""

    words: frozenset[str]
    digits: bool = False
    at_sign: bool = False
    # Where a match may begin, found by one regex in C instead of a loop over every word.
    finder: _Finder = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "finder", _Finder(self))


def anchors(
    words: str | Iterable[str], *, digits: bool = False, at_sign: bool = False
) -> Starts:
    """First words of a pattern (a list, or one string of them); phrases count by their first."""
    if isinstance(words, str):
        words = words.split()
    firsts = {re.split(r"[\s.\-]", w.lower(), maxsplit=1)[0] for w in words}
    return Starts(frozenset(firsts), digits, at_sign)


class _Finder:
    """The positions `scan` tries, as regexes: for ASCII text (run on it lowered) and any text.

    A position is tried when a word of `Starts` begins there (a whole run of ASCII
    letters, in any case, not right after a letter or digit), a digit not right
    after a letter or digit begins there (if `digits`), or an "@" (if `at_sign`):
    exactly the tokens of `[A-Za-z]+|\\d|@` that a word-by-word loop would keep.
    The words are a trie, so the regex tests a position's first letter once, not
    once per word. Each form is compiled when first needed, so importing stays cheap.
    """

    __slots__ = ("_any_case", "_lowered", "_starts")

    def __init__(self, starts: Starts) -> None:
        self._starts = starts
        self._lowered: re.Pattern[str] | None = None
        self._any_case: re.Pattern[str] | None = None

    def positions(self, text: str) -> Iterator[re.Match[str]]:
        if text.isascii():  # lowered, ASCII keeps its length and needs no case folding
            if self._lowered is None:
                self._lowered = re.compile(_finder_pattern(self._starts, "(?:"))
            return self._lowered.finditer(text.lower())
        if self._any_case is None:
            self._any_case = re.compile(_finder_pattern(self._starts, "(?ai:"))
        return self._any_case.finditer(text)


def _finder_pattern(starts: Starts, group: str) -> str:
    words = sorted(w for w in starts.words if re.fullmatch("[a-z]+", w))
    parts = [f"{group}{_trie(words)})(?![A-Za-z])"] if words else []
    if starts.digits:
        parts.append(r"\d")
    # [^\W_] is exactly str.isalnum; at the very start the lookbehind holds.
    pattern = rf"(?<![^\W_])(?:{'|'.join(parts)})" if parts else ""
    if starts.at_sign:
        pattern = f"{pattern}|@" if pattern else "@"
    return pattern or r"(?!)"


_Node = dict[str, "_Node"]  # a letter to the rest of the words; "" marks a word's end


def _trie(words: Iterable[str]) -> str:
    """An alternation of `words` (letters only) with shared beginnings written once."""
    root: _Node = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: _Node) -> str:
        branches = [ch + emit(node[ch]) for ch in sorted(node) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:  # a word ends here and longer ones go on: the rest is optional
            body = body + "?" if len(branches) == 1 and len(branches[0]) == 1 else \
                "(?:" + body + ")?"
        return body

    return emit(root)


def scan(pattern: re.Pattern[str], starts: Starts, text: str) -> Iterator[re.Match[str]]:
    """Like `pattern.finditer(text)` for patterns whose matches begin at one of `starts`."""
    done = 0
    for start in starts.finder.positions(text):
        position = start.start()
        if position < done:
            continue
        m = pattern.match(text, position)
        if m and m.end() > position:
            done = m.end()
            yield m
