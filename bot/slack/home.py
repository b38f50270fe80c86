"""Publishing the App Home tab, shared by the open event and every settings change."""

from __future__ import annotations

from datetime import UTC, datetime

from slack_sdk.web.async_client import AsyncWebClient

from bot.service import Actor
from bot.slack.deps import Deps
from bot.slack.user_settings import user_settings
from bot.slack.views.home import home_view

RECENT_INCIDENTS = 10


async def publish_home(deps: Deps, actor: Actor, client: AsyncWebClient) -> None:
    now = datetime.now(UTC)
    settings = await user_settings(deps, actor, client)
    promises = await deps.run(deps.service.open_promises, actor, now=now)
    incidents = await deps.run(deps.service.list_incidents, actor, limit=RECENT_INCIDENTS)
    view = home_view(promises, incidents, settings, now)
    await client.views_publish(user_id=actor.user_id, view=view)
