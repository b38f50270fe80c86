"""Card buttons (Action.Submit) arrive as messages with `value`; forms update in place."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

from bot.service import Actor
from tests.teams.conftest import TENANT, MockConnector, Sent, TeamsBot, card_submit

ADA = Actor("teams", TENANT, "00000000-0000-0000-0000-0000000000ad")
CARD_ID = "bot-msg-41"


async def _press(bot: TeamsBot, value: dict[str, Any], **extra: Any) -> Sent:
    before = len(bot.connector.sent)
    response = await bot.post(card_submit(bot.connector.url, value, reply_to=CARD_ID, **extra))
    assert response.status == 200
    [sent] = bot.connector.sent[before:]
    return sent


async def test_track_turns_a_found_promise_into_a_tracked_one(teams_bot: TeamsBot) -> None:
    due = (datetime.now(UTC) + timedelta(hours=5)).replace(microsecond=0)
    sent = await _press(teams_bot, {"action": "track_promise", "text": "I'll call you by 3pm",
                                    "due": due.isoformat(), "customer": "Acme"})
    assert sent.method == "POST" and "Promise tracked" in sent.card_json
    [promise] = teams_bot.service.open_promises(ADA)
    assert (promise.text, promise.due, promise.customer) == ("I'll call you by 3pm", due, "Acme")


async def test_mark_kept_updates_the_promises_card_in_place(teams_bot: TeamsBot) -> None:
    promise = teams_bot.service.track_promise(ADA, text="Send the refund form")
    other = teams_bot.service.track_promise(ADA, text="Call back Monday")
    sent = await _press(teams_bot, {"action": "close_promise", "promise_id": promise.id,
                                    "status": "kept"})
    assert sent.method == "PUT"
    assert sent.path.endswith(f"/activities/{CARD_ID}")
    assert "Marked kept: Send the refund form" in sent.card_json
    assert "Call back Monday" in sent.card_json
    assert [p.id for p in teams_bot.service.open_promises(ADA)] == [other.id]


async def test_cancel_closes_the_promise_as_cancelled(teams_bot: TeamsBot) -> None:
    promise = teams_bot.service.track_promise(ADA, text="Visit on site")
    sent = await _press(teams_bot, {"action": "close_promise", "promise_id": promise.id,
                                    "status": "cancelled"})
    assert "Cancelled: Visit on site" in sent.card_json
    assert teams_bot.service.open_promises(ADA) == []


async def test_a_promise_of_another_tenant_cannot_be_closed(teams_bot: TeamsBot) -> None:
    theirs = teams_bot.service.track_promise(Actor("teams", "other", "x"), text="Theirs")
    sent = await _press(teams_bot, {"action": "close_promise", "promise_id": theirs.id,
                                    "status": "kept"})
    assert sent.method == "POST" and "Attention" in sent.card_json
    assert len(teams_bot.service.open_promises(Actor("teams", "other", "x"))) == 1


async def test_the_incident_form_saves_and_replaces_itself(teams_bot: TeamsBot) -> None:
    sent = await _press(teams_bot, {
        "action": "log_incident", "customer": "Acme Corp", "what_happened": "Threatened to leave",
        "what_agreed": "Credit note by Friday", "due_date": "2030-03-08", "due_time": "15:30",
        "severity": "high", "kind": "problem_customer",
    })
    assert sent.method == "PUT" and "Logged: Acme Corp" in sent.card_json
    [incident] = teams_bot.service.list_incidents(ADA)
    assert (incident.severity, incident.kind, incident.what_agreed) == (
        "high", "problem_customer", "Credit note by Friday")
    [promise] = teams_bot.service.open_promises(ADA)
    assert promise.due == datetime(2030, 3, 8, 15, 30, tzinfo=UTC)


async def test_an_incomplete_form_comes_back_filled_in_with_the_error(teams_bot: TeamsBot) -> None:
    sent = await _press(teams_bot, {"action": "log_incident", "customer": "",
                                    "what_happened": "They hung up", "severity": "low"})
    assert sent.method == "PUT"
    assert "Name the customer" in sent.card_json
    assert '"value": "They hung up"' in sent.card_json
    assert '"value": "low"' in sent.card_json
    assert teams_bot.service.list_incidents(ADA) == []


async def test_a_retried_form_submit_logs_one_incident(teams_bot: TeamsBot) -> None:
    value = {"action": "log_incident", "customer": "Acme", "what_happened": "Shouted"}
    activity = card_submit(teams_bot.connector.url, value, reply_to=CARD_ID)
    await teams_bot.post(activity)
    await teams_bot.post(activity)
    assert len(teams_bot.service.list_incidents(ADA)) == 1
    assert len(teams_bot.connector.sent) == 1


async def test_the_soften_form_writes_a_softened_no(teams_bot: TeamsBot) -> None:
    form = await _press(teams_bot, {"action": "open_soften_form"})
    assert '"id": "alternatives"' in form.card_json
    sent = await _press(teams_bot, {
        "action": "soften", "asked_for": "a refund after 60 days",
        "why_not": "refunds close after 30 days", "alternatives": "store credit\n- a free repair",
    })
    assert sent.method == "PUT" and "Your softened reply" in sent.card_json
    softened = next(
        item["text"] for element in sent.card["body"] if element.get("type") == "Container"
        for item in element["items"]
    )
    assert "store credit" in softened and "repair" in softened


async def test_the_soften_form_needs_what_and_why(teams_bot: TeamsBot) -> None:
    sent = await _press(teams_bot, {"action": "soften", "asked_for": "a refund"})
    assert "Tell me what they asked for and why not" in sent.card_json
    assert '"value": "a refund"' in sent.card_json


async def test_customer_history_button(teams_bot: TeamsBot) -> None:
    teams_bot.service.log_incident(ADA, customer="Acme", what_happened="Refused delivery")
    sent = await _press(teams_bot, {"action": "customer_history", "customer": "Acme"})
    assert "History: Acme" in sent.card_json and "Refused delivery" in sent.card_json


async def test_buttons_that_open_things(teams_bot: TeamsBot) -> None:
    assert '"id": "customer"' in (await _press(
        teams_bot, {"action": "open_log_form", "customer": "Acme"})).card_json
    assert "Your open promises" in (await _press(
        teams_bot, {"action": "show_promises"})).card_json


async def test_an_unknown_or_malformed_button_gets_a_friendly_error(teams_bot: TeamsBot) -> None:
    for value in ({"action": "launch_rockets"}, {"action": "close_promise", "promise_id": "x"},
                  {"action": "track_promise"}):
        sent = await _press(teams_bot, value)
        assert sent.method == "POST"
        assert '"color": "Attention"' in sent.card_json, value


async def test_when_the_card_is_gone_the_answer_is_a_new_message(
    teams_bot: TeamsBot, connector: MockConnector
) -> None:
    connector.fail_updates = True
    await teams_bot.post(card_submit(connector.url, {"action": "soften"}, reply_to=CARD_ID))
    methods = [s.method for s in connector.sent]
    assert methods == ["PUT", "POST"]
    assert "Tell me what they asked for" in json.dumps(connector.sent[-1].body)
