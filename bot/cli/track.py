"""`python app.py track "I'll send the quote by Friday"`: track a promise from the terminal.

With no `--due`, the coach reads the time out of the words ("by Friday",
"EOD", "in 2 days") in your zone, as it does for a draft in chat; a promise
with no time in it is tracked undated, and the digest will nudge for a date.
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from bot.cli.local_user import add_user_argument, fail, local_actor, parse_when


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("text", help="what you promised, in your own words")
    parser.add_argument("--customer", help="who you promised it to")
    parser.add_argument("--due", help="when (2026-12-04 or 2026-12-04T15:00, in your zone)")
    parser.add_argument("--link", help="where it was made (a URL), shown in the digest")
    add_user_argument(parser)


def due_from_words(text: str, tz: str) -> datetime | None:
    """The first dated promise the coach finds in `text`, in zone `tz`, or None."""
    from bot.coach import DraftError, coach_draft

    try:
        result = coach_draft(text, now=datetime.now(UTC).astimezone(ZoneInfo(tz)), tz=tz)
    except (DraftError, ValueError):
        return None
    for promise in result.promises:
        if promise.due is not None:
            return promise.due
    return None


def run(args: argparse.Namespace) -> int:
    from bot.cli.database import open_service
    from bot.service import ServiceError

    try:
        due = parse_when(args.due, "--due")
    except ValueError as error:
        return fail("track", str(error))
    actor = local_actor(args)
    try:
        with open_service() as (_settings, service):
            tz = service.get_settings(actor).tz
            if due is None and not args.due:
                due = due_from_words(args.text, tz)
            promise = service.track_promise(
                actor, text=args.text, due=due, customer=args.customer, source_link=args.link,
            )
    except ServiceError as error:
        return fail("track", str(error), 1)
    from bot.digest.layout import when

    said = f"due {when(promise.due, tz)}, {tz}" if promise.due else "no date yet"
    print(f"Tracking promise #{promise.id}: {promise.text} ({said}).")
    return 0
