"""Sending the weekly digest: who is due, once per person and week.

Platform-neutral on purpose: Slack and Teams each hand in a sender, and the
database's claim on (person, week) is what makes a send happen once even when
several replicas (or a cron job and a replica) run this at the same time.

People are claimed in batches (one transaction for 64) while `CONCURRENCY`
workers send what is claimed, each outcome recorded as soon as it is known.
Slack answers a burst with 429 and Retry-After, which the Web API client
honours by waiting (bot.slack.app); one person's wait must not hold up
everyone else's digest. A claim taken over
from a sender that died mid-send ("again") is looked up first where the
platform lets us (Slack keeps the week in the message's metadata), so a
crash between Slack's answer and our record never becomes a second message.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol
from zoneinfo import ZoneInfo

from bot.digest.layout import should_send
from bot.digest.outcomes import Delivered, Unreachable
from bot.digest.week import week_key
from bot.observability.metrics import observe_digests
from bot.service import DigestData, Service, StorageUnavailable

log = logging.getLogger(__name__)

CONCURRENCY = 16
CLAIM_BATCH_PER_SENDER = 4  # people claimed in one transaction: 4 x CONCURRENCY
ERROR_CHARS = 500


class DigestSender(Protocol):
    """Delivers one person's digest on one platform."""

    async def send(self, data: DigestData, week: str) -> Delivered:
        """Post it; raise Unreachable for someone who cannot be reached, anything else to retry."""
        ...

    async def find_sent(self, data: DigestData, week: str) -> Delivered | None:
        """The digest of `week` if it already reached this person, where the platform can tell."""
        ...


@dataclass
class DeliveryReport:
    """What a delivery round did, for the command line and the logs."""

    sent: int = 0
    already_sent: int = 0
    not_due: int = 0
    nothing_open: int = 0
    no_channel: int = 0
    local: int = 0
    found_sent: int = 0
    skipped: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = [
            f"{self.sent} sent",
            f"{self.already_sent} already sent this week",
            f"{self.not_due} not due yet",
            f"{self.nothing_open} with nothing open",
        ]
        if self.found_sent:
            parts.append(f"{self.found_sent} found already delivered after an interrupted round")
        if self.local:
            parts.append(f"{self.local} command-line users (see `digest --dry-run`)")
        if self.no_channel:
            parts.append(f"{self.no_channel} on a platform that is not configured")
        if self.skipped:
            parts.append(f"{len(self.skipped)} skipped (cannot be reached)")
        if self.failed:
            parts.append(f"{len(self.failed)} failed")
        return ", ".join(parts)


def is_due(data: DigestData, now: datetime) -> bool:
    """Due from the person's chosen day and hour until the end of their week.

    Counting the rest of the week (not only the exact hour) means a digest a
    replica missed while it was down still goes out, late rather than never;
    and an hour that a daylight-saving change skips (02:00 on the spring
    Sunday) is simply passed, so that week's digest comes at 03:00.
    """
    local = now.astimezone(ZoneInfo(data.tz))
    return (local.weekday(), local.hour) >= (data.digest_day, data.digest_hour)


