"""The user's time zone: from our settings, or once from Slack's profile when unset."""

from __future__ import annotations

import logging
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.service import Actor, StorageUnavailable, UserSettingsView
from bot.slack.deps import Deps

log = logging.getLogger("toughclient.slack")

DEFAULT_TZ = "UTC"


def known_zone(name: str | None) -> bool:
    if not name:
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


async def user_settings(deps: Deps, actor: Actor, client: AsyncWebClient) -> UserSettingsView:
    """Settings with a real time zone: a user still on the default is asked about once per process.

    Relative times in drafts ("by tomorrow noon") resolve in this zone, so it
    is settled before coaching, not after.
    """
    settings = await deps.run(deps.service.get_settings, actor)
    key = (actor.tenant_id, actor.user_id)
    if settings.tz != DEFAULT_TZ or key in deps.tz_checked:
        return settings
    deps.tz_checked.add(key)
    try:
        info = await client.users_info(user=actor.user_id)
    except SlackApiError as error:
        log.warning("users.info failed for %s: %s", actor.user_id, error.response.get("error"))
        return settings
    user = info.get("user") or {}
    tz = user.get("tz") if isinstance(user, dict) else None
    if not known_zone(tz) or tz == settings.tz:
        return settings
    return await deps.run(deps.service.update_settings, actor, tz=tz)


async def settle_time_zone(deps: Deps, actor: Actor, client: AsyncWebClient) -> None:
    """`user_settings` before coaching, which needs no database: when the database is
    away, coaching goes on in UTC (as `Service.coach` does) instead of failing."""
    try:
        await user_settings(deps, actor, client)
    except StorageUnavailable:
        log.warning("coaching %s in UTC: the database is unavailable", actor.user_id)
