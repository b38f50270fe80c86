"""Proactive messages (the weekly digest) to a stored conversation reference.

The reference comes back from the store as plain JSON; `continue_conversation`
opens a turn on it and we post a new message (not a reply to an old one).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from botbuilder.core import TurnContext
from botbuilder.integration.aiohttp import CloudAdapter

from bot.config import Settings
from bot.teams.auth import build_adapter
from bot.teams.cards.common import CardMessage
from bot.teams.cards.digest import digest_card
from bot.teams.identity import reference_from_json
from bot.teams.outgoing import message_activity

if TYPE_CHECKING:
    from bot.service import DigestData


class ProactiveSender:
    """Sends cards to people who have talked to the bot, outside any incoming request."""

    def __init__(self, adapter: CloudAdapter, *, app_id: str) -> None:
        self.adapter = adapter
        self.app_id = app_id

    @classmethod
    def from_settings(cls, settings: Settings) -> ProactiveSender:
        return cls(build_adapter(settings), app_id=settings.microsoft_app_id.strip())

    async def send(self, reference: dict[str, Any], message: CardMessage) -> str | None:
        """Post `message` into the referenced conversation; returns the new activity id.

        Raises ValueError for a reference that is not one, and the connector's
        error (e.g. the user removed the app) for the caller to record.
        """
        conversation = reference_from_json(reference)
        sent: list[str | None] = []

        async def deliver(turn_context: TurnContext) -> None:
            address = TurnContext.get_conversation_reference(turn_context.activity)
            address.activity_id = None  # a new message, not a reply to the continuation event
            outgoing = TurnContext.apply_conversation_reference(message_activity(message), address)
            responses = await turn_context.adapter.send_activities(turn_context, [outgoing])
            sent.append(responses[0].id if responses and responses[0] else None)

        await self.adapter.continue_conversation(
            conversation, deliver, bot_app_id=self.app_id or None
        )
        return sent[0] if sent else None

    async def send_digest(self, reference: dict[str, Any], data: DigestData) -> str | None:
        from bot.digest.render import digest_text

        return await self.send(reference, digest_card(data, text=digest_text(data)))
