"""`/toughclient promises`: the asker's open promises, overdue first, with buttons."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.commands import Command
from bot.slack.listeners.commands.request import CommandRequest
from bot.slack.views.promises import promises_message


async def list_open(request: CommandRequest, command: Command) -> None:
    deps, actor = request.deps, request.actor
    now = datetime.now(UTC)
    settings = await deps.run(deps.service.get_settings, actor)
    found = await deps.run(deps.service.open_promises, actor, now=now)
    await request.answer(promises_message(found, settings.tz, now))
