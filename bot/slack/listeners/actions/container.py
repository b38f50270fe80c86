"""Where a clicked button lives: a message (maybe ephemeral), a modal, or the App Home."""

from __future__ import annotations

from typing import Any


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
