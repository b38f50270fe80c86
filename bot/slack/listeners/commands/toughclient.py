"""`/toughclient`: ack at once, then route the typed subcommand to its handler."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot.commands import Command, parse_command
from bot.slack import ids
from bot.slack.deliveries import handled_once
from bot.slack.deps import actor_of, deps_of
from bot.slack.listeners.commands import (
    ai_setting,
    coach_draft,
    digest,
    incidents,
    log_incident,
    promises,
    settings,
    team,
)
from bot.slack.listeners.commands.request import CommandRequest
from bot.slack.safety import reported
from bot.slack.text import unescape
from bot.slack.views.help import unknown_message, usage_message

Handler = Callable[[CommandRequest, Command], Awaitable[None]]


async def show_help(request: CommandRequest, command: Command) -> None:
    await request.answer(usage_message())


async def show_unknown(request: CommandRequest, command: Command) -> None:
    await request.answer(unknown_message(command.typed, command.suggestion))


# Subcommands that may open a form: that happens first, while the trigger id is fresh.
FormOpener = Callable[[CommandRequest, Command], Awaitable[bool]]
FORMS: dict[str, FormOpener] = {"log": log_incident.open_form, "no": coach_draft.open_form}

HANDLERS: dict[str, Handler] = {
    "check": coach_draft.check,
    "no": coach_draft.soften,
    "log": log_incident.log,
    "incidents": incidents.review,
    "promises": promises.list_open,
    "digest": digest.preview,
    "settings": settings.change,
    "team": team.show,
    "ai": ai_setting.ai,
    "help": show_help,
    "unknown": show_unknown,
}


async def toughclient(
    ack: AsyncAck,
    body: dict[str, Any],
    context: AsyncBoltContext,
    client: AsyncWebClient,
    respond: AsyncRespond,
) -> None:
    await ack()
    deps, actor = deps_of(context), actor_of(context)
    text = unescape(str(body.get("text") or ""))
    request = CommandRequest(deps, actor, client, respond, body, text)
    command = parse_command(text)
    form = FORMS.get(command.name)
    # A trigger id expires 3 s after the click and works once: open the form before the
    # dedupe write (which may wait for a worker); Slack itself refuses a redelivered one.
    if form is not None and await form(request, command):
        return
    async with handled_once(deps, actor, "command", body.get("trigger_id")) as first:
        if first:
            await HANDLERS[command.name](request, command)


def register(app: AsyncApp) -> None:
    # Every subcommand's ack is the same empty 200: it goes out before the work starts.
    app.command(ids.COMMAND)(reported(toughclient, ack_first=True))
