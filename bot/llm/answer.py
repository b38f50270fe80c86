"""The model's answer: the JSON schema it must follow and the typed objects it becomes.

The schema goes to the server as `response_format` (`json_schema`, strict),
which every OpenAI-compatible server speaks; the answer is parsed again here,
because a server that ignores the schema must not get past us either.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

MAX_REWRITE_CHARS = 6000
MAX_ITEMS = 6


class Change(BaseModel):
    """One thing the model changed in the draft, and why (for the user to learn from)."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    what: str = Field(max_length=400)
    why: str = Field(max_length=400)


class ModelAnswer(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")

    rewrite: str = Field(min_length=1, max_length=MAX_REWRITE_CHARS)
    alternatives: tuple[str, ...] = Field(default=(), max_length=MAX_ITEMS)
    changes: tuple[Change, ...] = Field(default=(), max_length=MAX_ITEMS * 2)


class MalformedAnswer(ValueError):
    """The model's content is not JSON of the expected shape."""


_STRING_LIST = {"type": "array", "items": {"type": "string"}}

RESPONSE_FORMAT: dict[str, Any] = {
    "type": "json_schema",
    "json_schema": {
        "name": "coached_reply",
        "strict": True,
        "schema": {
            "type": "object",
            "additionalProperties": False,
            "required": ["rewrite", "alternatives", "changes"],
            "properties": {
                "rewrite": {"type": "string", "description": "The reply to send, nothing else."},
                "alternatives": {
                    **_STRING_LIST,
                    "description": "Your own ideas of alternatives the writer could offer.",
                },
                "changes": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["what", "why"],
                        "properties": {"what": {"type": "string"}, "why": {"type": "string"}},
                    },
                },
            },
        },
    },
}


def parse_answer(content: str | None) -> ModelAnswer:
    """The typed answer, or MalformedAnswer saying (without the content) what was wrong."""
    if not content or not content.strip():
        raise MalformedAnswer("empty answer")
    try:
        answer = ModelAnswer.model_validate_json(content)
    except ValidationError as error:
        first = error.errors()[0]
        raise MalformedAnswer(f"{first['type']} at {'.'.join(map(str, first['loc']))}") from None
    if not answer.rewrite.strip():
        raise MalformedAnswer("blank rewrite")
    return answer
