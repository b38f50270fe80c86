"""`python app.py ai on|off|status --tenant T [--platform slack|teams]`: a workspace's AI switch.

The operator's way to turn the model rewrite off (or back on) for one Slack
workspace or Teams tenant; in Slack an admin can also type `/toughclient ai off`.
"""

from __future__ import annotations

import argparse
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("switch", choices=("on", "off", "status"),
                        help="turn the AI rewriter on or off, or show it")
    parser.add_argument("--tenant", required=True, help="the Slack workspace / Teams tenant id")
    parser.add_argument("--platform", choices=("slack", "teams"), default="slack",
                        help="where that id lives (default: slack)")


def run(args: argparse.Namespace) -> int:
    from bot.cli.database import open_service
    from bot.service import ServiceError

    where = f"{args.platform} {args.tenant}"
    try:
        with open_service() as (settings, service):
            if args.switch == "status":
                enabled = service.tenant_llm_enabled(args.platform, args.tenant)
            else:
                enabled = service.set_tenant_llm(
                    args.platform, args.tenant, args.switch == "on", by="cli"
                )
    except ServiceError as error:
        print(f"toughclient ai: {error}", file=sys.stderr)
        return 1
    state = "on" if enabled else "off"
    key = "" if settings.llm_enabled else " (no OPENAI_API_KEY on this server: rules only anyway)"
    print(f"The AI rewriter is {state} for {where}{key}.")
    return 0
