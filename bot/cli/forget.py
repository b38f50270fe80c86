"""`python app.py forget`: erase one person's coaching history, or purge expired data.

`--user U --tenant T` deletes that person's coaching events and any stored
drafts. Incidents and promises stay: they are the team's record of what
customers were told. `--expired` applies TOUGHCLIENT_RETENTION_DAYS (run it
daily, e.g. from cron).
"""

from __future__ import annotations

import argparse
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--user", help="the Slack or Teams user id to forget")
    what.add_argument(
        "--expired",
        action="store_true",
        help="clear drafts and delete closed items older than the retention period",
    )
    parser.add_argument("--tenant", help="the user's Slack workspace / Teams tenant id")
    parser.add_argument(
        "--platform", choices=("slack", "teams", "cli"), help="only on this platform (default: all)"
    )


def run(args: argparse.Namespace) -> int:
    from bot.cli.database import open_service
    from bot.service import StorageUnavailable

    if args.user and not args.tenant:
        print("toughclient forget: --user needs --tenant (the workspace or tenant id)",
              file=sys.stderr)
        return 2
    try:
        with open_service() as (settings, service):
            if args.expired:
                purged = service.purge_expired()
                kept = (
                    f"Retention {settings.retention_days} days"
                    if settings.retention_days > 0
                    else "Retention is off (TOUGHCLIENT_RETENTION_DAYS=0 keeps everything)"
                )
                print(
                    f"{kept}: cleared {purged.drafts_cleared} "
                    f"drafts, deleted {purged.promises_deleted} closed promises, "
                    f"{purged.incidents_deleted} resolved incidents and "
                    f"{purged.deliveries_deleted} old delivery keys."
                )
                return 0
            forgotten = service.forget_user(
                tenant_id=args.tenant, user_id=args.user, platform=args.platform
            )
    except StorageUnavailable as error:
        print(f"toughclient forget: {error}", file=sys.stderr)
        return 1
    print(
        f"Erased {forgotten.coaching_events_deleted} coaching events "
        f"({forgotten.drafts_deleted} with stored drafts) for user {args.user} in {args.tenant}. "
        "Incidents and promises were kept: they are the team's record."
    )
    return 0
