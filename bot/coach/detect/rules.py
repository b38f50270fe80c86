"""Rules as data, and the one engine that runs them.

In the spirit of Vale and proselint, each rule is an entry, not code: the
flag code, the patterns (or a named detector for the few rules a regular
expression cannot express), the message tied to a coaching principle, a
concrete suggestion, how the rewriter fixes it, and examples that must fail
and must pass. The examples are run by the tests, so a rule that is loud and
unreliable is caught before a user sees it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import Enum
from re import _parser  # type: ignore[attr-defined]
from typing import TYPE_CHECKING

from bot.coach.text import sentences

if TYPE_CHECKING:
    from bot.coach.detect.promises import FoundPromise


class Fix(Enum):
    """How the rules rewriter repairs a flag of this rule."""

    DELETE = "delete"  # drop the words (and the comma after them)
    DROP_SENTENCE = "drop_sentence"  # the whole sentence only does harm
    REPLACE = "replace"  # put Rule.replacement in place of the words
    OWN_IT = "own_it"  # internal blame: replace the sentence with ownership
    REFLECT = "reflect"  # empty empathy becomes a reflection and a check
    LOWER = "lower"  # shouting: lower the caps, calm the "!!!"
    SOFTEN = "soften"  # hard no: keep it, add reason, alternatives, a choice
    NEXT_STEP = "next_step"  # no next step: end with a choice of remedy
    PROMISE = "promise"  # vague time: the promise finder's concrete replacement
    COMMIT = "commit"  # false hope: a direct statement with a slot in place of the hedge
    NONE = "none"


@dataclass(frozen=True, slots=True)
class Draft:
    """What every detector reads: the masked text and what was already found."""

    text: str
    masked: str
    promises: Sequence[FoundPromise] = ()
    spans: tuple[tuple[int, int], ...] = ()
    lower: str = ""

    @classmethod
    def of(cls, text: str, masked: str, promises: Sequence[FoundPromise] = ()) -> Draft:
        return cls(text, masked, tuple(promises), tuple(sentences(masked)), lowered(masked))

    def with_promises(self, promises: Sequence[FoundPromise]) -> Draft:
        """The same draft with other promises: its sentences and lower case are kept."""
        return Draft(self.text, self.masked, tuple(promises), self.spans, self.lower)

    def sentence_at(self, index: int) -> tuple[int, int]:
        for start, end in self.spans:
            if start <= index < end:
                return start, end
        return index, index


Detector = Callable[[Draft], Iterable[tuple[int, int]]]


def lowered(text: str) -> str:
    """Lower case with the same length (a few Unicode letters grow when lowered)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


@dataclass(frozen=True, slots=True)
class LowerPattern:
    """A case-insensitive pattern run on lowered text, about twice as fast as re.IGNORECASE.

    Without IGNORECASE and without a leading `\\b`, the regex engine can skip
    ahead to the pattern's first letters; the word boundary is checked here.
    """

    regex: re.Pattern[str]
    boundary: bool
    cues: frozenset[str] | None = None

    @classmethod
    def compile(cls, pattern: str) -> LowerPattern:
        if re.search(r"\\[SWDBAZ]", pattern):
            raise ValueError(f"pattern cannot be lowered safely: {pattern!r}")
        low = re.sub(r"\(\?p([<=])", r"(?P\1", pattern.lower())
        boundary = low.startswith("\\b")
        regex = re.compile(low[2:] if boundary else low)
        return cls(regex, boundary, required_literals(low))

    def finditer(self, lower: str) -> Iterator[re.Match[str]]:
        """The matches in `lower`; most patterns find none, so that case costs least."""
        if self.cues is not None:
            for cue in self.cues:  # a plain loop: any() over a generator costs twice as much
                if cue in lower:
                    break
            else:
                return iter(())
        if not self.boundary:
            return self.regex.finditer(lower)
        return self._at_word_starts(lower)

    def _at_word_starts(self, lower: str) -> Iterator[re.Match[str]]:
        for m in self.regex.finditer(lower):
            start = m.start()
            if self.boundary and start > 0 and _wordish(lower[start - 1]) == _wordish(
                lower[start]
            ):
                continue
            yield m


