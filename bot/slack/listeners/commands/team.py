"""`/toughclient team [on|off]`: the workspace's trends, for its admins and owners only.

Slack says who is an admin (users.info: is_admin, is_owner); the answer is
aggregated counts for the workspace, never a person's drafts or name.
"""

from __future__ import annotations

from bot.commands import Command
from bot.digest.team import NOT_ADMIN, OFF_FOR_ADMIN, TURNED_OFF, TURNED_ON, team_lines
from bot.slack.listeners.commands.ai_setting import is_workspace_admin
from bot.slack.listeners.commands.request import CommandRequest
from bot.slack.text import escape
from bot.slack.views.common import SlackMessage, section


def _said(text: str) -> SlackMessage:
    return SlackMessage(text=text, blocks=[section(escape(text))])


async def show(request: CommandRequest, command: Command) -> None:
    deps, actor = request.deps, request.actor
    if not await is_workspace_admin(request):
        await request.answer(_said(NOT_ADMIN))
        return
    switch = command.text.strip().lower()
    if switch in {"on", "off"}:
        await deps.run(deps.service.set_team_trends, actor, switch == "on")
        await request.answer(_said(TURNED_ON if switch == "on" else TURNED_OFF))
        return
    if not await deps.run(deps.service.team_trends_enabled, actor):
        await request.answer(_said(OFF_FOR_ADMIN))
        return
    trends = await deps.run(deps.service.team_trends, actor)
    lines = team_lines(trends)
    body = "*Team trends*\n" + "\n".join(escape(line) for line in lines)
    text = "Team trends\n" + "\n".join(lines)
    await request.answer(SlackMessage(text=text, blocks=[section(body)]))
