"""Names people read for each flag code (from the registry in codes.py), so Slack,
Teams and the terminal never call the same problem by two names."""

from __future__ import annotations

from bot.coach.codes import CODES

FLAG_LABELS: dict[str, str] = {code: entry.label for code, entry in CODES.items()}


def flag_label(code: str) -> str:
    """The label for a code; a code added later still reads as words."""
    return FLAG_LABELS.get(code, code.replace("_", " ").capitalize())


def counted(number: int, singular: str, plural: str | None = None) -> str:
    """ "1 promise", "3 promises": no "promise(s)" in what people read."""
    return f"{number} {singular if number == 1 else plural or singular + 's'}"
