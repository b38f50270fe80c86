"""What the models see: words, short phrases and the rules' cues, per sentence and per draft.

One function builds features for training and for coaching, so the model file
and the code that reads it can never disagree. Words are normalised the way
people vary them in chat ("u" for "you", "I 'm" as published by MultiWOZ,
numbers and times) so a phrase learnt from one register is recognised in
another. The rules' findings go in as cue features (`c:` names): the model
learns how far to trust each rule, and the rules still find the exact words.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.coach.detect.rules import holds_any, needed_words

_CONTRACTION_SPACE = re.compile(r"(\w) (n't|'(?:s|m|re|ve|ll|d))\b", re.IGNORECASE)
_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+(?:[:.]\d+)?|[?!]")

# Chat spellings and contractions, written out, so n-grams are shared across registers.
_EXPAND: dict[str, tuple[str, ...]] = {
    "u": ("you",), "ur": ("your",), "pls": ("please",), "plz": ("please",), "thx": ("thanks",),
    "ty": ("thanks",), "tmrw": ("tomorrow",), "tmr": ("tomorrow",), "tmw": ("tomorrow",),
    "asap": ("asap",), "btw": ("by", "the", "way"), "im": ("i", "am"), "ill": ("i", "will"),
    "dont": ("do", "not"), "cant": ("can", "not"), "wont": ("will", "not"),
    "didnt": ("did", "not"), "doesnt": ("does", "not"), "isnt": ("is", "not"),
    "arent": ("are", "not"), "wasnt": ("was", "not"), "couldnt": ("could", "not"),
    "wouldnt": ("would", "not"), "shouldnt": ("should", "not"), "ive": ("i", "have"),
    "youre": ("you", "are"), "gonna": ("going", "to"), "wanna": ("want", "to"),
    "gotta": ("got", "to"), "shall": ("will",), "cannot": ("can", "not"),
    "won't": ("will", "not"),
    "can't": ("can", "not"), "shan't": ("will", "not"), "ain't": ("is", "not"),
    "let's": ("let", "us"), "it's": ("it", "is"), "that's": ("that", "is"),
    "there's": ("there", "is"), "what's": ("what", "is"), "here's": ("here", "is"),
    "ok": ("okay",), "k": ("okay",), "tbh": ("to", "be", "honest"), "ngl": ("not", "gonna", "lie"),
    "bc": ("because",), "cuz": ("because",), "coz": ("because",), "b4": ("before",),
    "r": ("are",), "ya": ("you",), "yr": ("your",), "msg": ("message",), "pm": ("pm",),
}
_SUFFIX = {"n't": ("not",), "'ll": ("will",), "'m": ("am",), "'re": ("are",), "'ve": ("have",),
           "'d": ("would",)}
_TIME_WORD = re.compile(r"^\d+(?:[:.]\d+)?$")

_CANNOT = r"(?:can'?t|cannot|can\s+not|couldn'?t|could\s+not)"
# Friendly set phrases whose "no", "never" or "can't" refuses nothing: read each as one
# word of its own, so the model never learns them as a negation or an absolute.
_IDIOMS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), word) for pattern, word in (
        (r"\bnever\s+mind\b", " nevermind "),
        (r"\bnever\s+(?:say\s+no\s+to|turn\s+down|refuse)\b", " gladly "),
        (r"\bno\s+(?:problem|probs|prob|bother|trouble)s?\b", " noproblem "),
        (r"\bnot\s+(?:a|any)\s+(?:problem|bother|trouble)\b", " noproblem "),
        (r"\bno\s+worr(?:ies|y)\b|\bnot\s+to\s+worry\b|\bnothing\s+to\s+worry\s+about\b",
         " noworries "),
        (r"\bno\s+need\s+to\b", " noneedto "),
        # "we don't need the serial number": nothing asked of anyone, nothing refused
        (r"\b(?:you|we)\s+(?:don'?t|do\s+not)\s+need\b", " noneed "),
        (r"\bno,?\s+(?:that's|that\s+is|it's|it\s+is)\s+(?:totally\s+|absolutely\s+)?(?:fine"
         r"|ok|okay|alright|all\s+right)\b", " noproblem "),
        (r"\bno\s+rush\b", " norush "),
        (r"\bnot\s+at\s+all\b", " notatall "),
        (rf"\b{_CANNOT}\s+agree\s+more\b", " agreemore "),
        (rf"\b{_CANNOT}\s+wait\b", " cantwait "),
        (rf"\b{_CANNOT}\s+thank\s+you\s+enough\b", " thanksenough "),
        (r"\bnever\s+hesitate\b|\bdon'?t\s+hesitate\b", " feelfree "),
        (rf"\b{_CANNOT}\s+go\s+wrong\b", " safechoice "),
        # Social wishes: "soon" in "see you again soon" times nobody's work.
        (r"\b(?:see(?:ing)?|welcom(?:e|ing)|meet(?:ing)?)\s+you\b[^.!?]{0,40}?\bsoon\b",
         " seeyousoon "),
        (r"\b(?:with|to)\s+us\s+(?:again\s+)?soon\b", " seeyousoon "),
        (r"\b(?:talk|speak|chat)\s+(?:to\s+you\s+)?soon\b|\bhear(?:ing)?\s+from\s+you\s+soon\b",
         " talksoon "),
    ))


# The words each idiom cannot match without (None: unknown): on ASCII text an idiom whose
# words are absent would replace nothing, so it is not run (same text, a third the time).
_IDIOM_NEEDS = tuple(needed_words(pattern) for pattern, _ in _IDIOMS)


def without_idioms(text: str) -> str:
    """The text with friendly set phrases as single words (lengths may change)."""
    low = text.lower()
    if not any(w in low for w in ("no", "never", "n't", "not", "hesitate", "soon")):
        return text
    lower = low if text.isascii() else None
    for (pattern, word), needs in zip(_IDIOMS, _IDIOM_NEEDS, strict=True):
        if lower is not None and needs is not None and not holds_any(lower, needs):
            continue
        replaced = pattern.sub(word, text)
        if replaced != text:
            text = replaced
            lower = text.lower() if text.isascii() else None
    return text


def is_cue(feature: str) -> bool:
    """A rule's cue (`c:...`, also as seen in a neighbour), as opposed to the words."""
    return feature.startswith("c:") or ":c:" in feature


