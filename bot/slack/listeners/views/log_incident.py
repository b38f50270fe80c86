"""Submitting the incident form: check it, ack, record it once, confirm."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from bot import labels
from bot.slack import ids
from bot.slack.deps import actor_of, deps_of
from bot.slack.listeners.views import state
from bot.slack.listeners.views.submission import accept_submission
from bot.slack.permalinks import permalink
from bot.slack.safety import reported
from bot.slack.views.common import when
from bot.slack.views.modals import read_metadata, status_modal

CUSTOMER_MAX = 200


def problems(view: dict[str, Any]) -> dict[str, str]:
    """Input errors Slack shows beside each field; nothing typed is lost."""
    found: dict[str, str] = {}
    if not state.text(view, ids.CUSTOMER):
        found[ids.CUSTOMER] = "Name the customer (a company or a person)."
    elif len(state.text(view, ids.CUSTOMER)) > CUSTOMER_MAX:
        found[ids.CUSTOMER] = f"Keep the customer's name under {CUSTOMER_MAX} characters."
    if not state.text(view, ids.WHAT_HAPPENED):
        found[ids.WHAT_HAPPENED] = "Say briefly what happened."
    return found


async def on_submit(
    ack: AsyncAck, view: dict[str, Any], context: AsyncBoltContext, client: AsyncWebClient
) -> None:
    if not await accept_submission(ack, problems(view), "Log an incident", "Saving…"):
        return
    deps, actor = deps_of(context), actor_of(context)
    origin = read_metadata(view.get("private_metadata"))
    link = await permalink(client, origin.get("channel"), origin.get("ts"))
    incident = await deps.run(
        deps.service.log_incident,
        actor,
        customer=state.text(view, ids.CUSTOMER),
        what_happened=state.text(view, ids.WHAT_HAPPENED),
        what_agreed=state.text(view, ids.WHAT_AGREED),
        due=state.moment(view, ids.DUE),
        severity=state.choice(view, ids.SEVERITY, labels.DEFAULT_SEVERITY),
        kind=state.choice(view, ids.KIND, labels.DEFAULT_KIND),
        channel_id=origin.get("channel"),
        source_link=link,
        delivery_key=f"slack:view:{view['id']}",
    )
    settings = await deps.run(deps.service.get_settings, actor)
    confirmation = f"Logged the incident with {incident.customer}."
    if incident.what_agreed:
        due = when(state.moment(view, ids.DUE), settings.tz)
        confirmation += f" What was agreed is tracked as a promise ({due})."
    await client.views_update(
        view_id=view["id"], view=status_modal("Incident logged", confirmation)
    )


def register(app: AsyncApp) -> None:
    app.view(ids.VIEW_LOG_INCIDENT)(reported(on_submit))
