"""The person at the terminal, for `log`, `track`, `promises` and `close` with no chat platform.

Their records are on platform "cli" in tenant "local", so `digest --dry-run`,
`export --platform cli` and `forget --user <you> --tenant local --platform cli`
work on them like on anyone's. The name defaults to the login name.
"""

from __future__ import annotations

import argparse
import getpass
from datetime import datetime

from bot.service import Actor

LOCAL_TENANT = "local"


def add_user_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--user", help="whose records (default: your login name); the tenant is 'local'"
    )


def local_actor(args: argparse.Namespace) -> Actor:
    name = (getattr(args, "user", None) or "").strip()
    if not name:
        try:
            name = getpass.getuser()
        except (KeyError, OSError):
            name = "me"
    return Actor("cli", LOCAL_TENANT, name[:64], name[:200])


def parse_when(value: str | None, what: str) -> datetime | None:
    """An ISO 8601 date or time; a date alone is that day at 17:00 in your zone."""
    if not value:
        return None
    text = value.strip()
    try:
        if len(text) == 10:
            return datetime.fromisoformat(text + "T17:00")
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(
            f"{what} {value!r} is not a date; use 2026-12-04 or 2026-12-04T15:00"
        ) from None


def fail(command: str, message: str, status: int = 2) -> int:
    import sys

    print(f"toughclient {command}: {message}", file=sys.stderr)
    return status
