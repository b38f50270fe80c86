"""Bolt's error handler: whatever failed, reporting it never raises a second failure."""

from __future__ import annotations

from typing import Any

import aiohttp
from slack_bolt.context.async_context import AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from bot.slack.errors import handle_error


async def test_an_unreachable_response_url_is_logged_not_raised() -> None:
    # Slack's API down: authorisation fails, and so does the reply telling the user.
    async def respond(**_: Any) -> None:
        raise aiohttp.ClientConnectionError("Cannot connect to host 127.0.0.1:9")

    context = AsyncBoltContext({"response_url": "http://127.0.0.1:9/gone", "team_id": "T1"})
    context["respond"] = respond
    body = {"command": "/toughclient", "response_url": "http://127.0.0.1:9/gone"}
    await handle_error(aiohttp.ClientConnectionError("auth.test"), body, context,
                       AsyncWebClient(token="xoxb-test", base_url="http://127.0.0.1:9/api/"))
