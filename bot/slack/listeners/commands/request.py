"""One slash command invocation, as the subcommand handlers see it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot.service import Actor
from bot.slack.deps import Deps
from bot.slack.views.common import SlackMessage


@dataclass(frozen=True)
class CommandRequest:
    deps: Deps
    actor: Actor
    client: AsyncWebClient
    respond: AsyncRespond
    body: dict[str, Any]
    text: str

    @property
    def trigger_id(self) -> str:
        return str(self.body.get("trigger_id") or "")

    @property
    def channel_id(self) -> str | None:
        return self.body.get("channel_id")

    async def answer(self, message: SlackMessage, *, replace: bool = False) -> None:
        """Ephemeral, to the asker only; `replace` swaps in a later, better answer (an LLM's)."""
        await self.respond(
            response_type="ephemeral", replace_original=replace, **message.as_kwargs()
        )
