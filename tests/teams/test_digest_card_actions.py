"""The weekly digest card in Teams: Kept, Snooze a week, New date and Cancel on every
promise redraw that very card (counts too), once, however often they are pressed or
Teams redelivers them; another tenant's ids are refused. Also `settings` and `team`.
Real Activity JSON posted to /api/messages; the connector is the local mock."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.digest.deliver import deliver_digests
from bot.service import Actor, PromiseView
from bot.teams.digest_sender import TeamsDigestSender
from bot.teams.handler import ToughClientTeamsBot
from tests.teams.conftest import TENANT, Sent, TeamsBot, card_submit, personal_message

ADA = Actor("teams", TENANT, "00000000-0000-0000-0000-0000000000ad")


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


async def send_digest(bot: TeamsBot) -> Sent:
    """Ada talks to the bot once (so it can reach her), then the real weekly round runs."""
    await bot.post(personal_message(bot.connector.url, "help"))
    before = len(bot.connector.messages())
    settings = bot.service.settings
    report = await deliver_digests(
        bot.service, {"teams": TeamsDigestSender.from_service(settings, bot.service)},
        now=datetime.now(UTC), everyone=True,
    )
    assert report.sent == 1, report
    [card] = bot.connector.messages()[before:]
    return card


def buttons(card: dict[str, Any], promise_id: int) -> dict[str, dict[str, Any]]:
    """The row's actions by title; New date's submit is inside its ShowCard."""
    found: dict[str, dict[str, Any]] = {}

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            data = node.get("data")
            if isinstance(data, dict) and data.get("promise_id") == promise_id:
                found[node["title"]] = data
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(card)
    return found


async def press(bot: TeamsBot, data: dict[str, Any], reply_to: str, **extra: Any) -> Sent:
    before = len(bot.connector.sent)
    response = await bot.post(card_submit(bot.connector.url, data, reply_to=reply_to, **extra))
    assert response.status == 200
    [sent] = bot.connector.sent[before:]
    return sent


def track(bot: TeamsBot, text: str, due: datetime | None) -> PromiseView:
    return bot.service.track_promise(ADA, text=text, customer="Acme", due=due)


async def test_every_button_redraws_the_digest_card_in_place(teams_bot: TeamsBot) -> None:
    now = datetime.now(UTC)
    late = track(teams_bot, "send the *revised* quote", now - timedelta(days=2))
    undated = track(teams_bot, "look into the invoice", None)
    extra = track(teams_bot, "visit the site", now + timedelta(days=3))
    digest = await send_digest(teams_bot)
    card_id = digest.body.get("id") or "bot-msg-2"
    shown = dumps(digest.card)
    assert "2 days late" in shown and "send the \\\\*revised\\\\* quote" in shown
    assert "give each one a date" in shown

    kept = await press(teams_bot, buttons(digest.card, late.id)["Kept"], card_id)
    assert kept.method == "PUT" and kept.path.endswith(f"/activities/{card_id}")
    assert "2 open · 0 overdue" in dumps(kept.card)
    assert "Marked kept: send the \\\\*revised\\\\* quote" in dumps(kept.card)

    snooze = buttons(digest.card, extra.id)["Snooze a week"]
    for _ in range(2):  # a double click
        snoozed = await press(teams_bot, snooze, card_id)
        assert snoozed.method == "PUT" and "Snoozed to" in dumps(snoozed.card)
    [moved] = [p for p in teams_bot.service.open_promises(ADA) if p.id == extra.id]
    assert moved.due == datetime.fromisoformat(snooze["until"])
    assert moved.due.date() == (extra.due + timedelta(days=7)).date()

    picked = (date.today() + timedelta(days=9)).isoformat()
    new_date = {**buttons(digest.card, undated.id)["Set the date"], f"due_{undated.id}": picked}
    dated = await press(teams_bot, new_date, card_id)
    assert "New date" in dumps(dated.card) and "No date yet" not in dumps(dated.card)
    [now_dated] = [p for p in teams_bot.service.open_promises(ADA) if p.id == undated.id]
    assert now_dated.due is not None
    assert now_dated.due.astimezone(ZoneInfo("UTC")).date().isoformat() == picked

    cancel = buttons(digest.card, extra.id)["Cancel"]
    await press(teams_bot, cancel, card_id)
    redelivered = card_submit(teams_bot.connector.url, cancel, reply_to=card_id, id="retry-1")
    before = len(teams_bot.connector.sent)
    await teams_bot.post(redelivered)
    await teams_bot.post(redelivered)  # Teams retries the same activity id: answered once
    assert len(teams_bot.connector.sent) == before + 1
    assert [p.id for p in teams_bot.service.open_promises(ADA)] == [undated.id]
    assert teams_bot.service.export_records().promises[0].status == "kept"


async def test_another_tenants_promise_is_refused_on_every_button(teams_bot: TeamsBot) -> None:
    other = Actor("teams", "another-tenant", ADA.user_id)
    theirs = teams_bot.service.track_promise(other, text="Theirs")
    until = (datetime.now(UTC) + timedelta(days=7)).isoformat()
    day = (date.today() + timedelta(days=2)).isoformat()
    for data in (
        {"action": "close_promise", "promise_id": theirs.id, "status": "kept"},
        {"action": "snooze_promise", "promise_id": theirs.id, "until": until},
        {"action": "reschedule_promise", "promise_id": theirs.id, f"due_{theirs.id}": day},
        {"action": "close_promise", "promise_id": theirs.id, "status": "cancelled"},
    ):
        sent = await press(teams_bot, {**data, "surface": "digest"}, "bot-msg-9")
        assert sent.method == "POST" and f"You have no promise #{theirs.id} here." in sent.card_json
    [still] = teams_bot.service.open_promises(other)
    assert (still.status, still.due) == ("open", None)


async def test_settings_changes_the_digest_hour_in_the_persons_own_zone(
    teams_bot: TeamsBot,
) -> None:
    await teams_bot.post(personal_message(teams_bot.connector.url, "settings day friday hour 16",
                                          localTimezone="Europe/Paris"))
    said = teams_bot.connector.messages()[-1].card_json
    assert "Fridays at 16:00 (Europe/Paris)" in said  # the Teams client's zone
    await teams_bot.post(personal_message(teams_bot.connector.url, "settings hour 25"))
    assert "not an hour from 0 to 23" in teams_bot.connector.messages()[-1].card_json
    chosen = teams_bot.service.get_settings(ADA)
    assert (chosen.digest_day, chosen.digest_hour, chosen.tz) == (4, 16, "Europe/Paris")


async def test_team_trends_are_for_tenant_admins_and_off_until_one_turns_them_on(
    teams_bot: TeamsBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def say(text: str) -> str:
        await teams_bot.post(personal_message(teams_bot.connector.url, text))
        return teams_bot.connector.messages()[-1].card_json

    assert "for workspace admins and owners" in await say("team")
    assert "for workspace admins and owners" in await say("team on")
    settings = replace(teams_bot.service.settings, teams_admins=frozenset({ADA.user_id}))
    monkeypatch.setattr(ToughClientTeamsBot, "is_tenant_admin",
                        lambda self, activity: activity.from_property.aad_object_id
                        in settings.teams_admins)
    assert "Team trends are off" in await say("team")
    assert "Team trends are on" in await say("team on")
    teams_bot.service.log_incident(ADA, customer="Acme", what_happened="shouted",
                                   kind="problem_customer")
    shown = await say("team")
    assert "Promises kept on time per week" in shown and "problem customer" in shown
    assert "Acme" not in shown and "shouted" not in shown  # aggregates only
