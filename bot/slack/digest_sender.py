"""The weekly digest's Slack leg: a DM from the bot to each person.

It runs outside any Slack request (from `python app.py digest` or a
scheduler), so it finds the workspace's bot token itself: the configured one
for a single workspace, or the one stored at install time with OAuth.

Each digest carries its week in Slack message metadata. A round that takes
over a claim whose sender died mid-send reads the DM's recent history first
and finds the message if Slack had already posted it. Errors that mean a
person (or a whole workspace) cannot be reached become `Unreachable`, with a
reason in words; a workspace whose token is gone is not asked again for its
other people in the same round.
"""

from __future__ import annotations

import asyncio
from typing import Any

from aiohttp import ClientSession
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.config import Settings
from bot.digest.outcomes import Delivered, Unreachable
from bot.service import DigestData, Service
from bot.slack.app import web_client
from bot.slack.views.digest import digest_message

METADATA_TYPE = "toughclient_weekly_digest"
HISTORY_LOOKBACK = 30  # messages of the DM read when looking for an earlier send
# A digest can wait: more 429 retries than a person's click gets before giving up this round.
DIGEST_RATE_LIMIT_RETRIES = 8

# Slack's error codes for "this workspace cannot be reached at all".
WORKSPACE_GONE: dict[str, str] = {
    "token_revoked": "the workspace's token was revoked",
    "invalid_auth": "the workspace's token is no longer valid (app removed?)",
    "not_authed": "no token for this workspace",
    "account_inactive": "the app's account in this workspace is deactivated",
    "team_not_found": "the workspace no longer exists",
    "app_uninstalled": "the app was removed from the workspace",
}
# ...and for "this person cannot be reached".
PERSON_GONE: dict[str, str] = {
    "user_not_found": "no such user in the workspace any more",
    "user_disabled": "the account is deactivated",
    "channel_not_found": "no DM with this person (the app was removed, or they left)",
    "cannot_dm_bot": "this is a bot, not a person",
    "messages_tab_disabled": "the app's messages tab is turned off",
    "is_archived": "the DM is archived",
}


def unreachable_reason(error: str) -> tuple[str, bool] | None:
    """(reason, whole workspace?) for an error that no retry will fix, else None."""
    if error in WORKSPACE_GONE:
        return WORKSPACE_GONE[error], True
    if error in PERSON_GONE:
        return PERSON_GONE[error], False
    return None


class SlackDigestSender:
    """Posts digests with the right workspace's token, one token lookup per workspace."""

    def __init__(self, settings: Settings, service: Service) -> None:
        self.settings = settings
        self.service = service
        self._tokens: dict[str, str] = {}
        self._gone: dict[str, str] = {}  # workspace -> why it cannot be reached this round
        self._session: ClientSession | None = None

    def _client(self, token: str) -> AsyncWebClient:
        """One connection pool for the whole round, opened on the round's event loop."""
        if self._session is None or self._session.closed:
            self._session = ClientSession()
        return web_client(
            self.settings, token, session=self._session,
            rate_limit_retries=DIGEST_RATE_LIMIT_RETRIES,
        )

    async def aclose(self) -> None:
        """The round is over: close its connections."""
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def token_for(self, tenant_id: str) -> str:
        if tenant_id in self._gone:
            raise Unreachable(self._gone[tenant_id])
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
            self._gone[tenant_id] = "the app is not installed in this workspace"
            raise Unreachable(self._gone[tenant_id])
        self._tokens[tenant_id] = token
        return token

    def _unreachable(self, tenant_id: str, error: SlackApiError) -> Exception:
        code = str(error.response.get("error") or "")
        known = unreachable_reason(code)
        if known is None:
            return error
        reason, workspace_wide = known
        if workspace_wide:
            self._gone[tenant_id] = f"{reason} ({code})"
        return Unreachable(f"{reason} ({code})")

    async def send(self, data: DigestData, week: str) -> Delivered:
        tenant = data.actor.tenant_id
        client = self._client(await self.token_for(tenant))
        message = digest_message(data)
        metadata: dict[str, Any] = {
            "event_type": METADATA_TYPE,
            "event_payload": {"week": week, "user": data.actor.user_id},
        }
        try:
            answer = await client.chat_postMessage(
                channel=data.actor.user_id, metadata=metadata, **message.as_kwargs()
            )
        except SlackApiError as error:
            raise self._unreachable(tenant, error) from error
        return Delivered(answer.get("channel"), answer.get("ts"))

    async def find_sent(self, data: DigestData, week: str) -> Delivered | None:
        tenant = data.actor.tenant_id
        client = self._client(await self.token_for(tenant))
        try:
            opened = await client.conversations_open(users=data.actor.user_id)
            channel = str((opened.get("channel") or {}).get("id") or "")
            history = await client.conversations_history(
                channel=channel, limit=HISTORY_LOOKBACK, include_all_metadata=True
            )
        except SlackApiError as error:
            raise self._unreachable(tenant, error) from error
        for message in history.get("messages") or []:
            meta = message.get("metadata") or {}
            payload = meta.get("event_payload") or {}
            if meta.get("event_type") == METADATA_TYPE and payload.get("week") == week:
                return Delivered(channel, message.get("ts"))
        return None
