"""The model rewrite of a coached draft, as a use case: who may use it, and what it became.

The rules answer is always there first (`Service.coach`); this second step is
what adapters run after they have shown it. It never raises: with no key, with
the model off for the workspace, or with any failure, the rules result comes
back unchanged, and the user's answer is as good as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.coach.types import CoachResult

# Why the model was not asked (beside the rewriter's own outcomes).
NO_KEY = "no_key"
TENANT_OFF = "tenant_off"


@dataclass(frozen=True, slots=True)
class RewriteAsk:
    """What the writer told us beyond the draft: the customer's words, a "no" form's answers."""

    customer_message: str = ""
    asked_for: str = ""
    why_not: str = ""
    alternatives: Sequence[str] = ()
    soften: bool = False  # `/toughclient no <draft>`: a refusal to soften, no form answers

    @property
    def softening(self) -> bool:
        return self.soften or bool(self.asked_for or self.why_not or self.alternatives)


@dataclass(frozen=True, slots=True)
class RewriteOutcome:
    """The result to show (its `rewrite_source` says whose rewrite it is), and the extras.

    `suggestions` are the model's own ideas of alternatives to offer: shown to
    the writer to choose from, never put into the reply.
    """

    result: CoachResult
    outcome: str
    suggestions: tuple[str, ...] = ()

    @property
    def from_model(self) -> bool:
        return self.result.rewrite_source == "llm"


def ai_status_text(*, configured: bool, enabled: bool) -> str:
    """What `ai` answers, the same words in Slack and Teams."""
    if not configured:
        return (
            "The AI rewriter is not set up on this server (no OPENAI_API_KEY), so every "
            "suggested reply comes from the rules. Nothing you write is sent to a model."
        )
    if enabled:
        return (
            "The AI rewriter is on here: after the rules answer, drafts (with e-mail "
            "addresses, phone numbers and card or account numbers replaced) go to the model, "
            "and its rewrite is shown only if it passes every check."
        )
    return (
        "The AI rewriter is off here: drafts are never sent to a model, and every suggested "
        "reply comes from the rules."
    )


def ai_switched_text(enabled: bool) -> str:
    return ("The AI rewriter is now on for everyone here." if enabled
            else "The AI rewriter is now off for everyone here: no draft goes to a model.")


AI_ADMINS_ONLY = "Only a workspace admin or owner can turn the AI rewriter on or off."
