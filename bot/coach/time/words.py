"""Vocabulary shared by the time patterns: weekdays, months, number words.

Kept as data so the patterns in `when` read as grammar, not as word lists.
"""

from __future__ import annotations

from collections.abc import Iterable

WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0,
    "tuesday": 1, "tues": 1, "tue": 1,
    "wednesday": 2, "wed": 2, "weds": 2,
    "thursday": 3, "thurs": 3, "thur": 3, "thu": 3,
    "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1,
    "february": 2, "feb": 2,
    "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "may": 5,
    "june": 6, "jun": 6,
    "july": 7, "jul": 7,
    "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}

NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fifteen": 15, "twenty": 20, "thirty": 30, "forty-five": 45, "forty five": 45,
    "twenty-four": 24, "twenty four": 24, "forty-eight": 48, "forty eight": 48,
    "seventy-two": 72, "seventy two": 72, "couple": 2, "a couple": 2, "a couple of": 2,
    "couple of": 2,
}


def alternation(words: Iterable[str]) -> str:
    """A regex alternation, longest first so "thursday" wins over "thu"."""
    return "|".join(sorted((str(w).replace(" ", r"\s+") for w in words), key=len, reverse=True))


def number_value(word: str) -> int | None:
    word = " ".join(word.lower().split())
    if word.isdigit():
        return int(word)
    return NUMBERS.get(word)
