"""`/toughclient settings` and `/toughclient team` over signed requests; Slack's
users.info (who is an admin) is the local mock."""

from __future__ import annotations

import json

import pytest

from bot.slack import ids
from tests.slack.harness import Harness, block_action

pytestmark = pytest.mark.asyncio(loop_scope="module")


async def said(slack: Harness, text: str, user: str) -> str:
    _, name = await slack.command(text, user=user)
    await slack.mock.wait_for(lambda: slack.mock.answers(name))
    return json.dumps(slack.mock.answers(name)[0], ensure_ascii=False)


async def test_settings_shows_and_changes_the_digest_schedule(slack: Harness) -> None:
    slack.mock.user_tz["US1"] = "Asia/Kolkata"
    assert "Mondays at 09:00 (Asia/Kolkata)" in await said(slack, "settings", "US1")
    answer = await said(slack, "settings day fri hour 4pm all-clear on", "US1")
    assert "Saved. Your weekly digest comes on Fridays at 16:00 (Asia/Kolkata)" in answer
    assert "one-line all-clear" in answer
    chosen = slack.service.get_settings(slack.actor("US1"))
    assert (chosen.digest_day, chosen.digest_hour, chosen.all_clear) == (4, 16, True)
    assert "is not a day of the week" in await said(slack, "settings day someday", "US1")
    assert slack.service.get_settings(slack.actor("US1")).digest_day == 4


async def test_team_trends_are_refused_to_members_and_opt_in_for_admins(slack: Harness) -> None:
    refused = await said(slack, "team", "UT1")
    assert "for workspace admins and owners" in refused
    assert "for workspace admins and owners" in await said(slack, "team on", "UT1")
    slack.mock.admins.add("UT2")
    assert "Team trends are off in this workspace" in await said(slack, "team", "UT2")
    assert "Team trends are on" in await said(slack, "team on", "UT2")
    slack.service.log_incident(slack.actor("UT3"), customer="Initech",
                               what_happened="threatened to leave", kind="problem_customer")
    shown = await said(slack, "team", "UT2")
    assert "Promises kept on time per week" in shown and "problem customer" in shown
    assert "Initech" not in shown and "threatened" not in shown and "UT3" not in shown
    assert "for workspace admins and owners" in await said(slack, "team", "UT1")
    assert "Team trends are off." in await said(slack, "team off", "UT2")


async def test_the_all_clear_choice_is_a_button_in_the_app_home(slack: Harness) -> None:
    click = block_action(
        ids.SETTINGS_ALL_CLEAR, "on", user="UT4",
        container={"type": "view", "view_id": "VHOME"},
        view={"id": "VHOME", "type": "home", "hash": "h", "blocks": []},
    )
    await slack.interact(click)
    await slack.mock.wait_for(lambda: slack.mock.of("views.publish"))
    assert slack.service.get_settings(slack.actor("UT4")).all_clear is True
    view = json.dumps(slack.mock.of("views.publish")[0].params["view"])
    assert "No all-clear line" in view
