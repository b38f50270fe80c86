"""Buttons and selects: promises, coached-draft buttons, App Home settings."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from bot.slack.listeners.actions import draft_buttons, home_settings, promise_buttons


def register(app: AsyncApp) -> None:
    for module in (promise_buttons, draft_buttons, home_settings):
        module.register(app)
