"""The weekly digest's Slack leg: a DM from the bot to each person.

It runs outside any Slack request (from `python app.py digest` or a
scheduler), so it finds the workspace's bot token itself: the configured one
for a single workspace, or the one stored at install time with OAuth.
"""

from __future__ import annotations

import asyncio

from bot.config import Settings
from bot.digest.render import digest_text
from bot.service import DigestData, Service
from bot.slack.app import web_client
from bot.slack.text import escape
from bot.slack.views.common import SlackMessage, mrkdwn_sections, note


def weekly_digest_message(data: DigestData) -> SlackMessage:
    text = digest_text(data)
    blocks = [note("Your weekly digest from toughclient"), *mrkdwn_sections(escape(text))]
    return SlackMessage(text=text, blocks=blocks)


class SlackDigestSender:
    """Posts digests with the right workspace's token, one token lookup per workspace."""

    def __init__(self, settings: Settings, service: Service) -> None:
        self.settings = settings
        self.service = service
        self._tokens: dict[str, str] = {}

    async def token_for(self, tenant_id: str) -> str:
        if tenant_id in self._tokens:
            return self._tokens[tenant_id]
        token = self.settings.slack_bot_token
        if self.settings.slack_oauth_enabled:
            store = self.service.slack_installation_store(self.settings.slack_client_id)
            bot = await asyncio.to_thread(store.find_bot, enterprise_id=None, team_id=tenant_id)
            if bot is None:
                bot = await asyncio.to_thread(
                    store.find_bot,
                    enterprise_id=tenant_id,
                    team_id=None,
                    is_enterprise_install=True,
                )
            token = bot.bot_token if bot and bot.bot_token else ""
        if not token:
            raise LookupError(f"no Slack bot token for workspace {tenant_id}")
        self._tokens[tenant_id] = token
        return token

    async def send(self, data: DigestData) -> None:
        client = web_client(self.settings, await self.token_for(data.actor.tenant_id))
        message = weekly_digest_message(data)
        await client.chat_postMessage(channel=data.actor.user_id, **message.as_kwargs())
