"""The App Home tab is drawn fresh each time the user opens it."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.async_context import AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from bot.slack.deps import actor_of, deps_of
from bot.slack.home import publish_home
from bot.slack.safety import reported


async def on_app_home_opened(
    event: dict[str, Any], context: AsyncBoltContext, client: AsyncWebClient
) -> None:
    if event.get("tab", "home") != "home":
        return
    await publish_home(deps_of(context), actor_of(context), client)


def register(app: AsyncApp) -> None:
    app.event("app_home_opened")(reported(on_app_home_opened))
