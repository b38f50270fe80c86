"""Submitting "Soften a no": write the softened reply, re-check it with the coach, show it."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from bot.coach.rewrite.soften import soften_refusal
from bot.slack import ids
from bot.slack.deps import actor_of, deps_of
from bot.slack.listeners.views import state
from bot.slack.listeners.views.submission import accept_submission
from bot.slack.safety import reported
from bot.slack.text import escape, quote
from bot.slack.user_settings import user_settings
from bot.slack.views.coach_reply_modal import coaching_result_modal
from bot.slack.views.common import mrkdwn_sections, section


def problems(view: dict[str, Any]) -> dict[str, str]:
    found: dict[str, str] = {}
    if not state.text(view, ids.ASKED_FOR):
        found[ids.ASKED_FOR] = "Say what the customer asked for."
    if not state.text(view, ids.WHY_NOT):
        found[ids.WHY_NOT] = "Say why the answer is no; the customer deserves the reason."
    return found


def alternatives(view: dict[str, Any]) -> list[str]:
    lines = state.text(view, ids.ALTERNATIVES).splitlines()
    return [line.strip(" -•*\t") for line in lines if line.strip(" -•*\t")]


async def on_submit(
    ack: AsyncAck, view: dict[str, Any], context: AsyncBoltContext, client: AsyncWebClient
) -> None:
    if not await accept_submission(ack, problems(view), "Soften a no", "Writing your reply…"):
        return
    deps, actor = deps_of(context), actor_of(context)
    softened = soften_refusal(
        state.text(view, ids.ASKED_FOR), state.text(view, ids.WHY_NOT), alternatives(view)
    )
    await user_settings(deps, actor, client)
    outcome = await deps.coach(actor, softened, delivery_key=f"slack:view:{view['id']}")
    result = outcome.result
    if result.rewrite is None:
        # Clean already: the softened reply is the one to copy and send.
        modal = coaching_result_modal(
            replace(result, rewrite=softened),
            outcome.tz,
            title="Soften a no",
            heading="Your softened no",
            private_metadata=view.get("private_metadata"),
        )
    else:
        lead = [
            section("*Your softened no*"),
            *mrkdwn_sections(quote(escape(softened)), block_id="softened", max_blocks=3),
        ]
        modal = coaching_result_modal(
            result,
            outcome.tz,
            title="Soften a no",
            heading="How it reads",
            lead=lead,
            private_metadata=view.get("private_metadata"),
        )
    await client.views_update(view_id=view["id"], view=modal)


def register(app: AsyncApp) -> None:
    app.view(ids.VIEW_SOFTEN_NO)(reported(on_submit))
