"""Submitting "Coach a reply": ack with a working screen, coach, then show the result."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from bot.slack import ids
from bot.slack.deps import actor_of, deps_of
from bot.slack.listeners.views import state
from bot.slack.listeners.views.submission import accept_submission
from bot.slack.safety import reported
from bot.slack.user_settings import user_settings
from bot.slack.views.coach_reply_modal import coaching_result_modal


async def on_submit(
    ack: AsyncAck, view: dict[str, Any], context: AsyncBoltContext, client: AsyncWebClient
) -> None:
    draft = state.text(view, ids.DRAFT)
    errors = {} if draft else {ids.DRAFT: "Write your draft reply first."}
    if not await accept_submission(ack, errors, "Coach a reply", "Coaching your draft…"):
        return
    deps, actor = deps_of(context), actor_of(context)
    await user_settings(deps, actor, client)
    outcome = await deps.coach(actor, draft, delivery_key=f"slack:view:{view['id']}")
    result = coaching_result_modal(
        outcome.result, outcome.tz, private_metadata=view.get("private_metadata")
    )
    await client.views_update(view_id=view["id"], view=result)


def register(app: AsyncApp) -> None:
    app.view(ids.VIEW_COACH_REPLY)(reported(on_submit))
