"""`/toughclient ai [on|off]`: whether this workspace's drafts may go to the model.

Anyone may ask; only a workspace admin or owner may switch it, checked with
Slack's own `users.info` (never with anything the request body claims).
"""

from __future__ import annotations

import logging

from slack_sdk.errors import SlackApiError

from bot.commands import Command
from bot.service.rewrites import AI_ADMINS_ONLY, ai_status_text, ai_switched_text
from bot.slack.listeners.commands.request import CommandRequest
from bot.slack.views.common import SlackMessage, section
from bot.slack.views.help import error_message

log = logging.getLogger("toughclient.slack")
SWITCH_HINT = " A workspace admin switches it with `/toughclient ai on` or `/toughclient ai off`."


async def is_workspace_admin(request: CommandRequest) -> bool:
    try:
        info = await request.client.users_info(user=request.actor.user_id)
    except SlackApiError as error:
        log.warning("users.info failed for %s: %s", request.actor.user_id,
                    error.response.get("error"))
        return False
    user = info.get("user") or {}
    return isinstance(user, dict) and any(
        bool(user.get(k)) for k in ("is_admin", "is_owner", "is_primary_owner")
    )


def _message(text: str) -> SlackMessage:
    return SlackMessage(text=text, blocks=[section(text)])


async def ai(request: CommandRequest, command: Command) -> None:
    deps, actor = request.deps, request.actor
    switch = command.text.lower().strip(" .!")
    if switch in ("on", "off"):
        if not await is_workspace_admin(request):
            await request.answer(error_message(AI_ADMINS_ONLY))
            return
        enabled = await deps.run(
            deps.service.set_tenant_llm, actor.platform, actor.tenant_id, switch == "on",
            by=actor.user_id,
        )
        await request.answer(_message(ai_switched_text(enabled)))
        return
    enabled = await deps.run(deps.service.tenant_llm_enabled, actor.platform, actor.tenant_id)
    await request.answer(
        _message(ai_status_text(configured=deps.service.llm_configured, enabled=enabled)
                 + SWITCH_HINT)
    )
