"""What every detector yields: a scored candidate for a flag, before the policy settles them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.coach.detect.rules import Rule


@dataclass(frozen=True, slots=True)
class Candidate:
    """A detector's claim: these characters raise this code, with this confidence.

    `source` names the detector ("rules:blame.customer", "model:blame"); `rule`
    is set for rule candidates, whose entry says how the words are fixed.
    """

    code: str
    start: int
    end: int
    score: float
    source: str
    rule: Rule | None = None

    @property
    def from_model(self) -> bool:
        return self.source.startswith("model:")
