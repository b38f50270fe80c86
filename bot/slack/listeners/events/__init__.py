"""Events API listeners: DMs, the App Home tab, and uninstalls."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from bot.slack.listeners.events import app_home_opened, direct_message, uninstall


def register(app: AsyncApp) -> None:
    for module in (app_home_opened, direct_message, uninstall):
        module.register(app)
