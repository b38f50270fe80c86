"""Building blocks shared by every card, and the size budget of a Teams message."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

CARD_VERSION = "1.5"
CARD_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json"
# Teams refuses a message above about 28 KB (activity JSON included); keep a margin.
MAX_MESSAGE_BYTES = 28 * 1024
CARD_BUDGET_BYTES = 26 * 1024
# Longest text a single TextBlock shows before we cut it, so one field cannot eat the budget.
MAX_BLOCK_CHARS = 6000

Card = dict[str, Any]
Element = dict[str, Any]


@dataclass(frozen=True)
class CardMessage:
    """One answer: the card, and the plain text shown in notifications and old clients."""

    card: Card
    text: str


_MARKDOWN_SPECIALS = re.compile(r"([\\`*_~\[\]()#>|!])")
_BULLET_START = re.compile(r"^(\s*)([-+])(\s)", re.M)
_NUMBER_START = re.compile(r"^(\s*)(\d+)\.(\s)", re.M)


def escape_markdown(text: str) -> str:
    """User text shown as written in a TextBlock: no bold, links, lists or date functions.

    Adaptive Card TextBlocks read a subset of Markdown (`**bold**`, `_italic_`,
    `[text](url)`, "- " and "1. " lists) and `{{DATE(...)}}`/`{{TIME(...)}}`
    functions; a customer's name or a promise's words must not turn into any
    of them. A backslash keeps each special character literal; a zero-width
    space parts `{{`.
    """
    escaped = _MARKDOWN_SPECIALS.sub(r"\\\1", text)
    escaped = _BULLET_START.sub(r"\1\\\2\3", escaped)
    escaped = _NUMBER_START.sub(r"\1\2\\.\3", escaped)
    return escaped.replace("{{", "{\u200b{")


def shorten(text: str, limit: int = MAX_BLOCK_CHARS) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def heading(text: str) -> Element:
    return {"type": "TextBlock", "text": text, "size": "Medium", "weight": "Bolder", "wrap": True}


def paragraph(text: str, **style: Any) -> Element:
    return {"type": "TextBlock", "text": shorten(text), "wrap": True, **style}


def subtle(text: str) -> Element:
    return paragraph(text, isSubtle=True, size="Small", spacing="None")


def submit(title: str, action: str, style: str | None = None, **data: Any) -> Element:
    """An Action.Submit whose data names the handler through its "action" key."""
    button: Element = {"type": "Action.Submit", "title": title, "data": {"action": action, **data}}
    if style:
        button["style"] = style
    return button


def action_set(*actions: Element) -> Element:
    return {"type": "ActionSet", "actions": list(actions)}


def card(body: list[Element], *, actions: list[Element] | None = None, fallback: str) -> Card:
    """The card envelope; `fallbackText` is what a client that cannot render 1.5 shows."""
    built: Card = {
        "type": "AdaptiveCard",
        "$schema": CARD_SCHEMA,
        "version": CARD_VERSION,
        "body": body,
        "fallbackText": shorten(fallback, 2000),
        "msteams": {"width": "Full"},
    }
    if actions:
        built["actions"] = actions
    return built


def card_bytes(built: Card) -> int:
    return len(json.dumps(built, ensure_ascii=False).encode("utf-8"))


def zone(name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def when(moment: datetime | None, tz: str | None) -> str:
    """A due time as a person reads it, in their own time zone."""
    if moment is None:
        return "no date"
    local = moment.astimezone(zone(tz)) if moment.tzinfo else moment
    return local.strftime("%a %d %b %Y, %H:%M").replace(" 0", " ")
