"""JSON from strangers, bounded: an object, not nested past a limit, or a `Malformed` error.

Both doors (/slack/events and /api/messages) read JSON before anyone is known,
and Python's parser recurses: a body of a thousand `[` must be a 400, not a
RecursionError and a 500. The nesting is measured on the text, before parsing.
"""

from __future__ import annotations

import json
from typing import Any

MAX_DEPTH = 64  # objects and arrays; Slack's deepest rich text and Teams' cards stay under 20


class Malformed(ValueError):
    """A body no handler could use; the message says what is wrong, for the client and log."""


def bracket_depth(text: str) -> int:
    """The deepest bracket nesting in JSON text, strings skipped; stops counting past the limit."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > MAX_DEPTH:
                    return deepest
        elif char in "]}":
            depth -= 1
    return deepest


def load_json_object(text: str, what: str) -> dict[str, Any]:
    """Parse JSON that must be an object of bounded depth; `Malformed` names `what` is wrong."""
    brackets = text.count("{") + text.count("[")  # counted in C: most bodies stop here
    if brackets > MAX_DEPTH and bracket_depth(text) > MAX_DEPTH:
        raise Malformed(f"{what} nests deeper than {MAX_DEPTH} levels")
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        raise Malformed(f"{what} is not valid JSON") from None
    if not isinstance(value, dict):
        raise Malformed(f"{what} is not a JSON object")
    return value
