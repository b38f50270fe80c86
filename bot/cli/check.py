"""`python app.py check`: is this deployment set up right? Each line says what holds and the fix.

It reads the same settings the server reads and runs the same database
checks as `/readyz`, without starting anything: the settings parse; Slack and
Teams are on or off as meant, with the tokens they need and of the right
kind; the database answers at the newest schema; the OpenAI-compatible
endpoint answers when a key is set. Exit status 0 when all hold, 1 otherwise.
No secret is ever printed.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from bot.observability.health import Check

if TYPE_CHECKING:
    from bot.config import Settings

OPENAI_CHECK_TIMEOUT = 5.0
# Slack token kinds: pasting one in the other's place is the usual mistake.
TOKEN_PREFIXES = {"SLACK_BOT_TOKEN": "xoxb-", "SLACK_APP_TOKEN": "xapp-"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--no-network", action="store_true",
        help="skip the OpenAI endpoint check (the database is still checked)",
    )


def slack_checks(settings: Settings) -> list[Check]:
    from bot.slack.app import OFF_REASON, choose_mode

    mode, status = choose_mode(settings)
    checks = [Check("slack", mode != "off" or status == OFF_REASON, status)]
    values = {"SLACK_BOT_TOKEN": settings.slack_bot_token,
              "SLACK_APP_TOKEN": settings.slack_app_token}
    for name, prefix in TOKEN_PREFIXES.items():
        value = values[name].strip()
        if value and not value.startswith(prefix):
            checks.append(Check(
                name.lower(), False,
                f"{name} should start with {prefix!r}: copy it again from the Slack app's "
                + ("OAuth & Permissions page" if prefix == "xoxb-" else "Basic Information page "
                   "(App-Level Tokens, scope connections:write)"),
            ))
    return checks


def teams_checks(settings: Settings) -> list[Check]:
    from bot.teams.auth import TeamsConfigError, bot_framework_config, status_line

    try:
        bot_framework_config(settings)
    except TeamsConfigError as error:
        return [Check("teams", False, f"Teams will not start: {error}")]
    return [Check("teams", True, status_line(settings))]


def openai_checks(settings: Settings) -> list[Check]:
    """The endpoint answers and accepts the key (a server without /models still counts)."""
    if not settings.llm_enabled:
        return [Check("openai", True, "off: no OPENAI_API_KEY, rewrites come from the rules")]
    import openai

    where = settings.openai_base_url or "the OpenAI API"
    client = openai.OpenAI(
        api_key=settings.openai_api_key, base_url=settings.openai_base_url or None,
        timeout=OPENAI_CHECK_TIMEOUT, max_retries=0,
    )
    try:
        client.models.list()
    except openai.AuthenticationError:
        return [Check("openai", False, f"{where} refused OPENAI_API_KEY: set a valid key")]
    except (openai.NotFoundError, openai.PermissionDeniedError):
        pass  # the server is there; it just does not list models
    except openai.APIConnectionError as error:
        return [Check(
            "openai", False,
            f"{where} is unreachable ({error.__cause__ or error}): check OPENAI_BASE_URL "
            "and that the server runs",
        )]
    except openai.APIStatusError as error:
        return [Check("openai", False, f"{where} answered HTTP {error.status_code}")]
    finally:
        client.close()
    return [Check("openai", True, f"{settings.openai_model} at {where}: reachable")]


def database_checks(settings: Settings) -> list[Check]:
    from sqlalchemy.engine import make_url

    from bot.observability.health import database_checks as checks_of
    from bot.service import build_service

    where = make_url(settings.sqlalchemy_url).render_as_string(hide_password=True)
    service = build_service(settings)
    try:
        checks = checks_of(service)
    finally:
        service.close()
    first = checks[0]
    fix = "" if first.ok else ": check DATABASE_URL and that the server runs"
    rest = [
        Check(c.name, c.ok, f"{c.detail}, or start `python app.py serve`, which migrates "
                            "at start (TOUGHCLIENT_MIGRATE_ON_START is on)")
        if c.name == "migrations" and not c.ok and settings.migrate_on_start else c
        for c in checks[1:]
    ]
    return [Check(first.name, first.ok, f"{where}: {first.detail}{fix}"), *rest]


def run(args: argparse.Namespace) -> int:
    from bot.config import load_settings

    try:
        settings = load_settings()
    except ValueError as error:  # a setting the app cannot run with names itself
        print(f"FAIL settings: {error}")
        return 1
    steps: list[Callable[[Settings], list[Check]]] = [
        slack_checks, teams_checks, database_checks,
    ]
    if not args.no_network:
        steps.append(openai_checks)
    checks = [Check("settings", True, "read from the environment and .env")]
    for step in steps:
        checks += step(settings)
    for check in checks:
        print(f"{'ok  ' if check.ok else 'FAIL'} {check.name}: {check.detail}")
    failed = [check.name for check in checks if not check.ok]
    if failed:
        print(f"\n{len(failed)} to fix: {', '.join(failed)}", file=sys.stderr)
        return 1
    print("\nAll set.")
    return 0
