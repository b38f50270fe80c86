"""`python app.py log CUSTOMER "what happened"`: record a difficult exchange from the terminal."""

from __future__ import annotations

import argparse

from bot.cli.local_user import add_user_argument, fail, local_actor, parse_when

SEVERITIES = ("low", "medium", "high")
KINDS = ("problem_customer", "customer_with_problem", "unsure")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("customer", help="who it was with")
    parser.add_argument("what_happened", help="what happened, in a sentence or two")
    parser.add_argument("--agreed", default="", help="what was agreed")
    parser.add_argument("--due", help="when the agreed thing is due (2026-12-04 or ...T15:00)")
    parser.add_argument("--severity", choices=SEVERITIES, default="medium")
    parser.add_argument("--kind", choices=KINDS, default="unsure")
    add_user_argument(parser)


def run(args: argparse.Namespace) -> int:
    from bot.cli.database import open_service
    from bot.service import ServiceError

    try:
        due = parse_when(args.due, "--due")
    except ValueError as error:
        return fail("log", str(error))
    actor = local_actor(args)
    try:
        with open_service() as (_settings, service):
            incident = service.log_incident(
                actor, customer=args.customer, what_happened=args.what_happened,
                what_agreed=args.agreed, due=due, severity=args.severity, kind=args.kind,
            )
    except ServiceError as error:
        return fail("log", str(error), 1)
    print(f"Logged incident #{incident.id} with {incident.customer} ({incident.severity}).")
    if args.agreed:
        print("What was agreed is tracked as a promise: see `python app.py promises`.")
    return 0
