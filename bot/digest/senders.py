"""The digest senders for every platform that has what it needs to reach people.

Shared by `python app.py digest` and the server's scheduler (bot.digest.schedule).
Synchronous: the Teams leg reads every stored conversation reference, so async
callers run it in a thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.digest.deliver import DigestSender
    from bot.service import Service


def digest_senders(settings: Settings, service: Service) -> dict[str, DigestSender]:
    """A sender per platform that has what it needs to reach people."""
    senders: dict[str, DigestSender] = {}
    if settings.slack_bot_token or settings.slack_oauth_enabled:
        from bot.slack.digest_sender import SlackDigestSender

        senders["slack"] = SlackDigestSender(settings, service)
    from bot.teams.digest_sender import TeamsDigestSender

    senders["teams"] = TeamsDigestSender.from_service(settings, service)
    return senders
