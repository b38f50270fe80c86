"""Ack first, then work in a background task whose errors are reported by us.

The Bolt app runs with `process_before_response=True`: Bolt awaits the
listener and answers Slack when it returns. `reported` makes every listener
return as soon as it has called `ack()` (events are acked by Bolt itself, as
soon as we return) and carries on with the work in a task that
`bot.slack.pacing.Background` keeps alive. No polling for the ack (Bolt's
default runner checks every 10 ms) and no task the event loop may drop.

An error before the ack goes back to Bolt, which answers 500 and calls the
error handler; an error after it becomes a friendly message to the user and a
log line here, since Slack already has its answer.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.response import BoltResponse

from bot.slack.deps import BODY_KEY, DEPS_KEY, Deps
from bot.slack.errors import handle_error

Listener = TypeVar("Listener", bound=Callable[..., Awaitable[Any]])


class AckSignal:
    """Bolt's `ack`, which also tells the waiting request that the ack is ready.

    With `repeat` the ack has already been sent: calling it again is a no-op.
    """

    def __init__(self, ack: AsyncAck, *, repeat: bool = False) -> None:
        self.ack = ack
        self.repeat = repeat
        self.called: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    @property
    def response(self) -> BoltResponse | None:
        return self.ack.response

    async def __call__(self, *args: Any, **kwargs: Any) -> BoltResponse:
        try:
            if self.repeat and self.ack.response is not None:
                return self.ack.response
            return await self.ack(*args, **kwargs)
        finally:
            if not self.called.done():
                self.called.set_result(None)


def reported(listener: Listener, *, ack_first: bool = False) -> Listener:
    """Wrap a listener (which must take `context`): ack at once, work in the background.

    `ack_first` is for listeners whose answer never depends on the work (a
    slash command): the plain ack goes out before the listener even starts, in
    the same step of the event loop, instead of after its task gets its turn,
    which in a burst comes only after every other request has been read. The
    listener's own `ack()` call then changes nothing.

    Bolt reads the wrapped signature through `__wrapped__`, so injection still works.
    """

    @functools.wraps(listener)
    async def wrapper(**kwargs: Any) -> Any:
        context: AsyncBoltContext | None = kwargs.get("context")
        deps: Deps | None = context.get(DEPS_KEY) if context is not None else None
        if context is None or deps is None:
            return await inline(listener, kwargs)
        ack: AsyncAck | None = kwargs.get("ack")
        if ack_first and ack is not None:
            await ack()
            kwargs["ack"] = AckSignal(ack, repeat=True)
            deps.background.spawn(after_ack(listener, kwargs, context), name=task_name(listener))
            return None
        signal = AckSignal(ack) if ack is not None else None
        if signal is not None:
            kwargs["ack"] = signal
        before_ack: asyncio.Future[Exception] = asyncio.get_running_loop().create_future()

        async def work() -> None:
            try:
                await listener(**kwargs)
            except Exception as error:
                if signal is not None and signal.response is None:
                    before_ack.set_result(error)  # the request is still waiting: Bolt reports it
                    return
                await handle_error(error, context.get(BODY_KEY) or {}, context, context.client)

        task = deps.background.spawn(work(), name=task_name(listener))
        if signal is None:
            return None  # Bolt acknowledges the event as soon as we return; the work follows
        await asyncio.wait({task, signal.called}, return_when=asyncio.FIRST_COMPLETED)
        if before_ack.done():
            raise before_ack.result()
        return None

    return wrapper  # type: ignore[return-value]


def task_name(listener: Callable[..., Awaitable[Any]]) -> str:
    return f"slack:{getattr(listener, '__name__', 'listener')}"


async def after_ack(
    listener: Callable[..., Awaitable[Any]], kwargs: dict[str, Any], context: AsyncBoltContext
) -> None:
    """The work behind an ack already sent: every error is reported to the user and logged."""
    try:
        await listener(**kwargs)
    except Exception as error:
        await handle_error(error, context.get(BODY_KEY) or {}, context, context.client)


async def inline(listener: Callable[..., Awaitable[Any]], kwargs: dict[str, Any]) -> Any:
    """Without our middleware (no deps in the context): run in place, report post-ack errors."""
    try:
        return await listener(**kwargs)
    except Exception as error:
        context: AsyncBoltContext | None = kwargs.get("context")
        ack = kwargs.get("ack")
        if context is None or (ack is not None and ack.response is None):
            raise
        await handle_error(error, context.get(BODY_KEY) or {}, context, context.client)
        return None
