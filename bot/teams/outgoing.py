"""CardMessage -> Bot Framework activity, within the size Teams accepts.

The card's plain text goes in `summary` (what notifications and the chat
list show) and in the card's `fallbackText`, so every message reads without
the card renderer.
"""

from __future__ import annotations

import json
from typing import Any

from botbuilder.core import CardFactory
from botbuilder.schema import Activity, ActivityTypes, Attachment

from bot.teams.cards.common import MAX_MESSAGE_BYTES, CardMessage, shorten

TOO_BIG = "This answer is too long to show as a card; here is the start of it:\n"


def card_attachment(card: dict[str, Any]) -> Attachment:
    attachment: Attachment = CardFactory.adaptive_card(card)
    return attachment


def activity_bytes(activity: Activity) -> int:
    return len(json.dumps(activity.serialize(), ensure_ascii=False).encode("utf-8"))


def message_activity(message: CardMessage) -> Activity:
    """The card with its text summary; text alone if the card would exceed the limit."""
    activity = Activity(
        type=ActivityTypes.message,
        summary=shorten(message.text, 1000),
        attachments=[card_attachment(message.card)],
    )
    # The turn context adds conversation, recipient and ids: leave room for them.
    if activity_bytes(activity) <= MAX_MESSAGE_BYTES - 2048:
        return activity
    return Activity(
        type=ActivityTypes.message,
        text=TOO_BIG + shorten(message.text, 8000),
        text_format="plain",
    )
