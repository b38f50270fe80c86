"""Result types of the coach.

They mirror the JSON contract in product.md field for field, so the command
line, the chat adapters and the store all speak the same shape.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

RewriteSource = Literal["rules", "llm"]


@dataclass(frozen=True, slots=True)
class Flag:
    """One thing in a draft that will make the exchange worse."""

    code: str
    start: int
    end: int
    quote: str
    message: str
    suggestion: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
            "message": self.message,
            "suggestion": self.suggestion,
        }


@dataclass(frozen=True, slots=True)
class Promise:
    """A commitment the writer or their company makes to the customer.

    `start`/`end` locate the commitment in the draft; they are not part of the
    JSON contract but let the rewriter and the chat views point at it.
    """

    text: str
    due: datetime | None
    vague: bool
    start: int = 0
    end: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "due": self.due.isoformat() if self.due else None,
            "vague": self.vague,
        }


@dataclass(frozen=True, slots=True)
class CoachResult:
    """Everything the coach says about one draft."""

    text: str
    flags: tuple[Flag, ...] = ()
    promises: tuple[Promise, ...] = ()
    rewrite: str | None = None
    rewrite_source: RewriteSource = "rules"
    id: Any = None

    @property
    def flag_codes(self) -> list[str]:
        return sorted({f.code for f in self.flags})

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "flags": [f.to_dict() for f in self.flags],
            "promises": [p.to_dict() for p in self.promises],
            "rewrite": self.rewrite,
            "rewrite_source": self.rewrite_source,
        }


class DraftError(ValueError):
    """A draft the coach refuses to read (empty, too long); the message is for users."""
