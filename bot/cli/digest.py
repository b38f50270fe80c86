"""`python app.py digest`: the weekly digest of open promises.

`--dry-run` prints every opted-in person's digest from the database, so a
team can see what would go out. Sending needs the running server's Slack and
Teams credentials and clients, so it happens there, not here.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--dry-run", action="store_true", help="print each digest instead of sending it"
    )
    parser.add_argument("--now", help="pretend it is this time (ISO 8601 with offset)")


def run(args: argparse.Namespace) -> int:
    if not args.dry_run:
        print(
            "toughclient digest: sending needs the running server's Slack/Teams credentials; "
            "use --dry-run to preview every digest here.",
            file=sys.stderr,
        )
        return 1
    now = None
    if args.now:
        try:
            now = datetime.fromisoformat(args.now.strip().replace("Z", "+00:00"))
        except ValueError:
            now = None
        if now is None or now.tzinfo is None:
            print(f"toughclient digest: --now {args.now!r} needs an ISO 8601 time with offset, "
                  "e.g. 2026-03-02T09:00:00+00:00", file=sys.stderr)
            return 2

    from bot.config import load_settings
    from bot.digest.render import digest_text
    from bot.service import StorageUnavailable, build_service

    service = build_service(load_settings())
    try:
        service.migrate()
        digests = service.digests_for_all(now=now)
    except StorageUnavailable as error:
        print(f"toughclient digest: {error}", file=sys.stderr)
        return 1
    finally:
        service.close()
    if not digests:
        print("No one has a digest to receive yet (no promises tracked, or digests turned off).")
        return 0
    for data in digests:
        who = data.actor
        print(f"=== {who.platform} {who.tenant_id} {who.user_id} ===")
        print(digest_text(data))
        print()
    print(f"({len(digests)} digests; dry run, nothing sent)")
    return 0
