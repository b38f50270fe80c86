"""A DM to the bot is a draft: coach it before it is sent to the customer."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.async_context import AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from bot.service import RewriteOutcome
from bot.slack.answers import post_answer
from bot.slack.deliveries import handled_once
from bot.slack.deps import actor_of, deps_of
from bot.slack.model_rewrite import follow_up
from bot.slack.safety import reported
from bot.slack.text import unescape
from bot.slack.user_settings import user_settings
from bot.slack.views.coaching import coaching_message


def is_person_writing(event: dict[str, Any]) -> bool:
    """Only a person's new message in the bot's DM: no edits, deletes, joins or bots."""
    return (
        event.get("channel_type") == "im"
        and not event.get("subtype")
        and not event.get("bot_id")
        and bool(event.get("user"))
        and bool(str(event.get("text") or "").strip())
    )


async def on_message(
    event: dict[str, Any], body: dict[str, Any], context: AsyncBoltContext, client: AsyncWebClient
) -> None:
    if not is_person_writing(event):
        return
    deps, actor = deps_of(context), actor_of(context)
    event_id = body.get("event_id") or f"{event.get('channel')}:{event.get('ts')}"
    async with handled_once(deps, actor, "event", event_id) as first:
        if not first:
            return
        await user_settings(deps, actor, client)
        draft = unescape(str(event["text"]))
        outcome = await deps.coach(actor, draft, delivery_key=f"slack:dm:{event_id}")
        message = coaching_message(outcome.result, outcome.tz)
        posted = await post_answer(client, "dm", channel=str(event["channel"]),
                                   **message.as_kwargs())

    async def update(rewritten: RewriteOutcome) -> object:
        better = coaching_message(rewritten.result, outcome.tz, suggestions=rewritten.suggestions)
        return await client.chat_update(
            channel=posted["channel"], ts=posted["ts"], **better.as_kwargs()
        )

    await follow_up(deps, actor, outcome, update)


def register(app: AsyncApp) -> None:
    app.event("message")(reported(on_message))
