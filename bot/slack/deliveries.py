"""Slack redelivers what it thinks we missed; each delivery key does its work once."""

from __future__ import annotations

from bot.service import Actor
from bot.slack.deps import Deps


async def first_delivery(deps: Deps, actor: Actor, kind: str, key: str | None) -> bool:
    """True the first time Slack hands us this request (event_id, trigger_id, action_ts).

    Without a key there is nothing to dedupe on, so the work goes ahead.
    """
    if not key:
        return True
    return await deps.run(deps.service.claim_delivery, actor, f"slack:{kind}:{key}")
