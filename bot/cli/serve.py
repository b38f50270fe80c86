"""`python app.py serve`: the bot server, Slack and Teams on one port."""

from __future__ import annotations

import argparse
import logging

from bot.config import SettingsError, load_settings, parse_port

# aiohttp's default access line also formats the time, the referrer and the user agent
# for every request; this one keeps what an operator reads: who, what, status, seconds.
ACCESS_LOG_FORMAT = '%a "%r" %s %Tf'


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="0.0.0.0", help="address to listen on (default: all)")
    parser.add_argument("--port", type=port_argument,
                        help="port to listen on (default: PORT or 3000)")


def port_argument(text: str) -> int:
    try:
        return parse_port(text, name="--port")
    except SettingsError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def run(args: argparse.Namespace) -> int:
    from aiohttp import web

    from bot.server import create_app

    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    # Bolt logs a rejected signature with the whole request body, which can hold a
    # customer draft; the 401 still shows in the access log.
    logging.getLogger("slack_bolt.RequestVerification").setLevel(logging.WARNING)
    settings = load_settings()
    port = args.port or settings.port
    log = logging.getLogger("toughclient.server")
    try:
        app = create_app(settings)
        access = logging.getLogger("aiohttp.access")
        web.run_app(
            app,
            host=args.host,
            port=port,
            # aiohttp calls this once the port is bound and the startup work is done.
            print=lambda _banner: log.info("listening on %s:%s", args.host, port),
            # No access logger at all when its lines would be dropped anyway.
            access_log=access if access.isEnabledFor(logging.INFO) else None,
            access_log_format=ACCESS_LOG_FORMAT,
        )
    except OSError as error:
        print(f"toughclient: cannot listen on port {port}: {error.strerror or error}")
        return 1
    return 0
