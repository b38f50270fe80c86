"""Submitting "Coach a reply": ack with a working screen, coach, then show the result."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from bot.service import RewriteAsk, RewriteOutcome
from bot.slack import ids
from bot.slack.deps import actor_of, deps_of
from bot.slack.listeners.views import state
from bot.slack.listeners.views.submission import accept_submission
from bot.slack.model_rewrite import follow_up
from bot.slack.safety import reported
from bot.slack.user_settings import user_settings
from bot.slack.views.coach_reply_modal import coaching_result_modal
from bot.slack.views.modals import read_metadata


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
    meta = view.get("private_metadata")
    result = coaching_result_modal(outcome.result, outcome.tz, private_metadata=meta)
    await client.views_update(view_id=view["id"], view=result)

    async def update(rewritten: RewriteOutcome) -> object:
        better = coaching_result_modal(
            rewritten.result, outcome.tz, private_metadata=meta,
            suggestions=rewritten.suggestions,
        )
        return await client.views_update(view_id=view["id"], view=better)

    customer = str(read_metadata(meta).get("message") or "")
    await follow_up(deps, actor, outcome, update, RewriteAsk(customer_message=customer))


def register(app: AsyncApp) -> None:
    app.view(ids.VIEW_COACH_REPLY)(reported(on_submit))
