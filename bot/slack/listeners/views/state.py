"""Reading a submitted modal's inputs, whatever kind of element each one is."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any


def field(view: dict[str, Any], block_id: str) -> dict[str, Any]:
    values = ((view.get("state") or {}).get("values") or {}).get(block_id) or {}
    if not values:
        return {}
    found: dict[str, Any] = values.get(block_id) or next(iter(values.values()))
    return found


def text(view: dict[str, Any], block_id: str) -> str:
    return str(field(view, block_id).get("value") or "").strip()


def choice(view: dict[str, Any], block_id: str, default: str) -> str:
    option = field(view, block_id).get("selected_option") or {}
    return str(option.get("value") or default)


def moment(view: dict[str, Any], block_id: str) -> datetime | None:
    """A datetimepicker's choice: epoch seconds, which are the same instant in every zone."""
    raw = field(view, block_id).get("selected_date_time")
    if raw in (None, ""):
        return None
    return datetime.fromtimestamp(int(raw), UTC)
