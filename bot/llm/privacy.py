"""Placeholders for private details: what the model never sees.

E-mail addresses, phone numbers, card and bank account numbers are replaced by
`[EMAIL_1]`, `[PHONE_1]`, `[CARD_1]`, `[ACCOUNT_1]` before any text leaves
the process, and put back into the model's answer afterwards. The same value
always gets the same placeholder, so a reply that mentions one address twice
still reads right. The model is told to copy placeholders exactly; a
placeholder it drops is a lost fact, which the guardrails then catch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

EMAIL = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9][\w.+-]{0,63}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
)
IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b")
# 13 to 19 digits in groups (cards); checked with Luhn before it counts as a card.
CARD = re.compile(r"(?<![\w+])\d(?:[ -]?\d){12,18}(?![\w])")
# 8 to 15 digits with the usual separators, an optional +country code.
PHONE = re.compile(r"(?<![\w+/.:#-])\+?\(?\d(?:[\d ().-]{6,20})\d(?![\w/])")
ACCOUNT = re.compile(
    r"\b(?:account|acct|a/c|sort code|routing)(?: number| no\.?| #)?\s*(?:is\s+)?[:#]?\s*"
    r"(?P<value>[A-Z0-9][A-Z0-9-]{3,33})\b",
    re.IGNORECASE,
)
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
PLACEHOLDER = re.compile(r"\[(?:EMAIL|PHONE|CARD|ACCOUNT)_\d+\]")


def _luhn(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _is_phone(candidate: str) -> bool:
    digits = _digits(candidate)
    return 8 <= len(digits) <= 15 and not ISO_DATE.match(candidate.strip())


@dataclass
class Placeholders:
    """One conversation's private values and their placeholders, both ways."""

    by_value: dict[str, str] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)

    def _name(self, kind: str, value: str) -> str:
        known = self.by_value.get(value)
        if known:
            return known
        self.counts[kind] = self.counts.get(kind, 0) + 1
        name = f"[{kind}_{self.counts[kind]}]"
        self.by_value[value] = name
        return name

    def hide(self, text: str) -> str:
        """`text` with every private value replaced by its placeholder."""
        text = EMAIL.sub(lambda m: self._name("EMAIL", m.group()), text)
        text = IBAN.sub(lambda m: self._name("ACCOUNT", m.group()), text)
        text = ACCOUNT.sub(self._account, text)
        text = CARD.sub(self._card, text)
        return PHONE.sub(self._phone, text)

    def _account(self, match: re.Match[str]) -> str:
        value = match.group("value")
        if not any(c.isdigit() for c in value) or PLACEHOLDER.fullmatch(f"[{value}]"):
            return match.group()
        start = match.start("value") - match.start()
        return match.group()[:start] + self._name("ACCOUNT", value)

    def _card(self, match: re.Match[str]) -> str:
        value = match.group()
        return self._name("CARD", value) if _luhn(_digits(value)) else value

    def _phone(self, match: re.Match[str]) -> str:
        value = match.group()
        # A phone number never ends in a separator; give the trailing one back.
        core = value.rstrip(" .-(")
        if not _is_phone(core):
            return value
        return self._name("PHONE", core) + value[len(core):]

    def restore(self, text: str) -> str:
        """The model's text with each placeholder it kept turned back into the value."""
        names = {name: value for value, name in self.by_value.items()}
        return PLACEHOLDER.sub(lambda m: names.get(m.group(), m.group()), text)

    @property
    def hidden(self) -> tuple[str, ...]:
        return tuple(self.by_value)
