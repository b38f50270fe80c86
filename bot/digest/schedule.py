"""The weekly digest inside `python app.py serve`: a round every ten minutes or so.

A container has no cron, so the server runs the digest itself. Every
`INTERVAL` seconds (with jitter, so replicas started together drift apart) it
calls `deliver_digests` exactly as `python app.py digest` does. Running on
every replica is safe: each send first claims (person, week) in the database,
and only one claim wins. A round that fails is logged and the next one comes
as usual; the database work runs in threads, off the event loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
from collections.abc import Callable, Mapping
from datetime import UTC, datetime

from bot.digest.deliver import DeliveryReport, DigestSender, deliver_digests
from bot.service import Service

log = logging.getLogger("toughclient.digest")

INTERVAL = 600.0  # seconds between rounds
JITTER = 0.2  # each wait is INTERVAL ± 20 %

SendersFactory = Callable[[], Mapping[str, DigestSender]]
Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


class DigestSchedule:
    """Runs delivery rounds in a task of its own until stopped.

    `senders` is called (in a thread) at the start of every round, so people
    who first talked to the bot since the last round are reachable in this one.
    """

    def __init__(
        self,
        service: Service,
        senders: SendersFactory,
        *,
        interval: float = INTERVAL,
        jitter: float = JITTER,
        clock: Clock = utc_now,
    ) -> None:
        self.service = service
        self.senders = senders
        self.interval = interval
        self.jitter = jitter
        self.clock = clock
        self.rounds = 0  # finished rounds, failed ones included
        self.failures = 0
        self.last_report: DeliveryReport | None = None
        self._task: asyncio.Task[None] | None = None

    def next_wait(self) -> float:
        return self.interval * (1 + random.uniform(-self.jitter, self.jitter))

    async def round(self) -> DeliveryReport:
        """One delivery round: every digest that is due now, once per person and week."""
        senders = await asyncio.to_thread(self.senders)
        return await deliver_digests(self.service, senders, now=self.clock())

    async def run(self) -> None:
        # The first round comes at a random point of the first interval: replicas started
        # together by a deploy do not all read every digest at the same moment.
        await asyncio.sleep(random.uniform(0, self.interval))
        while True:
            try:
                report = await self.round()
            except Exception:  # one bad round (database down, a sender broken) is not the last
                self.failures += 1
                log.exception(
                    "weekly digest round failed; the next one is in about %.0f s", self.interval
                )
            else:
                self.last_report = report
                if report.sent or report.failed:
                    log.info("weekly digest: %s", report.summary())
                for failure in report.failed:
                    log.warning("weekly digest failed for %s", failure)
            self.rounds += 1
            await asyncio.sleep(self.next_wait())

    def start(self) -> asyncio.Task[None]:
        if self._task is None or self._task.done():
            self._task = asyncio.get_running_loop().create_task(
                self.run(), name="toughclient:digest-schedule"
            )
        return self._task

    async def stop(self) -> None:
        """Cancel the loop and wait for it; a send cut short is claimed but unfinished,
        and an unfinished claim is retried once it is stale."""
        task, self._task = self._task, None
        if task is None:
            return
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
