"""`/toughclient digest`: this week's digest, now, only to the asker."""

from __future__ import annotations

from bot.commands import Command
from bot.slack.listeners.commands.request import CommandRequest
from bot.slack.user_settings import user_settings
from bot.slack.views.digest import digest_message


async def preview(request: CommandRequest, command: Command) -> None:
    deps, actor = request.deps, request.actor
    await user_settings(deps, actor, request.client)
    data = await deps.run(deps.service.digest_for, actor)
    await request.answer(digest_message(data, preview=True))
