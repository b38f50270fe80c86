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
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

from bot.coach.text import sentences

if TYPE_CHECKING:
    from bot.coach.promises import FoundPromise


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
    NONE = "none"


@dataclass(frozen=True, slots=True)
class Draft:
    """What every detector reads: the masked text and what was already found."""

    text: str
    masked: str
    promises: Sequence[FoundPromise] = ()
    spans: tuple[tuple[int, int], ...] = ()

    @classmethod
    def of(cls, text: str, masked: str, promises: Sequence[FoundPromise] = ()) -> Draft:
        return cls(text, masked, tuple(promises), tuple(sentences(masked)))

    def sentence_at(self, index: int) -> tuple[int, int]:
        for start, end in self.spans:
            if start <= index < end:
                return start, end
        return index, index


Detector = Callable[[Draft], Iterable[tuple[int, int]]]


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
    compiled: tuple[re.Pattern[str], ...] = field(default=(), compare=False)

    def find(self, draft: Draft) -> Iterable[tuple[int, int]]:
        if self.detector is not None:
            yield from self.detector(draft)
        for pattern in self.compiled:
            for m in pattern.finditer(draft.masked):
                start, end = m.span("hit") if "hit" in pattern.groupindex else m.span()
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
    compiled = tuple(re.compile(p, re.IGNORECASE) for p in patterns)
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
        for start, end in entry.find(draft):
            key = (entry.code, start, end)
            if key not in seen:
                seen.add(key)
                hits.append(Hit(entry, start, end))
    hits.sort(key=lambda h: (h.start, h.end))
    return hits
