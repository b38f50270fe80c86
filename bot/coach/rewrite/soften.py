"""Softening a refusal: keep the no, give the reason, offer alternatives, end with a choice.

Principle 1's shape ("What we can do is finish by next Friday, or add staff at
a revised quote. Which would you prefer?") used by the "soften a no" form and
by the rules rewriter. Where only the user knows the alternative, a clearly
marked slot such as `[another option]` stands in for it.
"""

from __future__ import annotations

import re

OPTION_SLOTS = ("[another option]", "[a second option]")
REASON_SLOT = "[the reason]"
_DETERMINERS = re.compile(
    r"^(?:a|an|the|your|my|our|this|that|these|those|some|any|more|extra|free|full|partial|"
    r"\d[\d.,]*|\$|£|€)\b", re.IGNORECASE,
)
_REASON_LEAD = re.compile(r"^(?:because|since|as|due to|owing to|given that)\b", re.IGNORECASE)


def _clean(part: str) -> str:
    part = " ".join(part.split()).strip().rstrip(".!;,")
    return part


def _lower_first(part: str) -> str:
    """Lower the first letter of a form answer, but not "I", an acronym or a name-like caps."""
    word = part.split(maxsplit=1)[0] if part.strip() else ""
    if not word or word in {"I", "I'm", "I'll", "I've"} or (len(word) > 1 and word.isupper()):
        return part
    if len(word) > 1 and not word[1:].islower():
        return part
    return part[:1].lower() + part[1:]


def _upper_first(part: str) -> str:
    return part[:1].upper() + part[1:]


def join_options(options: list[str]) -> str:
    """"a", "a or b", "a, b or c": the list read aloud as a choice."""
    if len(options) == 1:
        return options[0]
    return ", ".join(options[:-1]) + " or " + options[-1]


def choice_sentences(options: list[str], *, speaker: str = "we") -> str:
    """"Here's what we can do instead: A or B. Which would you prefer?" with slots for gaps."""
    picked = [_lower_first(_clean(o)) for o in options if _clean(o)]
    if not picked:
        picked = list(OPTION_SLOTS)
    elif len(picked) == 1:
        picked.append(OPTION_SLOTS[0])
    return f"Here's what {speaker} can do instead: {join_options(picked)}. Which would you prefer?"


def reason_sentence(why_not: str) -> str:
    """The reason stated directly, as its own sentence."""
    why = _clean(why_not)
    if not why:
        return f"The reason is {REASON_SLOT}."
    if _REASON_LEAD.match(why):
        return f"That's {_lower_first(why)}." if why.lower().startswith("because") else (
            f"{_upper_first(why)}, that's the reason."
        )
    return f"The reason is that {_lower_first(why)}."


def soften_refusal(asked_for: str, why_not: str, alternatives: list[str]) -> str:
    """A complete softened refusal built from the "soften a no" form's three answers."""
    asked = _clean(asked_for)
    asked = re.sub(r"^to\s+", "", asked, flags=re.IGNORECASE)
    if not asked:
        refusal = "I'm sorry, but we can't do what you asked."
    elif _DETERMINERS.match(asked):
        refusal = f"I'm sorry, but we can't offer {_lower_first(asked)}."
    else:
        refusal = f"I'm sorry, but we can't {_lower_first(asked)}."
    return " ".join((refusal, reason_sentence(why_not), choice_sentences(alternatives)))
