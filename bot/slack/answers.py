"""Posting an answer through the Web API, where a failure after every retry is recorded.

The Web API client already retries server errors and rate limits
(bot.slack.retries); what still fails here is logged once, counted as an
undelivered answer, and raised as `Undelivered` for the caller to act on.
"""

from __future__ import annotations

from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.web.async_slack_response import AsyncSlackResponse

from bot.undelivered import record_undelivered


async def post_answer(
    client: AsyncWebClient, route: str, *, channel: str, **message: Any
) -> AsyncSlackResponse:
    """chat.postMessage, or Undelivered (logged and counted) when Slack would not take it."""
    try:
        return await client.chat_postMessage(channel=channel, **message)
    except SlackApiError as error:
        detail = f"HTTP {error.response.status_code} {error.response.get('error')}"
        raise record_undelivered("slack", route, detail) from None
    except (aiohttp.ClientError, TimeoutError) as error:
        raise record_undelivered("slack", route, repr(error)) from None
