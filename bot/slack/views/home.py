"""The App Home tab: open promises (overdue first), recent incidents, settings."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    DividerBlock,
    ExternalDataSelectElement,
    HeaderBlock,
    Option,
    StaticSelectElement,
)
from slack_sdk.models.views import View

from bot.service import IncidentView, PromiseView, UserSettingsView
from bot.slack import ids, limits
from bot.slack.views.common import button, fit_blocks, note, section
from bot.slack.views.incidents import incident_text
from bot.slack.views.modals import plain
from bot.slack.views.promises import promise_blocks

DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MAX_INCIDENTS = 10


def tz_option(name: str) -> Option:
    return Option(value=name[:150], text=plain(name, limits.OPTION_TEXT))


def day_options() -> list[Option]:
    return [Option(value=str(i), text=plain(day, limits.OPTION_TEXT)) for i, day in enumerate(DAYS)]


def hour_options() -> list[Option]:
    return [Option(value=str(h), text=plain(f"{h:02d}:00", limits.OPTION_TEXT)) for h in range(24)]


def settings_blocks(settings: UserSettingsView) -> list[Block]:
    days, hours = day_options(), hour_options()
    state = "on" if settings.digest_enabled else "off"
    summary = (
        f"Time zone *{settings.tz}*. Weekly digest *{state}*, "
        f"{DAYS[settings.digest_day % 7]}s at {settings.digest_hour:02d}:00."
    )
    toggle = "Turn digest off" if settings.digest_enabled else "Turn digest on"
    clear = "No all-clear line" if settings.all_clear else "Send an all-clear line"
    quiet = (
        "When nothing is open you get a one-line all-clear."
        if settings.all_clear
        else "When nothing is open you get no digest at all."
    )
    summary += f" {quiet}"
    return [
        HeaderBlock(text=plain("Settings", 150)),
        section(summary),
        ActionsBlock(
            block_id="settings",
            elements=[
                ExternalDataSelectElement(
                    action_id=ids.SETTINGS_TZ,
                    placeholder=plain("Time zone", limits.PLACEHOLDER),
                    initial_option=tz_option(settings.tz),
                    min_query_length=2,
                ),
                StaticSelectElement(
                    action_id=ids.SETTINGS_DIGEST_DAY,
                    placeholder=plain("Digest day", limits.PLACEHOLDER),
                    options=days,
                    initial_option=days[settings.digest_day % 7],
                ),
                StaticSelectElement(
                    action_id=ids.SETTINGS_DIGEST_HOUR,
                    placeholder=plain("Digest hour", limits.PLACEHOLDER),
                    options=hours,
                    initial_option=hours[settings.digest_hour % 24],
                ),
                button(
                    toggle, ids.SETTINGS_DIGEST_ENABLED, "off" if settings.digest_enabled else "on"
                ),
                button(clear, ids.SETTINGS_ALL_CLEAR, "off" if settings.all_clear else "on"),
            ],
        ),
    ]


def home_view(
    promises: Sequence[PromiseView],
    incidents: Sequence[IncidentView],
    settings: UserSettingsView,
    now: datetime,
) -> View:
    tz = settings.tz
    blocks: list[Block] = [HeaderBlock(text=plain("Your open promises", 150))]
    if promises:
        blocks += promise_blocks(promises, tz, now, surface=ids.SURFACE_HOME)
    else:
        blocks.append(
            section("No open promises. Promises you track from a coached draft show up here.")
        )
    blocks += [DividerBlock(), HeaderBlock(text=plain("Recent incidents", 150))]
    if incidents:
        blocks += [section(incident_text(i, tz)) for i in incidents[:MAX_INCIDENTS]]
    else:
        blocks.append(section("No incidents yet. `/toughclient log` records one."))
    blocks += [DividerBlock(), *settings_blocks(settings)]
    blocks.append(ActionsBlock(elements=[button("Refresh", ids.HOME_REFRESH)]))
    blocks.append(note("DM me any draft and I'll coach it before you send it."))
    return View(type="home", blocks=fit_blocks(blocks, limits.VIEW_BLOCKS))
