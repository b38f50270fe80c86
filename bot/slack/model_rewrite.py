"""The model's rewrite, after the rules answer is already on screen.

Every coaching surface answers with the rules first (at once, after the ack)
and then calls `follow_up`, which asks the service for the model's rewrite
and, only when the model's passed the guardrails, swaps it into the same
message or modal. When it did not, nothing changes: the user keeps the rules
answer they already have. A failed update is logged, never shown as an error.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from aiohttp import ClientError
from slack_sdk.errors import SlackApiError

from bot.service import Actor, CoachOutcome, RewriteAsk, RewriteOutcome
from bot.slack.deps import Deps

log = logging.getLogger("toughclient.slack")

Update = Callable[[RewriteOutcome], Awaitable[object]]


async def follow_up(
    deps: Deps, actor: Actor, outcome: CoachOutcome, update: Update, ask: RewriteAsk | None = None
) -> RewriteOutcome | None:
    """Swap in the model's rewrite with `update` when there is one; returns what the model did."""
    if not deps.service.llm_configured or (outcome.result.rewrite is None and not (
        ask and ask.softening
    )):
        return None
    rewritten = await deps.service.rewrite(actor, outcome, ask)
    if not rewritten.from_model:
        return rewritten
    try:
        await update(rewritten)
    except (SlackApiError, ClientError, OSError) as error:
        log.warning("the model's rewrite could not replace the rules answer: %r", error)
    return rewritten
