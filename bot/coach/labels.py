"""Names people read for each flag code: one place, so Slack, Teams and the
terminal never call the same problem by two names."""

from __future__ import annotations

FLAG_LABELS: dict[str, str] = {
    "vague_commitment": "Vague promise",
    "hard_no": "Hard no",
    "false_hope": "False hope",
    "blame": "Blame",
    "defensive": "Defensive",
    "empty_empathy": "Empty empathy",
    "shouting": "Shouting",
    "absolute": "Door-closing absolute",
    "no_next_step": "No next step",
}


def flag_label(code: str) -> str:
    """The label for a code; a code added later still reads as words."""
    return FLAG_LABELS.get(code, code.replace("_", " ").capitalize())


def counted(number: int, singular: str, plural: str | None = None) -> str:
    """ "1 promise", "3 promises": no "promise(s)" in what people read."""
    return f"{number} {singular if number == 1 else plural or singular + 's'}"
