"""`/toughclient incidents [customer]`: the recent list, or one customer's history."""

from __future__ import annotations

from bot.commands import Command
from bot.slack.listeners.commands.request import CommandRequest
from bot.slack.views.incidents import history_message, incidents_message

RECENT = 15


async def review(request: CommandRequest, command: Command) -> None:
    deps, actor = request.deps, request.actor
    settings = await deps.run(deps.service.get_settings, actor)
    customer = command.text.strip().strip("\"“”'")
    if customer:
        history = await deps.run(deps.service.customer_history, actor, customer)
        await request.answer(history_message(history, settings.tz))
        return
    found = await deps.run(deps.service.list_incidents, actor, limit=RECENT)
    await request.answer(incidents_message(found, settings.tz))
