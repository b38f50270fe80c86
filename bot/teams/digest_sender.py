"""The weekly digest's Teams leg: a proactive card to each person's personal chat."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bot.digest.outcomes import Delivered, Unreachable
from bot.teams.proactive import ProactiveSender

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.service import Actor, DigestData, Service

# Connector answers that mean the person removed the app or blocked the bot, or the
# chat is gone: sending again this week cannot succeed.
GONE_STATUSES: dict[int, str] = {
    403: "the bot is blocked or the app was removed for this person",
    404: "the personal chat with the bot no longer exists",
}


def gone_reason(error: Exception) -> str | None:
    """The reason for a connector error that no retry will fix, or None."""
    response = getattr(error, "response", None)
    status = getattr(response, "status_code", None) or getattr(response, "status", None)
    if isinstance(status, int) and status in GONE_STATUSES:
        return f"{GONE_STATUSES[status]} (HTTP {status})"
    return None


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

    async def send(self, data: DigestData, week: str) -> Delivered:
        reference = self.reference_for(data.actor)
        try:
            activity_id = await self.sender.send_digest(reference, data)
        except Exception as error:
            reason = gone_reason(error)
            if reason is not None:
                raise Unreachable(reason) from error
            raise
        conversation = (reference.get("conversation") or {}).get("id")
        return Delivered(conversation, activity_id)

    async def find_sent(self, data: DigestData, week: str) -> Delivered | None:
        """Always None: the Bot Framework gives a bot no way to read back a chat's history,
        so a Teams send cut short by a crash is sent again (at least once, not exactly)."""
        return None
