"""`python app.py promises`: your open promises, overdue first, with the ids `close` takes."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime

from bot.cli.local_user import add_user_argument, fail, local_actor


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_user_argument(parser)


def run(args: argparse.Namespace) -> int:
    from bot.cli.database import open_service
    from bot.digest.layout import due_words
    from bot.service import ServiceError

    actor = local_actor(args)
    now = datetime.now(UTC)
    try:
        with open_service() as (_settings, service):
            tz = service.get_settings(actor).tz
            found = service.open_promises(actor, now=now)
    except ServiceError as error:
        return fail("promises", str(error), 1)
    if not found:
        print(f"No open promises for {actor.user_id}. `python app.py track \"...\"` adds one.")
        return 0
    overdue = sum(1 for p in found if p.overdue(now))
    print(f"{len(found)} open, {overdue} overdue ({actor.user_id}, {tz}):")
    for promise in found:
        who = f"{promise.customer}: " if promise.customer else ""
        print(f"  #{promise.id}  {who}{promise.text} - {due_words(promise, tz, now)}")
    print("Close one with `python app.py close ID` (--as kept, cancelled or broken).")
    return 0
