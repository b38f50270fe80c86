"""The weekly digest preview, wrapping the platform-neutral digest text."""

from __future__ import annotations

from bot.digest.render import digest_text
from bot.service import DigestData
from bot.slack.text import escape
from bot.slack.views.common import SlackMessage, mrkdwn_sections, note


def digest_message(data: DigestData) -> SlackMessage:
    text = digest_text(data)
    blocks = [note("Preview of your weekly digest"), *mrkdwn_sections(escape(text), max_blocks=10)]
    return SlackMessage(text=text, blocks=blocks)