def tokens(text: str) -> list[str]:
    """Lower-case words with contractions and chat spellings written out, numbers as `<n>`."""
    text = text.lower().replace("’", "'")
    if "'" in text:  # every match holds an apostrophe; most sentences have none
        text = _CONTRACTION_SPACE.sub(r"\1\2", text)
    text = without_idioms(text)
    out: list[str] = []
    for raw in _TOKEN.findall(text):
        if raw in _EXPAND:
            out.extend(_EXPAND[raw])
            continue
        if "'" not in raw:  # fast path, same result: every suffix below has an apostrophe
            out.append("<n>" if raw[0].isdigit() else raw)
            continue
        for suffix, expansion in _SUFFIX.items():
            if raw.endswith(suffix) and len(raw) > len(suffix):
                stem = raw[: -len(suffix)]
                out.append("will" if stem == "wo" and suffix == "n't" else
                           "can" if stem == "ca" and suffix == "n't" else stem)
                out.extend(expansion)
                break
        else:
            if raw.endswith("'s"):
                out.append(raw[:-2])
                out.append("'s")
            elif _TIME_WORD.match(raw):
                out.append("<n>")
            else:
                out.append(raw)
    return out


def ngrams(words: Sequence[str], prefix: str = "") -> set[str]:
    """Words, pairs and triples, with sentence edges marked so openings are learnable."""
    padded = ["<s>", *words, "</s>"]
    if not prefix:  # the same strings added in the same order, joined in C
        found = set(words)
        found.update(map(" ".join, itertools.pairwise(padded)))
        found.update(map(" ".join, zip(padded, padded[1:], padded[2:], strict=False)))
        return found
    found = {prefix + w for w in words}
    found.update(f"{prefix}{a} {b}" for a, b in itertools.pairwise(padded))
    found.update(f"{prefix}{a} {b} {c}" for a, b, c in
                 zip(padded, padded[1:], padded[2:], strict=False))
    return found


@dataclass(frozen=True, slots=True)
class SentenceView:
    """One sentence of a draft and what the rules found in and around it."""

    start: int
    end: int
    text: str
    cues: frozenset[str]
    words: tuple[str, ...] = ()  # tokens(text), computed once by whoever builds the view


def sentence_features(view: SentenceView, before: SentenceView | None,
                      after: SentenceView | None, index: int, count: int,
                      elsewhere: frozenset[str] = frozenset()) -> set[str]:
    """Features of one sentence: its n-grams, its cues, its neighbours' cues, and the
    cues found anywhere else in the draft (an alternative offered two sentences later
    still softens a no)."""
    words = view.words
    found = ngrams(words)
    found.update(view.cues)
    found.update("other:" + c for c in elsewhere - view.cues)
    if before is not None:
        found.update("prev:" + c for c in before.cues)
    if after is not None:
        found.update("next:" + c for c in after.cues)
        found.update("next:" + w for w in set(after.words[:4]))
    if index == 0:
        found.add("pos:first")
    if index == count - 1:
        found.add("pos:last")
    found.add(f"len:{min(len(words) // 5, 6)}")
    return found


def draft_features(views: Iterable[SentenceView]) -> set[str]:
    """Features of a whole draft: every sentence's n-grams and cues, and its shape."""
    found: set[str] = set()
    total = 0
    views = list(views)
    for number, view in enumerate(views):
        words = view.words
        total += len(words)
        found.update(ngrams(words))
        found.update(view.cues)
        if number == len(views) - 1:
            found.update("last:" + c for c in view.cues)
    found.add(f"sents:{min(len(views), 8)}")
    found.add(f"words:{min(total // 10, 10)}")
    return found


def sentence_rows(views: Sequence[SentenceView]) -> list[set[str]]:
    """Features of every sentence of a draft, each with its context."""
    rows = []
    everywhere: dict[str, int] = {}
    for v in views:
        for c in v.cues:
            everywhere[c] = everywhere.get(c, 0) + 1
    for i, v in enumerate(views):
        elsewhere = frozenset(c for c, n in everywhere.items() if n > (c in v.cues))
        rows.append(sentence_features(v, views[i - 1] if i else None,
                                      views[i + 1] if i + 1 < len(views) else None, i,
                                      len(views), elsewhere))
    return rows
