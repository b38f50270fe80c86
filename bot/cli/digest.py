"""`python app.py digest`: the weekly digest of open promises.

Without options it sends every digest that is due (each person's chosen day
and hour, in their time zone) through Slack and Teams, once per person and
week: run it hourly from cron, or on several replicas at once, and the
database's claim keeps it to one message. `--dry-run` prints every digest
instead, and `--everyone` ignores the chosen day and hour.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from bot.digest.senders import digest_senders

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.digest.deliver import DeliveryReport
    from bot.service import Service


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--dry-run", action="store_true", help="print each digest instead of sending it"
    )
    parser.add_argument(
        "--everyone",
        action="store_true",
        help="send to everyone now, not only those whose digest day and hour have come",
    )
    parser.add_argument("--now", help="pretend it is this time (ISO 8601 with offset)")


def parse_now(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise ValueError(
            f"--now {value!r} needs an ISO 8601 time with offset, e.g. 2026-03-02T09:00:00+00:00"
        )
    return moment


def run(args: argparse.Namespace) -> int:
    try:
        now = parse_now(args.now)
    except ValueError as error:
        print(f"toughclient digest: {error}", file=sys.stderr)
        return 2

    from bot.cli.database import open_service
    from bot.service import StorageUnavailable

    try:
        with open_service() as (settings, service):
            if args.dry_run:
                return _print_all(service, now)
            moment = now or datetime.now(UTC)
            report = asyncio.run(_send_due(settings, service, moment, args.everyone))
    except StorageUnavailable as error:
        print(f"toughclient digest: {error}", file=sys.stderr)
        return 1
    print(f"Weekly digest: {report.summary()}.")
    for failure in report.failed:
        print(f"  failed: {failure}", file=sys.stderr)
    if report.no_channel:
        print(
            "  Some people are on a platform with no credentials here "
            "(SLACK_BOT_TOKEN or SLACK_CLIENT_ID/SECRET for Slack).",
            file=sys.stderr,
        )
    return 1 if report.failed else 0


def _print_all(service: Service, now: datetime | None) -> int:
    from bot.coach.labels import counted
    from bot.digest.render import digest_text

    digests = service.digests_for_all(now=now)
    if not digests:
        print("No one has a digest to receive yet (no promises tracked, or digests turned off).")
        return 0
    for data in digests:
        who = data.actor
        print(f"=== {who.platform} {who.tenant_id} {who.user_id} ===")
        print(digest_text(data))
        print()
    print(f"({counted(len(digests), 'digest')}; dry run, nothing sent)")
    return 0


async def _send_due(
    settings: Settings, service: Service, now: datetime, everyone: bool
) -> DeliveryReport:
    from bot.digest.deliver import deliver_digests

    senders = await asyncio.to_thread(digest_senders, settings, service)
    return await deliver_digests(service, senders, now=now, everyone=everyone)
