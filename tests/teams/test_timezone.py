"""Teams users get times in their own zone: the client's localTimezone replaces the default UTC."""

from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

import bot.service.service as service_module
from bot.service import Actor
from bot.teams.timezone import client_timezone
from tests.teams.conftest import TENANT, TeamsBot, card_submit, extension_invoke, personal_message

ADA = Actor("teams", TENANT, "00000000-0000-0000-0000-0000000000ad")
PARIS = ZoneInfo("Europe/Paris")
# Wednesday 11:00 in Paris, 05:00 in New York: "by EOD" is 17:00 the same day in both.
NOW = datetime(2026, 3, 4, 10, 0, tzinfo=ZoneInfo("UTC"))


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """The service's clock at NOW, so "by EOD" is not already past when the suite runs late."""
    monkeypatch.setattr(service_module, "utc_now", lambda now: now or NOW)


def _track_dues(card: dict[str, Any]) -> list[str]:
    return re.findall(r'"action": "track_promise"[^}]*?"due": "([^"]+)"', json.dumps(card))


async def test_a_paris_user_gets_eod_at_five_pm_paris_time(teams_bot: TeamsBot) -> None:
    activity = personal_message(teams_bot.connector.url, "I'll send it by EOD.",
                                localTimezone="Europe/Paris")
    assert (await teams_bot.post(activity)).status == 200
    assert teams_bot.service.get_settings(ADA).tz == "Europe/Paris"
    [reply] = teams_bot.connector.messages()
    [due] = _track_dues(reply.card)
    local = datetime.fromisoformat(due).astimezone(PARIS)
    assert local == datetime(2026, 3, 4, 17, 0, tzinfo=PARIS)
    assert "Wed 4 Mar 2026, 17:00" in reply.card_json  # the card shows it in Paris time too
    await teams_bot.post(card_submit(teams_bot.connector.url,
                                     {"action": "track_promise", "text": "I'll send it by EOD",
                                      "due": due}, localTimezone="Europe/Paris"))
    [promise] = teams_bot.service.open_promises(ADA)
    assert promise.due is not None
    assert promise.due == datetime(2026, 3, 4, 17, 0, tzinfo=PARIS)
    assert teams_bot.service.digest_for(ADA).tz == "Europe/Paris"


async def test_a_zone_already_chosen_is_kept(teams_bot: TeamsBot) -> None:
    teams_bot.service.update_settings(ADA, tz="America/New_York")
    await teams_bot.post(personal_message(teams_bot.connector.url, "I'll send it by EOD.",
                                          localTimezone="Europe/Paris"))
    assert teams_bot.service.get_settings(ADA).tz == "America/New_York"
    [reply] = teams_bot.connector.messages()
    [due] = _track_dues(reply.card)
    new_york = ZoneInfo("America/New_York")
    assert datetime.fromisoformat(due) == datetime(2026, 3, 4, 17, 0, tzinfo=new_york)


async def test_an_invalid_or_missing_zone_changes_nothing(teams_bot: TeamsBot) -> None:
    url = teams_bot.connector.url
    draft = "I'll send it by EOD."
    await teams_bot.post(personal_message(url, draft, localTimezone="Mars/Olympus"))
    await teams_bot.post(personal_message(url, "I'll send it by EOD."))
    assert teams_bot.service.get_settings(ADA).tz == "UTC"
    assert len(teams_bot.connector.messages()) == 2  # both still coached


async def test_the_message_extension_adopts_the_zone_before_coaching(teams_bot: TeamsBot) -> None:
    invoke = extension_invoke(
        teams_bot.connector.url, "composeExtension/submitAction",
        {"commandId": "coachDraft", "commandContext": "compose",
         "data": {"action": "coach_draft", "draft": "I'll send it by EOD."}},
        localTimezone="Europe/Paris",
    )
    answer = await teams_bot.invoke(invoke)
    assert teams_bot.service.get_settings(ADA).tz == "Europe/Paris"
    assert ", 17:00" in json.dumps(answer["task"]["value"]["card"])


def test_client_timezone_reads_only_real_iana_names() -> None:
    from botbuilder.schema import Activity

    assert client_timezone(Activity(local_timezone="Europe/Paris")) == "Europe/Paris"
    assert client_timezone(Activity(local_timezone="Nowhere/Land")) is None
    assert client_timezone(Activity(local_timezone="../../etc/passwd")) is None
    assert client_timezone(Activity(local_timezone="")) is None
    assert client_timezone(Activity()) is None
