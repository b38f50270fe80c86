"""Submitting "Soften a no": write the softened reply, re-check it with the coach, show it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext
from slack_sdk.models.views import View
from slack_sdk.web.async_client import AsyncWebClient

from bot.coach.rewrite.soften import soften_refusal
from bot.coach.types import CoachResult
from bot.service import RewriteAsk, RewriteOutcome
from bot.slack import ids
from bot.slack.deps import actor_of, deps_of
from bot.slack.listeners.views import state
from bot.slack.listeners.views.submission import accept_submission
from bot.slack.model_rewrite import follow_up
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
    asked_for, why_not = state.text(view, ids.ASKED_FOR), state.text(view, ids.WHY_NOT)
    offered = alternatives(view)
    softened = soften_refusal(asked_for, why_not, offered)
    await user_settings(deps, actor, client)
    outcome = await deps.coach(actor, softened, delivery_key=f"slack:view:{view['id']}")
    meta = view.get("private_metadata")
    await client.views_update(
        view_id=view["id"], view=softened_modal(outcome.result, softened, outcome.tz, meta)
    )

    async def update(rewritten: RewriteOutcome) -> object:
        better = softened_modal(
            rewritten.result, softened, outcome.tz, meta, suggestions=rewritten.suggestions
        )
        return await client.views_update(view_id=view["id"], view=better)

    ask = RewriteAsk(asked_for=asked_for, why_not=why_not, alternatives=offered)
    await follow_up(deps, actor, outcome, update, ask)


def softened_modal(
    result: CoachResult,
    softened: str,
    tz: str,
    private_metadata: str | None,
    *,
    suggestions: Sequence[str] = (),
) -> View:
    """The softened no to copy; with the coaching of the form's version when it needs any."""
    if result.rewrite is None:
        # Clean already: the softened reply is the one to copy and send.
        return coaching_result_modal(
            replace(result, rewrite=softened),
            tz,
            title="Soften a no",
            heading="Your softened no",
            private_metadata=private_metadata,
            suggestions=suggestions,
        )
    lead = [
        section("*Your softened no*"),
        *mrkdwn_sections(quote(escape(softened)), block_id="softened", max_blocks=3),
    ]
    return coaching_result_modal(
        result,
        tz,
        title="Soften a no",
        heading="How it reads",
        lead=lead,
        private_metadata=private_metadata,
        suggestions=suggestions,
    )

def register(app: AsyncApp) -> None:
    app.view(ids.VIEW_SOFTEN_NO)(reported(on_submit))
