"""Buttons under a coached draft: use the rewrite, track a promise, log an incident."""

from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Any

from slack_bolt.async_app import AsyncApp

from bot.slack import ids
from bot.slack.deps import actor_of, deps_of
from bot.slack.listeners.actions.container import (
    channel_of,
    container_key,
    container_type,
    source_of,
)
from bot.slack.listeners.actions.request import ActionRequest, action_listener
from bot.slack.opening import open_modal
from bot.slack.permalinks import permalink
from bot.slack.safety import reported
from bot.slack.text import escape
from bot.slack.views.coaching import rewrite_message
from bot.slack.views.common import mrkdwn_sections, when
from bot.slack.views.edit import mark_done, rewrite_from_blocks, view_for_update
from bot.slack.views.log_modal import LogPrefill, log_incident_modal
from bot.slack.views.modals import metadata, modal, read_metadata
from bot.slack.views.promises import promise_tracked_message

TRACK_ACTION = re.compile(rf"^{ids.TRACK_PROMISE}_\d+$")


def json_value(action: dict[str, Any]) -> dict[str, Any]:
    try:
        data = json.loads(action.get("value") or "{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def parse_due(raw: object) -> datetime | None:
    if not isinstance(raw, str) or not raw:
        return None
    try:
        return datetime.fromisoformat(raw)
    except ValueError:
        return None


def shown_blocks(body: dict[str, Any]) -> list[dict[str, Any]]:
    holder = body.get("view") if container_type(body) == "modal" else body.get("message")
    blocks = (holder or {}).get("blocks")
    return blocks if isinstance(blocks, list) else []


async def use_rewrite(request: ActionRequest) -> None:
    """Show the rewrite on its own, so copying it copies only the reply."""
    body, client = request.body, request.client
    rewrite = request.action.get("value") or rewrite_from_blocks(shown_blocks(body))
    if not rewrite:
        rewrite = "The rewrite is no longer available; coach the draft again to get it."
    message = rewrite_message(rewrite)
    where = container_type(body)
    channel = channel_of(body)
    if where == "modal":
        view = modal("Your reply", mrkdwn_sections(escape(rewrite), block_id="copy"))
        await open_modal(client, body["trigger_id"], view, push=True)
    elif where == "message" and channel and channel.startswith("D"):
        await client.chat_postMessage(channel=channel, **message.as_kwargs())
    else:
        await request.respond(
            response_type="ephemeral", replace_original=False, **message.as_kwargs()
        )


async def track_promise(request: ActionRequest) -> None:
    body, action, client = request.body, request.action, request.client
    deps, actor = deps_of(request.context), actor_of(request.context)
    data = json_value(action)
    text = str(data.get("t") or "").strip()
    if not text:
        await request.respond(
            response_type="ephemeral", replace_original=False, text="That promise is empty."
        )
        return
    customer = read_metadata((body.get("view") or {}).get("private_metadata")).get("customer")
    link = await permalink(client, *source_of(body))
    promise = await deps.run(
        deps.service.track_promise,
        actor,
        text=text,
        due=parse_due(data.get("d")),
        customer=customer,
        source_link=link,
        delivery_key=f"slack:track:{container_key(body)}:{data.get('i', action['action_id'])}",
    )
    settings = await deps.run(deps.service.get_settings, actor)
    done = f"📌 Tracking: {promise.text} (due {when(promise.due, settings.tz)})"
    where = container_type(body)
    if where == "modal":
        view = body["view"]
        blocks = mark_done(view.get("blocks") or [], action["action_id"], done)
        await client.views_update(
            view_id=view["id"], hash=view.get("hash"), view=view_for_update(view, blocks)
        )
    elif where == "message":
        message = body["message"]
        blocks = mark_done(message.get("blocks") or [], action["action_id"], done)
        await client.chat_update(
            channel=channel_of(body) or "",
            ts=message["ts"],
            text=message.get("text") or done,
            blocks=blocks,
        )
    else:
        tracked = promise_tracked_message(promise, settings.tz)
        await request.respond(
            response_type="ephemeral", replace_original=False, **tracked.as_kwargs()
        )


async def open_log_modal(request: ActionRequest) -> None:
    """The incident form, prefilled with what the coached draft promised.

    The source message (channel and ts) rides along in the form's metadata; its
    permalink is looked up when the form is submitted, not before the form opens.
    """
    body = request.body
    data = json_value(request.action)
    origin = read_metadata((body.get("view") or {}).get("private_metadata"))
    prefill = LogPrefill(
        customer=str(origin.get("customer") or ""),
        what_happened=str(origin.get("message") or ""),
        what_agreed=str(data.get("agreed") or ""),
        due=parse_due(data.get("due")),
    )
    channel, ts = source_of(body)
    meta = metadata(
        {
            "channel": channel or channel_of(body),
            "ts": ts,
            "response_url": body.get("response_url") or origin.get("response_url"),
        }
    )
    view = log_incident_modal(prefill, private_metadata=meta)
    await open_modal(
        request.client, body["trigger_id"], view, push=container_type(body) == "modal"
    )


def register(app: AsyncApp) -> None:
    # Each acks with a plain 200 before anything else: the ack goes out at once.
    app.action(ids.USE_REWRITE)(reported(action_listener(use_rewrite), ack_first=True))
    app.action(TRACK_ACTION)(reported(action_listener(track_promise), ack_first=True))
    app.action(ids.OPEN_LOG_MODAL)(reported(action_listener(open_log_modal), ack_first=True))
