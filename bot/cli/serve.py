"""`python app.py serve`: the bot server, Slack and Teams on one port."""

from __future__ import annotations

import argparse
import logging

from bot.config import load_settings


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="0.0.0.0", help="address to listen on (default: all)")
    parser.add_argument("--port", type=int, help="port to listen on (default: PORT or 3000)")


def run(args: argparse.Namespace) -> int:
    from aiohttp import web

    from bot.server import create_app

    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    settings = load_settings()
    port = args.port or settings.port
    try:
        app = create_app(settings)
        logging.getLogger("toughclient.server").info("listening on %s:%s", args.host, port)
        web.run_app(app, host=args.host, port=port, print=None)
    except OSError as error:
        print(f"toughclient: cannot listen on port {port}: {error.strerror or error}")
        return 1
    return 0
