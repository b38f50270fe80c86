"""The "Coach a reply" message shortcut: the customer's words above, your draft below.

In a Slack Connect channel the message may come from another organisation;
the modal and the records belong to the workspace that installed us.
"""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from bot.slack import ids
from bot.slack.opening import open_modal
from bot.slack.safety import reported
from bot.slack.text import unescape
from bot.slack.views.coach_reply_modal import coach_reply_modal
from bot.slack.views.modals import metadata


def customer_name(message: dict[str, Any]) -> str:
    profile = message.get("user_profile") or {}
    return str(
        profile.get("display_name") or profile.get("real_name") or message.get("username") or ""
    )


async def open_coach_reply(
    ack: AsyncAck, shortcut: dict[str, Any], context: AsyncBoltContext, client: AsyncWebClient
) -> None:
    await ack()
    message = shortcut.get("message") or {}
    text = unescape(str(message.get("text") or ""))
    channel = (shortcut.get("channel") or {}).get("id")
    meta = metadata(
        {
            "channel": channel,
            "ts": message.get("ts"),
            "customer": customer_name(message),
            "message": text[:1500],
            "response_url": shortcut.get("response_url"),
        }
    )
    view = coach_reply_modal(text, private_metadata=meta)
    await open_modal(client, shortcut["trigger_id"], view)


def register(app: AsyncApp) -> None:
    app.shortcut(ids.SHORTCUT_COACH_REPLY)(reported(open_coach_reply, ack_first=True))
