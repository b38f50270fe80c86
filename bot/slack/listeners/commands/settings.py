"""`/toughclient settings …`: when the weekly digest comes, in the person's own zone."""

from __future__ import annotations

from bot.commands import Command
from bot.settings_command import USAGE, SettingsSyntaxError, describe, parse_settings
from bot.slack.listeners.commands.request import CommandRequest
from bot.slack.text import escape
from bot.slack.user_settings import user_settings
from bot.slack.views.common import SlackMessage, note, section
from bot.slack.views.help import error_message


async def change(request: CommandRequest, command: Command) -> None:
    deps, actor = request.deps, request.actor
    try:
        wanted = parse_settings(command.text)
    except SettingsSyntaxError as error:
        await request.answer(error_message(str(error)))
        return
    current = await user_settings(deps, actor, request.client)
    if not wanted.empty:
        current = await deps.run(deps.service.update_settings, actor, **wanted.as_kwargs())
    said = describe(
        current.tz, current.digest_day, current.digest_hour, current.digest_enabled,
        current.all_clear,
    )
    head = "Saved. " if not wanted.empty else ""
    await request.answer(
        SlackMessage(text=head + said, blocks=[section(escape(head + said)), note(USAGE)])
    )
