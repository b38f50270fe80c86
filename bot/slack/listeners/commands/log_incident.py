"""`/toughclient log [customer] [what happened]`: record it, or open the form."""

from __future__ import annotations

from bot.commands import Command, split_customer
from bot.slack.listeners.commands.request import CommandRequest
from bot.slack.opening import open_modal
from bot.slack.views.incidents import incident_logged_message
from bot.slack.views.log_modal import LogPrefill, log_incident_modal
from bot.slack.views.modals import metadata


async def open_form(request: CommandRequest, command: Command) -> bool:
    """With no "what happened": open the form (before any database work) and say True."""
    customer, happened = split_customer(command.text)
    if happened:
        return False
    meta = metadata(
        {"channel": request.channel_id, "response_url": request.body.get("response_url")}
    )
    view = log_incident_modal(LogPrefill(customer=customer), private_metadata=meta)
    await open_modal(request.client, request.trigger_id, view)
    return True


async def log(request: CommandRequest, command: Command) -> None:
    if await open_form(request, command):
        return
    customer, happened = split_customer(command.text)
    deps, actor = request.deps, request.actor
    incident = await deps.run(
        deps.service.log_incident,
        actor,
        customer=customer,
        what_happened=happened,
        channel_id=request.channel_id,
        delivery_key=f"slack:log:{request.trigger_id}",
    )
    settings = await deps.run(deps.service.get_settings, actor)
    await request.answer(incident_logged_message(incident, settings.tz))
