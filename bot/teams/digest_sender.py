"""The weekly digest's Teams leg: a proactive card to each person's personal chat."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bot.teams.proactive import ProactiveSender

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.service import Actor, DigestData, Service


class TeamsDigestSender:
    """Looks up the stored conversation reference and posts the digest card there."""

    def __init__(
        self, sender: ProactiveSender, references: dict[tuple[str, str], dict[str, Any]]
    ) -> None:
        self.sender = sender
        self.references = references

    @classmethod
    def from_service(cls, settings: Settings, service: Service) -> TeamsDigestSender:
        """Read every Teams reference once, so a round makes no query per person."""
        references = {
            (actor.tenant_id, actor.user_id): reference
            for actor, reference in service.conversation_references()
            if actor.platform == "teams"
        }
        return cls(ProactiveSender.from_settings(settings), references)

    def reference_for(self, actor: Actor) -> dict[str, Any]:
        reference = self.references.get((actor.tenant_id, actor.user_id))
        if reference is None:
            raise LookupError("this person has not talked to the bot in a personal chat yet")
        return reference

    async def send(self, data: DigestData) -> None:
        await self.sender.send_digest(self.reference_for(data.actor), data)
