"""`/toughclient` and its subcommands."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from bot.slack.listeners.commands import toughclient


def register(app: AsyncApp) -> None:
    toughclient.register(app)
