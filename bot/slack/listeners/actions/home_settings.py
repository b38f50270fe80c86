"""App Home settings: time zone, digest day and hour, digest on or off, all-clear; refresh."""

from __future__ import annotations

from functools import lru_cache
from typing import Any
from zoneinfo import available_timezones

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from bot.slack import ids
from bot.slack.deps import actor_of, deps_of
from bot.slack.home import publish_home
from bot.slack.listeners.actions.request import ActionRequest, action_listener
from bot.slack.safety import reported
from bot.slack.views.home import tz_option

MAX_OPTIONS = 100


@lru_cache(maxsize=1)
def zone_names() -> tuple[str, ...]:
    return tuple(sorted(z for z in available_timezones() if "/" in z or z == "UTC"))


def matching_zones(query: str) -> list[str]:
    """Zones whose name contains every typed word: "new york" finds America/New_York."""
    words = query.lower().replace("_", " ").split()
    names = [z for z in zone_names() if all(w in z.lower().replace("_", " ") for w in words)]
    return names[:MAX_OPTIONS]


def selected_value(action: dict[str, Any]) -> str:
    option = action.get("selected_option") or {}
    return str(option.get("value") or action.get("value") or "")


async def on_setting(request: ActionRequest) -> None:
    """Save the setting just changed in the App Home, then show the Home again."""
    deps, actor = deps_of(request.context), actor_of(request.context)
    value = selected_value(request.action)
    changes: dict[str, Any] = {}
    match request.action["action_id"]:
        case ids.SETTINGS_TZ:
            changes["tz"] = value
        case ids.SETTINGS_DIGEST_DAY:
            changes["digest_day"] = int(value)
        case ids.SETTINGS_DIGEST_HOUR:
            changes["digest_hour"] = int(value)
        case ids.SETTINGS_DIGEST_ENABLED:
            changes["digest_enabled"] = value == "on"
        case ids.SETTINGS_ALL_CLEAR:
            changes["all_clear"] = value == "on"
    async with deps.home_lock(actor):
        await deps.run(deps.service.update_settings, actor, **changes)
        await publish_home(deps, actor, request.client)


def register(app: AsyncApp) -> None:
    async def on_refresh(ack: AsyncAck, context: AsyncBoltContext, client: AsyncWebClient) -> None:
        await ack()
        await publish_home(deps_of(context), actor_of(context), client)

    async def tz_options(ack: AsyncAck, payload: dict[str, Any]) -> None:
        await ack(options=[tz_option(z) for z in matching_zones(str(payload.get("value") or ""))])

    for action_id in (
        ids.SETTINGS_TZ,
        ids.SETTINGS_DIGEST_DAY,
        ids.SETTINGS_DIGEST_HOUR,
        ids.SETTINGS_DIGEST_ENABLED,
        ids.SETTINGS_ALL_CLEAR,
    ):
        app.action(action_id)(reported(action_listener(on_setting), ack_first=True))
    app.action(ids.HOME_REFRESH)(reported(on_refresh, ack_first=True))
    app.options(ids.SETTINGS_TZ)(tz_options)
