"""Slack redelivers what it thinks we missed; each delivery key does its work once.

Once means done: when the work behind a claimed key fails (the answer could
not be delivered, the database went away), the claim is released, so Slack's
next retry of the same request does the work instead of being dropped as a
duplicate. Records made on the way are keyed too, so redoing never doubles them.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

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


@asynccontextmanager
async def handled_once(deps: Deps, actor: Actor, kind: str, key: str | None) -> AsyncIterator[bool]:
    """`async with handled_once(...) as first:` do the work when `first`; if the work
    raises, the claim is released (then the error goes on to the error handler)."""
    first = await first_delivery(deps, actor, kind, key)
    try:
        yield first
    except BaseException:
        if first and key:
            await _release(deps, actor, f"slack:{kind}:{key}")
        raise


async def _release(deps: Deps, actor: Actor, key: str) -> None:
    try:
        await deps.run(deps.service.release_delivery, actor, key)
    except Exception as error:  # the retry is then dropped as before; say so
        log.warning("could not release delivery %s for a retry: %r", key, error)
    else:
        log.info("delivery %s released: Slack's next retry will redo it", key)
