"""Edits to blocks Slack sends back with a click, so a message or modal updates in place."""

from __future__ import annotations

from typing import Any

from bot.slack import limits
from bot.slack.text import trim_escaped


def mark_done(blocks: list[dict[str, Any]], action_id: str, done: str) -> list[dict[str, Any]]:
    """Remove the clicked button and say what it did right under its row of buttons.

    `done` is plain text; it is escaped here. Other buttons keep working.
    """
    edited: list[dict[str, Any]] = []
    for block in blocks:
        elements = block.get("elements") if block.get("type") == "actions" else None
        if not elements or not any(e.get("action_id") == action_id for e in elements):
            edited.append(block)
            continue
        rest = [e for e in elements if e.get("action_id") != action_id]
        if rest:
            edited.append({**block, "elements": rest})
        edited.append(
            {
                "type": "context",
                "elements": [{"type": "mrkdwn", "text": trim_escaped(done, limits.CONTEXT_TEXT)}],
            }
        )
    return edited


def rewrite_from_blocks(blocks: list[dict[str, Any]], prefix: str = "rewrite_") -> str:
    """The rewrite as shown (quoted, escaped mrkdwn), back to plain text."""
    parts: list[str] = []
    for block in blocks:
        if str(block.get("block_id", "")).startswith(prefix):
            parts.append(str((block.get("text") or {}).get("text", "")))
    lines = "\n".join(parts).split("\n")
    plain = "\n".join(line[5:].lstrip(" ") if line.startswith("&gt;") else line for line in lines)
    return plain.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").strip()


def view_for_update(view: dict[str, Any], blocks: list[dict[str, Any]]) -> dict[str, Any]:
    """The modal as it is, with new blocks: what views.update needs, nothing it refuses."""
    keep = ("type", "callback_id", "title", "submit", "close", "private_metadata", "external_id")
    rebuilt = {key: view[key] for key in keep if view.get(key)}
    rebuilt["blocks"] = blocks
    return rebuilt
