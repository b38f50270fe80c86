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


def shorten(text: str, limit: int = MAX_BLOCK_CHARS) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# Adaptive Card TextBlocks read a markdown subset (**bold**, _italic_, [links](url), "- " and
# "1. " lists). In user text these are characters, so they are backslash-escaped (CommonMark),
# and a line that starts like a list item or heading has its marker escaped too.
_MARKDOWN_INLINE = re.compile(r"([\\`*_\[\]~])")
_MARKDOWN_LINE_START = re.compile(r"^([ \t]*)([-+#>]|\d+(?=[.)]))", re.MULTILINE)


def escape_markdown(text: str) -> str:
    """User text as it was typed, never as links, bold or lists in a card."""
    text = _MARKDOWN_INLINE.sub(r"\\\1", text)

    def marker(match: re.Match[str]) -> str:
        indent, mark = match.group(1), match.group(2)
        if mark[0].isdigit():  # "1." / "1)": escape the punctuation that follows the number
            return f"{indent}{mark}\\"
        return f"{indent}\\{mark}"

    # `{{DATE(...)}}` and `{{TIME(...)}}` are date functions a renderer fills in: a
    # zero-width space keeps them as typed.
    return _MARKDOWN_LINE_START.sub(marker, text).replace("{{", "{\u200b{")


def heading(text: str, *, markdown: bool = False) -> Element:
    """A title; its text is escaped unless `markdown` says it is our own formatting."""
    shown = text if markdown else escape_markdown(text)
    return {"type": "TextBlock", "text": shown, "size": "Medium", "weight": "Bolder", "wrap": True}


def paragraph(text: str, *, markdown: bool = False, **style: Any) -> Element:
    """A TextBlock. Text is escaped by default, so user words can never become markup; with
    `markdown=True` it is our own formatting, and any user words in it must be escaped first."""
    shown = shorten(text)
    return {
        "type": "TextBlock",
        "text": shown if markdown else escape_markdown(shown),
        "wrap": True,
        **style,
    }


def subtle(text: str, *, markdown: bool = False) -> Element:
    return paragraph(text, markdown=markdown, isSubtle=True, size="Small", spacing="None")


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
    # surrogatepass: a lone surrogate (valid in JSON text) must not crash the size check
    return len(json.dumps(built, ensure_ascii=False).encode("utf-8", "surrogatepass"))


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
