"""Pieces shared by the modals: titles that fit, metadata that fits, status screens."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from slack_sdk.models.blocks import Block, PlainTextObject
from slack_sdk.models.views import View

from bot.slack import ids, limits
from bot.slack.text import trim, trim_escaped
from bot.slack.views.common import fit_blocks, section


def plain(text: str, limit: int) -> PlainTextObject:
    return PlainTextObject(text=trim(text, limit) or " ", emoji=True)


def metadata(data: dict[str, Any]) -> str:
    """JSON for `private_metadata`, dropping the bulkiest fields until it fits 3,000."""
    payload = {k: v for k, v in data.items() if v not in (None, "")}
    encoded = json.dumps(payload, ensure_ascii=False)
    for bulky in ("message", "response_url"):
        if len(encoded) <= limits.PRIVATE_METADATA:
            break
        payload.pop(bulky, None)
        encoded = json.dumps(payload, ensure_ascii=False)
    return encoded[: limits.PRIVATE_METADATA] if len(encoded) > limits.PRIVATE_METADATA else encoded


def read_metadata(raw: str | None) -> dict[str, Any]:
    try:
        data = json.loads(raw or "{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def modal(
    title: str,
    blocks: Sequence[Block],
    *,
    callback_id: str = ids.VIEW_RESULT,
    submit: str | None = None,
    close: str = "Close",
    private_metadata: str | None = None,
) -> View:
    return View(
        type="modal",
        callback_id=callback_id,
        title=plain(title, limits.MODAL_TITLE),
        submit=plain(submit, limits.MODAL_BUTTON) if submit else None,
        close=plain(close, limits.MODAL_BUTTON),
        blocks=fit_blocks(list(blocks), limits.VIEW_BLOCKS),
        private_metadata=private_metadata,
    )


def status_modal(title: str, message: str) -> View:
    """A one-line modal: "working on it", a confirmation, or an error."""
    return modal(title, [section(trim_escaped(message, 2900))])
