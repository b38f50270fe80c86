"""Modal submissions: a coached reply, a logged incident, a softened no."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp

from bot.slack.listeners.views import coach_reply, log_incident, soften_no


def register(app: AsyncApp) -> None:
    for module in (coach_reply, log_incident, soften_no):
        module.register(app)
