"""Errors after the ack are reported by us, not handed back to Bolt.

Bolt's runner, when a listener fails after `ack()` but before it has read
the ack, drops the ack and answers 404 three seconds later. Catching the error
inside the listener keeps the ack and still tells the user.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from slack_bolt.context.async_context import AsyncBoltContext

from bot.slack.deps import BODY_KEY
from bot.slack.errors import handle_error

Listener = TypeVar("Listener", bound=Callable[..., Awaitable[Any]])


def reported(listener: Listener) -> Listener:
    """Wrap a listener (which must take `context`) so post-ack errors become a friendly message.

    Bolt reads the wrapped signature through `__wrapped__`, so injection still works.
    """

    @functools.wraps(listener)
    async def wrapper(**kwargs: Any) -> Any:
        try:
            return await listener(**kwargs)
        except Exception as error:
            context: AsyncBoltContext | None = kwargs.get("context")
            ack = kwargs.get("ack")
            if context is None or (ack is not None and ack.response is None):
                raise  # not acknowledged yet: Bolt answers 500 and its error handler reports it
            await handle_error(error, context.get(BODY_KEY) or {}, context, context.client)
            return None

    return wrapper  # type: ignore[return-value]
