"""Acks first, work after: background tasks that are never lost, and a gate that holds them back.

Slack waits for the HTTP answer (the ack) of every request; the work behind it
(coaching, the database, the answer to `response_url`) can wait. In a burst of
requests both compete for one event loop and, through the GIL, with the worker
threads: work started after the first ack delays every ack behind it. So:

- `Background` runs post-ack work as tasks it keeps a strong reference to (the
  event loop keeps only weak ones: an unreferenced task can be collected
  mid-flight) and logs every failure that no one else handled.
- `AckGate` counts requests still waiting for their ack. `settled()` returns
  once none has been waiting for `QUIET` seconds, or after `MAX_DEFER` at the
  latest, so a steady stream of requests never starves the work.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any, TypeVar

log = logging.getLogger("toughclient.slack")

T = TypeVar("T")

QUIET = 0.005  # seconds with no request waiting for its ack before work may start
MAX_DEFER = 0.25  # work never waits longer than this for the acks to settle


class AckGate:
    """How many requests are between arriving and being acknowledged, and when that settles."""

    def __init__(self, *, quiet: float = QUIET, max_defer: float = MAX_DEFER) -> None:
        self.quiet = quiet
        self.max_defer = max_defer
        self.pending = 0
        self._settled: asyncio.Event | None = None
        self._timer: asyncio.TimerHandle | None = None

    def _event(self) -> asyncio.Event:
        if self._settled is None:
            self._settled = asyncio.Event()
            self._settled.set()
        return self._settled

    def enter(self) -> None:
        """A request arrived: hold back new work until it is acknowledged."""
        self.pending += 1
        self._event().clear()
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def leave(self) -> None:
        """Its ack went out: once nothing else is waiting for `quiet` seconds, work may go."""
        self.pending = max(0, self.pending - 1)
        if self.pending == 0 and self._timer is None:
            self._timer = asyncio.get_running_loop().call_later(self.quiet, self._open)

    def _open(self) -> None:
        self._timer = None
        if self.pending == 0:
            self._event().set()

    async def settled(self) -> None:
        """Wait until no ack is pending (briefly), or `max_defer` at most; never raises."""
        event = self._event()
        if event.is_set():
            return
        try:
            async with asyncio.timeout(self.max_defer):
                await event.wait()
        except TimeoutError:
            pass


class Background:
    """Post-ack tasks, strongly referenced until done; failures are always logged."""

    def __init__(self) -> None:
        self.tasks: set[asyncio.Task[Any]] = set()

    def spawn(self, work: Coroutine[Any, Any, T], *, name: str) -> asyncio.Task[T]:
        task = asyncio.get_running_loop().create_task(work, name=name)
        self.tasks.add(task)
        task.add_done_callback(self._finished)
        return task

    def _finished(self, task: asyncio.Task[Any]) -> None:
        self.tasks.discard(task)
        if task.cancelled():
            log.warning("background task %s was cancelled before it finished", task.get_name())
            return
        error = task.exception()
        if error is not None:
            log.error("background task %s failed", task.get_name(), exc_info=error)

    async def drain(self, timeout: float) -> None:
        """On shutdown: let running work finish (answers still go out), then cancel the rest."""
        if not self.tasks:
            return
        pending = set(self.tasks)
        _done, late = await asyncio.wait(pending, timeout=timeout)
        for task in late:
            task.cancel()
        if late:
            log.warning("shutdown: %d background task(s) cancelled at %.0f s", len(late), timeout)
            await asyncio.wait(late, timeout=1.0)