class LowerAlternatives:
    """The matches of `(?:p1)|(?:p2)|...` on lowered text, scanning only what can match.

    A long alternation is tried at every position of the text, yet most drafts
    hold the words of one or two of its branches at most. A branch whose
    required words are all absent from the text matches nowhere in it, so it is
    not scanned at all. The others are compiled once each (on first use, so
    importing stays cheap) and their matches merged the way the alternation
    picks them: the leftmost start wins, and at one start the first branch.
    Compiling the union of each new combination of branches instead cost a
    fresh draft more than everything else the rules do.
    """

    __slots__ = ("_branches", "_compiled", "_needs")

    def __init__(self, branches: Sequence[str]) -> None:
        self._branches = tuple(b.lower() for b in branches)
        self._needs = tuple(required_literals(b) for b in self._branches)
        self._compiled: list[re.Pattern[str] | None] = [None] * len(self._branches)

    def _pattern(self, i: int) -> re.Pattern[str]:
        """Branch `i` compiled as it stands in the union (what `LowerPattern` made of it)."""
        regex = self._compiled[i]
        if regex is None:
            regex = re.compile(_lowered_text(f"(?:{self._branches[i]})"))
            if regex.groups or _parser.parse(regex.pattern).getwidth()[0] == 0:
                # Merging matches assumes no groups and no empty match (always so now).
                raise ValueError(f"branch cannot be scanned on its own: {self._branches[i]!r}")
            self._compiled[i] = regex
        return regex

    def finditer(self, lower: str) -> Iterator[re.Match[str]]:
        live = [i for i, needs in enumerate(self._needs)
                if needs is None or holds_any(lower, needs)]
        if not live:
            return iter(())
        if len(live) == 1:
            return self._pattern(live[0]).finditer(lower)
        return _merged([self._pattern(i) for i in live], lower)


def _merged(patterns: Sequence[re.Pattern[str]], lower: str) -> Iterator[re.Match[str]]:
    """The matches `(?:p1)|(?:p2)|...` finds, from each pattern's own leftmost matches.

    At each position the alternation takes the leftmost start of any branch
    and, among the branches that start there, the first; the scan resumes at
    that match's end. No branch matches the empty string, so the end always moves.
    """
    pending = [p.search(lower) for p in patterns]
    while True:
        best: re.Match[str] | None = None
        for m in pending:
            if m is not None and (best is None or m.start() < best.start()):
                best = m
        if best is None:
            return
        yield best
        end = best.end()
        for k, m in enumerate(pending):
            if m is not None and m.start() < end:
                pending[k] = patterns[k].search(lower, end)


def _lowered_text(pattern: str) -> str:
    """A lowered pattern with its named groups and lookbehinds spelled right again."""
    return re.sub(r"\(\?p([<=])", r"(?P\1", pattern.lower())


# Escapes and inline flags whose meaning changes when the pattern is lowered ("\S" is
# not "\s", "\x41" is "A", "(?-i:...)" is case-sensitive): such patterns keep one form.
_UNSAFE_TO_LOWER = re.compile(r"\\[A-Zxu0-7]|\(\?[aiLmsux-]")
# A prefilter of more strings than this costs more than the scan it saves (measured).
_MOST_NEEDS = 8


@dataclass(frozen=True, slots=True)
class AsciiSearch:
    """A case-insensitive regex with a faster form for ASCII text, same answers.

    On ASCII text `re.IGNORECASE` only folds A-Z, so the pattern in lower case,
    run without the flag on the lowered text, finds exactly what the original
    finds, about twice as fast; a cheap substring test skips the scan when none
    of the words every match needs is there. Other text uses the original.
    """

    regex: re.Pattern[str]
    lowered: re.Pattern[str] | None
    needs: frozenset[str] | None

    @classmethod
    def of(cls, regex: re.Pattern[str], most_needs: int | None = _MOST_NEEDS) -> AsciiSearch:
        """`most_needs`: above this many words the test costs more than the lowered search
        saves (None: any number, for `finditer`, which always runs the original)."""
        if regex.flags != re.IGNORECASE | re.UNICODE or _UNSAFE_TO_LOWER.search(regex.pattern):
            return cls(regex, None, None)
        needs = needed_words(regex)
        if needs is not None and most_needs is not None and len(needs) > most_needs:
            needs = None
        return cls(regex, re.compile(_lowered_pattern(regex)), needs)

    def finditer(self, text: str, lower: str | None) -> Iterator[re.Match[str]]:
        """The original regex's matches in `text` (its case, its groups); on ASCII text
        without any needed word there are none, and the scan is skipped."""
        if lower is not None and self.needs is not None and not holds_any(lower, self.needs):
            return iter(())
        return self.regex.finditer(text)

    def found(self, text: str, lower: str | None) -> bool:
        """Does the pattern occur in `text`? `lower` is text.lower() if text is ASCII, else None."""
        if lower is None or self.lowered is None:
            return self.regex.search(text) is not None
        if self.needs is not None and not holds_any(lower, self.needs):
            return False
        return self.lowered.search(lower) is not None


def holds_any(lower: str, words: Iterable[str]) -> bool:
    """Does `lower` contain one of `words`? A plain loop: any() over a generator costs
    about twice as much, and this test runs for every rule and cue on every sentence."""
    for word in words:  # noqa: SIM110
        if word in lower:
            return True
    return False


def _lowered_pattern(regex: re.Pattern[str]) -> str:
    return _lowered_text(regex.pattern)


