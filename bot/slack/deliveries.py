"""Slack redelivers what it thinks we missed; each delivery key does its work once."""

from __future__ import annotations

import logging

from bot.service import Actor, StorageUnavailable
from bot.slack.deps import Deps

log = logging.getLogger("toughclient.slack")


async def first_delivery(deps: Deps, actor: Actor, kind: str, key: str | None) -> bool:
    """True the first time Slack hands us this request (event_id, trigger_id, action_ts).

    Without a key there is nothing to dedupe on, so the work goes ahead; so it does
    when the database cannot record the key: the work itself then says what it could
    not save ("your incident was not saved"), or answers without the database (coaching).
    """
    if not key:
        return True
    try:
        return await deps.run(deps.service.claim_delivery, actor, f"slack:{kind}:{key}")
    except StorageUnavailable as error:
        log.warning("could not record delivery %s:%s, handling it anyway: %s", kind, key, error)
        return True
