"""Where a clicked button lives: a message (maybe ephemeral), a modal, or the App Home."""

from __future__ import annotations

from typing import Any

from bot.slack.views.modals import read_metadata


def container_type(body: dict[str, Any]) -> str:
    """ "home", "modal", "ephemeral" or "message"."""
    container = body.get("container") or {}
    if container.get("type") == "view":
        view = body.get("view") or {}
        return "home" if view.get("type") == "home" else "modal"
    if container.get("is_ephemeral") or "message" not in body:
        return "ephemeral"
    return "message"


def container_key(body: dict[str, Any]) -> str:
    """A stable name for the clicked message or view, for delivery keys."""
    container = body.get("container") or {}
    return str(container.get("view_id") or container.get("message_ts") or body.get("trigger_id"))


def channel_of(body: dict[str, Any]) -> str | None:
    container = body.get("container") or {}
    channel = body.get("channel") or {}
    return container.get("channel_id") or (channel.get("id") if isinstance(channel, dict) else None)


def source_of(body: dict[str, Any]) -> tuple[str | None, str | None]:
    """The channel and ts of the message a clicked button is about, if there is one.

    In a modal that is what the "Coach a reply" shortcut kept in the private
    metadata (`channel_of(body)` is None there); on a message (a coached DM)
    it is that message. Ephemeral answers and the App Home have no permalink.
    """
    where = container_type(body)
    if where == "modal":
        origin = read_metadata((body.get("view") or {}).get("private_metadata"))
        channel, ts = origin.get("channel"), origin.get("ts")
    elif where == "message":
        message = body.get("message") or {}
        channel = channel_of(body)
        ts = message.get("ts") or (body.get("container") or {}).get("message_ts")
    else:
        return None, None
    return (
        channel if isinstance(channel, str) and channel else None,
        ts if isinstance(ts, str) and ts else None,
    )
