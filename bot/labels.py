"""Incident kinds, severities and statuses, and the words people read for them: one place.

The values are stored in the database (the store's CHECK constraints list
them), validated by the service, and offered and shown by Slack and Teams
with these labels. Adding a value here means a migration for the constraint.
"""

from __future__ import annotations

Choices = tuple[tuple[str, str], ...]

SEVERITIES: Choices = (("low", "Low"), ("medium", "Medium"), ("high", "High"))
INCIDENT_KINDS: Choices = (
    ("problem_customer", "Problem customer"),
    ("customer_with_problem", "Customer with a problem"),
    ("unsure", "Not sure yet"),
)
INCIDENT_STATUSES: Choices = (("open", "Open"), ("resolved", "Resolved"))
PROMISE_STATUSES: Choices = (
    ("open", "Open"), ("kept", "Kept"), ("broken", "Broken"), ("cancelled", "Cancelled"),
)
OPEN = "open"

DEFAULT_SEVERITY = "medium"
DEFAULT_KIND = "unsure"


def values(choices: Choices) -> tuple[str, ...]:
    return tuple(value for value, _ in choices)


def label(choices: Choices, value: str) -> str:
    """The label of `value`, or the value itself for one this release does not know."""
    return dict(choices).get(value, value)
