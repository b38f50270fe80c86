"""Links back to the Slack message an incident or a promise came from."""

from __future__ import annotations

import logging

from aiohttp import ClientError
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

log = logging.getLogger("toughclient.slack")


async def permalink(client: AsyncWebClient, channel: object, ts: object) -> str | None:
    """`chat.getPermalink` for the message, or None (no message, or Slack would not say)."""
    if not isinstance(channel, str) or not isinstance(ts, str) or not channel or not ts:
        return None
    try:
        answer = await client.chat_getPermalink(channel=channel, message_ts=ts)
    except (SlackApiError, ClientError, TimeoutError) as error:
        reason = error.response.get("error") if isinstance(error, SlackApiError) else repr(error)
        log.warning("no permalink for %s/%s: %s; recorded without a link", channel, ts, reason)
        return None
    link = answer.get("permalink")
    return link if isinstance(link, str) and link else None
