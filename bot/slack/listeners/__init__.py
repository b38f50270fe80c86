"""Listeners grouped by Slack surface; each module registers its own with `register(app)`."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from bot.slack.listeners import actions, commands, events, shortcuts, views


def register_listeners(app: AsyncApp) -> None:
    for surface in (commands, events, actions, shortcuts, views):
        surface.register(app)