def needed_words(regex: re.Pattern[str]) -> frozenset[str] | None:
    """Lower-case strings of which the lowered text of every match holds one, or None.

    None also when lowering the pattern would change what it means ("\\S", "\\x41").
    """
    if _UNSAFE_TO_LOWER.search(regex.pattern):
        return None
    return required_literals(_lowered_pattern(regex))


def required_literals(pattern: str) -> frozenset[str] | None:
    """Strings of which every match contains at least one, or None if unknown.

    A substring test in C is far cheaper than a regex scan, and most drafts
    contain none of a rule's words, so the scan is skipped for them.
    """
    return _required(_parser.parse(pattern))


def _required(items: object) -> frozenset[str] | None:
    best: frozenset[str] | None = None
    run: list[str] = []

    def consider(found: frozenset[str] | None) -> None:
        nonlocal best
        if found and (best is None or min(map(len, found)) > min(map(len, best))):
            best = found

    for op, arg in list(items):  # type: ignore[call-overload]
        name = str(op)
        if name == "LITERAL":
            run.append(chr(arg))
            continue
        if len(run) >= 2:
            consider(frozenset({"".join(run)}))
        run = []
        if name == "SUBPATTERN":
            consider(_required(arg[-1]))
        elif name == "BRANCH":
            options = [_required(branch) for branch in arg[1]]
            if all(options):
                consider(frozenset().union(*options))  # type: ignore[arg-type]
        elif name in ("MAX_REPEAT", "MIN_REPEAT") and arg[0] >= 1:
            consider(_required(arg[2]))
    if len(run) >= 2:
        consider(frozenset({"".join(run)}))
    return best


def _wordish(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule: what it catches, why it matters, how to fix it, and proof."""

    name: str
    code: str
    message: str
    suggestion: str
    fails: tuple[str, ...]
    passes: tuple[str, ...]
    patterns: tuple[str, ...] = ()
    detector: Detector | None = None
    fix: Fix = Fix.NONE
    replacement: str = ""
    compiled: tuple[LowerPattern, ...] = field(default=(), compare=False)
    # Words one of which every match of every pattern holds; None when not known (a
    # detector, a pattern without such words).
    needs: frozenset[str] | None = field(default=None, compare=False)

    def may_match(self, lower: str) -> bool:
        """False when no pattern can match: one word test for the rule, not one per pattern."""
        if self.needs is None:
            return True
        for word in self.needs:  # noqa: SIM110 - a plain loop: any() over a generator is slower
            if word in lower:
                return True
        return False

    def find(self, draft: Draft) -> Iterable[tuple[int, int]]:
        if self.detector is not None:
            yield from self.detector(draft)
        for pattern in self.compiled:
            for m in pattern.finditer(draft.lower):
                start, end = m.span("hit") if "hit" in pattern.regex.groupindex else m.span()
                if end > start:
                    yield start, end


def rule(
    name: str,
    code: str,
    *,
    message: str,
    suggestion: str,
    fails: Sequence[str],
    passes: Sequence[str],
    patterns: Sequence[str] = (),
    detector: Detector | None = None,
    fix: Fix = Fix.NONE,
    replacement: str = "",
) -> Rule:
    """Build a rule entry; patterns are case-insensitive regular expressions.

    A pattern may name the flagged words `(?P<hit>...)` when it needs context
    around them to decide; otherwise the whole match is flagged.
    """
    if len(fails) < 3 or len(passes) < 3:
        raise ValueError(f"rule {name}: at least three failing and three passing examples")
    compiled = tuple(LowerPattern.compile(p) for p in patterns)
    cue_sets = [p.cues for p in compiled if p.cues is not None]
    needs = (frozenset[str]().union(*cue_sets)
             if compiled and detector is None and len(cue_sets) == len(compiled) else None)
    return Rule(
        name=name,
        code=code,
        message=message,
        suggestion=suggestion,
        fails=tuple(fails),
        passes=tuple(passes),
        patterns=tuple(patterns),
        detector=detector,
        fix=fix,
        replacement=replacement,
        compiled=compiled,
        needs=needs,
    )


@dataclass(frozen=True, slots=True)
class Hit:
    """A rule's match in a draft, before it becomes a Flag."""

    rule: Rule
    start: int
    end: int


def run_rules(rules: Iterable[Rule], draft: Draft) -> list[Hit]:
    """Every match of every rule, one per rule and span, in text order."""
    hits: list[Hit] = []
    seen: set[tuple[str, int, int]] = set()
    for entry in rules:
        if not entry.may_match(draft.lower):
            continue
        for start, end in entry.find(draft):
            key = (entry.code, start, end)
            if key not in seen:
                seen.add(key)
                hits.append(Hit(entry, start, end))
    hits.sort(key=lambda h: (h.start, h.end))
    return hits
