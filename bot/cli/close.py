"""`python app.py close ID [--as kept|cancelled|broken]`: close one of your promises."""

from __future__ import annotations

import argparse

from bot.cli.local_user import add_user_argument, fail, local_actor

STATUSES = ("kept", "cancelled", "broken")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", type=int, help="the promise's number, as `promises` shows it")
    parser.add_argument("--as", dest="status", choices=STATUSES, default="kept")
    add_user_argument(parser)


def run(args: argparse.Namespace) -> int:
    from bot.cli.database import open_service
    from bot.service import ServiceError

    actor = local_actor(args)
    try:
        with open_service() as (_settings, service):
            closed = service.close_promise(actor, args.id, args.status)
    except ServiceError as error:
        return fail("close", str(error), 1)
    print(f"Promise #{closed.id} marked {closed.status}: {closed.text}")
    return 0
