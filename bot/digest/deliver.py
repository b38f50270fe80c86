"""Sending the weekly digest: who is due, once per person and week.

Platform-neutral on purpose: Slack and Teams each hand in a sender, and the
database's claim on (person, week) is what makes a send happen once even when
several replicas (or a cron job and a replica) run this at the same time.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol
from zoneinfo import ZoneInfo

from bot.digest.week import week_key
from bot.observability.metrics import observe_digests
from bot.service import DigestData, Service, StorageUnavailable

log = logging.getLogger(__name__)


class DigestSender(Protocol):
    """Delivers one person's digest on one platform; raises when it could not."""

    async def send(self, data: DigestData) -> None: ...


@dataclass
class DeliveryReport:
    """What a delivery round did, for the command line and the logs."""

    sent: int = 0
    already_sent: int = 0
    not_due: int = 0
    nothing_open: int = 0
    no_channel: int = 0
    failed: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = [
            f"{self.sent} sent",
            f"{self.already_sent} already sent this week",
            f"{self.not_due} not due yet",
            f"{self.nothing_open} with nothing open",
        ]
        if self.no_channel:
            parts.append(f"{self.no_channel} on a platform that is not configured")
        if self.failed:
            parts.append(f"{len(self.failed)} failed")
        return ", ".join(parts)


def is_due(data: DigestData, now: datetime) -> bool:
    """Due from the person's chosen day and hour until the end of their week.

    Counting the rest of the week (not only the exact hour) means a digest a
    replica missed while it was down still goes out, late rather than never.
    """
    local = now.astimezone(ZoneInfo(data.tz))
    return (local.weekday(), local.hour) >= (data.digest_day, data.digest_hour)


async def deliver_digests(
    service: Service,
    senders: Mapping[str, DigestSender],
    *,
    now: datetime,
    everyone: bool = False,
) -> DeliveryReport:
    """Send each due digest once; `everyone` ignores the chosen day and hour."""
    report = DeliveryReport()
    digests = await asyncio.to_thread(service.digests_for_all, now=now)
    for data in digests:
        if data.open_count == 0:
            report.nothing_open += 1
            continue
        if not everyone and not is_due(data, now):
            report.not_due += 1
            continue
        sender = senders.get(data.actor.platform)
        if sender is None:
            report.no_channel += 1
            continue
        who = f"{data.actor.platform}:{data.actor.tenant_id}:{data.actor.user_id}"
        try:
            outcome = await _deliver_one(service, sender, data, now)
        except StorageUnavailable as error:
            # One person's database hiccup must not stop everyone else's digest;
            # an unfinished claim is retried once it is stale.
            report.failed.append(f"{who}: {error}")
            continue
        if outcome == "already":
            report.already_sent += 1
        elif outcome == "sent":
            report.sent += 1
        else:
            report.failed.append(f"{who}: {outcome}")
    observe_digests(sent=report.sent, failed=len(report.failed))
    return report


async def _deliver_one(
    service: Service, sender: DigestSender, data: DigestData, now: datetime
) -> str:
    """Claim, send, record: "sent", "already", or the error text."""
    week = week_key(now, data.tz)
    if not await asyncio.to_thread(service.claim_digest, data.actor, week, now=now):
        return "already"
    error = await _send(sender, data)
    await asyncio.to_thread(service.finish_digest, data.actor, week, error=error, now=now)
    return error or "sent"


async def _send(sender: DigestSender, data: DigestData) -> str | None:
    """Send, turning any failure into the error text stored with the claim."""
    try:
        await sender.send(data)
    except Exception as error:  # a platform's failure is recorded, then retried next run
        log.warning("digest to %s failed: %s", data.actor, error)
        return f"{type(error).__name__}: {error}"[:500]
    return None