async def deliver_digests(
    service: Service,
    senders: Mapping[str, DigestSender],
    *,
    now: datetime,
    everyone: bool = False,
    concurrency: int = CONCURRENCY,
) -> DeliveryReport:
    """Send each due digest once; `everyone` ignores the chosen day and hour."""
    report = DeliveryReport()
    digests = await asyncio.to_thread(service.digests_for_all, now=now)
    due: list[tuple[DigestSender, DigestData]] = []
    for data in digests:
        if not should_send(data):
            report.nothing_open += 1
            continue
        if not everyone and not is_due(data, now):
            report.not_due += 1
            continue
        if data.actor.platform == "cli":
            report.local += 1  # no chat to send to: `python app.py digest --dry-run` shows theirs
            continue
        sender = senders.get(data.actor.platform)
        if sender is None:
            report.no_channel += 1
            continue
        due.append((sender, data))
    workers = max(1, concurrency)
    batch = workers * CLAIM_BATCH_PER_SENDER
    # Claimed, waiting for a free sender. Bounded, so claims run at most a batch or two
    # ahead of the sends (a crash leaves few claims to go stale), and a slow send (a 429
    # waited out) holds up only its own worker, never the next batch.
    claimed: asyncio.Queue[tuple[DigestSender, DigestData, str, str] | None] = asyncio.Queue(
        maxsize=batch
    )

    async def claim_all() -> None:
        try:
            for start in range(0, len(due), batch):
                chunk = due[start : start + batch]
                weeks = [week_key(now, data.tz) for _, data in chunk]
                wanted = [(data.actor, week) for (_, data), week in zip(chunk, weeks, strict=True)]
                try:
                    claims = await asyncio.to_thread(service.claim_digests, wanted, now=now)
                except StorageUnavailable as error:
                    # This batch waits for the next round; the rest of this round goes on.
                    report.failed += [f"{_who(data)}: {error}" for _, data in chunk]
                    continue
                for (sender, data), week, claim in zip(chunk, weeks, claims, strict=True):
                    if claim is None:
                        report.already_sent += 1
                    else:
                        await claimed.put((sender, data, week, claim))
        finally:
            for _ in range(workers):
                await claimed.put(None)

    async def send_claimed() -> None:
        while (item := await claimed.get()) is not None:
            sender, data, week, claim = item
            try:
                await _deliver_one(service, sender, data, week, claim, now, report)
            except Exception as error:  # a worker outlives any one person's surprise
                log.exception("digest to %s failed unexpectedly", _who(data))
                report.failed.append(f"{_who(data)}: {type(error).__name__}: {error}")

    try:
        await asyncio.gather(claim_all(), *(send_claimed() for _ in range(workers)))
    finally:
        for sender in senders.values():
            close = getattr(sender, "aclose", None)
            if close is not None:  # a sender's connections last one round
                await close()
    observe_digests(sent=report.sent, failed=len(report.failed), skipped=len(report.skipped))
    return report


def _who(data: DigestData) -> str:
    return f"{data.actor.platform}:{data.actor.tenant_id}:{data.actor.user_id}"


async def _deliver_one(
    service: Service,
    sender: DigestSender,
    data: DigestData,
    week: str,
    claim: str,
    now: datetime,
    report: DeliveryReport,
) -> None:
    """(Look,) send, record a claimed digest; one person's failure is theirs alone."""
    try:
        if claim == "again":
            found = await _find_sent(sender, data, week)
            if found is not None:
                await _finish(service, data, week, now, delivered=found)
                report.found_sent += 1
                return
        try:
            delivered = await sender.send(data, week)
        except Unreachable as why:
            await _finish(service, data, week, now, error=str(why)[:ERROR_CHARS], skipped=True)
            report.skipped.append(f"{_who(data)}: {why}")
            return
        except Exception as error:  # a platform's failure is recorded, then retried next run
            text = f"{type(error).__name__}: {error}"[:ERROR_CHARS]
            log.warning("digest to %s failed: %s", _who(data), text)
            await _finish(service, data, week, now, error=text)
            report.failed.append(f"{_who(data)}: {text}")
            return
        await _finish(service, data, week, now, delivered=delivered)
        report.sent += 1
    except StorageUnavailable as error:
        # One person's database hiccup must not stop everyone else's digest;
        # an unfinished claim is retried once it is stale.
        report.failed.append(f"{_who(data)}: {error}")


async def _find_sent(sender: DigestSender, data: DigestData, week: str) -> Delivered | None:
    try:
        return await sender.find_sent(data, week)
    except Exception as error:  # cannot look: sending again is the lesser harm than never
        log.warning("could not look for %s's digest of %s: %r", _who(data), week, error)
        return None


async def _finish(
    service: Service,
    data: DigestData,
    week: str,
    now: datetime,
    *,
    delivered: Delivered | None = None,
    error: str | None = None,
    skipped: bool = False,
) -> None:
    await asyncio.to_thread(
        service.finish_digest,
        data.actor,
        week,
        error=error,
        skipped=skipped,
        channel_id=delivered.channel_id if delivered else None,
        message_id=delivered.message_id if delivered else None,
        now=now,
    )
