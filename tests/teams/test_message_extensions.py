"""Message extensions: the dialog, the coaching inside it, the insert, and what it records."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from bot.config import Settings
from bot.service import Actor
from tests.teams.card_schema import assert_valid_card
from tests.teams.conftest import TENANT, TeamsBot, extension_invoke

ADA = Actor("teams", TENANT, "00000000-0000-0000-0000-0000000000ad")
LINK = "https://teams.microsoft.com/l/message/19:abc@thread.v2/1700000000001?context=%7B%7D"

CUSTOMER_HTML = "<p>Where is my order?? This is the <b>third</b> time I&#39;m asking!</p>"


def _fetch(bot: TeamsBot, command: str, **value: Any) -> dict[str, Any]:
    return extension_invoke(bot.connector.url, "composeExtension/fetchTask",
                            {"commandId": command, "commandContext": "compose",
                             "context": {"theme": "default"}, "data": {}, **value})


def _submit(bot: TeamsBot, command: str, data: dict[str, Any], **value: Any) -> dict[str, Any]:
    return extension_invoke(bot.connector.url, "composeExtension/submitAction",
                            {"commandId": command, "commandContext": "compose", "data": data,
                             **value})


def _dialog_card(answer: dict[str, Any]) -> dict[str, Any]:
    assert answer["task"]["type"] == "continue"
    attachment = answer["task"]["value"]["card"]
    assert attachment["contentType"] == "application/vnd.microsoft.card.adaptive"
    card: dict[str, Any] = attachment["content"]
    assert_valid_card(card)
    return card


def _message_payload(**extra: Any) -> dict[str, Any]:
    return {"messagePayload": {
        "id": "1700000000001", "messageType": "message",
        "body": {"contentType": "html", "content": CUSTOMER_HTML},
        "from": {"user": {"id": "29:customer", "displayName": "Casey Customer"}},
        **extra,
    }, "commandContext": "message"}


def _button(card: dict[str, Any], title: str) -> dict[str, Any]:
    data: dict[str, Any] = next(a for a in card["actions"] if a["title"] == title)["data"]
    return data


async def test_coach_this_draft_opens_a_dialog_with_a_text_area(teams_bot: TeamsBot) -> None:
    card = _dialog_card(await teams_bot.invoke(_fetch(teams_bot, "coachDraft")))
    [box] = [e for e in card["body"] if e["type"] == "Input.Text"]
    assert box["id"] == "draft" and box["isMultiline"] is True
    assert card["actions"][0]["data"] == {"action": "coach_draft"}


async def test_coach_a_reply_shows_the_customers_message(teams_bot: TeamsBot) -> None:
    answer = await teams_bot.invoke(_fetch(teams_bot, "coachReply", **_message_payload()))
    card = _dialog_card(answer)
    shown = card["body"][1]["items"][0]["text"]
    assert shown == "Where is my order?? This is the third time I'm asking!"
    assert card["actions"][0]["data"]["customer_message"] == shown


async def test_submitting_a_draft_shows_coaching_and_offers_the_rewrite(
    teams_bot: TeamsBot,
) -> None:
    draft = "We can't refund that. I'll get back to you ASAP."
    answer = await teams_bot.invoke(_submit(teams_bot, "coachDraft",
                                            {"action": "coach_draft", "draft": draft}))
    card = _dialog_card(answer)
    titles = [a["title"] for a in card["actions"]]
    assert titles[0] == "Insert the rewrite"
    assert "Insert my draft as written" in titles
    rewrite = card["actions"][0]["data"]["reply"]
    assert rewrite and rewrite != draft
    assert "Vague promise" in str(card)


async def test_insert_puts_the_reply_in_the_compose_box(teams_bot: TeamsBot) -> None:
    answer = await teams_bot.invoke(_submit(
        teams_bot, "coachDraft", {"action": "insert_reply", "reply": "Thanks for flagging it."}))
    result = answer["composeExtension"]
    assert (result["type"], result["attachmentLayout"]) == ("result", "list")
    [attachment] = result["attachments"]
    assert_valid_card(attachment["content"])
    assert attachment["content"]["body"][0]["text"] == "Thanks for flagging it."


async def test_the_reply_action_keeps_the_customers_message_through_edits(
    teams_bot: TeamsBot,
) -> None:
    data = {"action": "coach_draft", "draft": "Calm down, we will see.",
            "customer_message": "Where is my order??"}
    card = _dialog_card(await teams_bot.invoke(_submit(teams_bot, "coachReply", data)))
    edit = next(a for a in card["actions"] if a["title"] == "Edit the draft")
    assert edit["data"]["customer_message"] == "Where is my order??"
    again = _dialog_card(await teams_bot.invoke(_submit(teams_bot, "coachReply", edit["data"])))
    assert "Where is my order??" in str(again["body"])
    assert next(e for e in again["body"] if e["type"] == "Input.Text")["value"] == (
        "Calm down, we will see.")


async def test_an_empty_draft_returns_the_dialog_with_a_hint(teams_bot: TeamsBot) -> None:
    card = _dialog_card(await teams_bot.invoke(
        _submit(teams_bot, "coachDraft", {"action": "coach_draft", "draft": "   "})))
    assert "Write the reply you want coached." in str(card)


async def test_a_retried_submit_records_one_coaching_event(teams_bot: TeamsBot,
                                                         teams_settings: Settings) -> None:
    activity = _submit(teams_bot, "coachDraft", {"action": "coach_draft", "draft": "No."})
    await teams_bot.invoke(activity)
    await teams_bot.invoke(activity)
    path = teams_settings.database_url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as db:
        tables = [r[0] for r in db.execute("select name from sqlite_master where type='table'")]
        events = next(t for t in tables if "coach" in t)
        assert db.execute(f"select count(*) from {events}").fetchone()[0] == 1


async def test_a_locked_database_still_gets_coaching_within_five_seconds(
    teams_bot: TeamsBot, teams_settings: Settings
) -> None:
    path = Path(teams_settings.database_url.removeprefix("sqlite:///"))
    blocker = sqlite3.connect(path, isolation_level=None, timeout=1)
    blocker.execute("BEGIN IMMEDIATE")  # another writer holds the database
    try:
        answer = await teams_bot.invoke(_submit(
            teams_bot, "coachDraft", {"action": "coach_draft", "draft": "I'll fix it ASAP."}))
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert "Vague promise" in str(_dialog_card(answer))


async def test_a_draft_too_slow_to_coach_gets_a_friendly_answer(
    teams_bot: TeamsBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from bot.service import bridge
    from bot.teams import extension

    release = threading.Event()

    def stuck(*args: Any, **kwargs: Any) -> Any:
        release.wait(10)
        raise RuntimeError("released")

    monkeypatch.setattr(teams_bot.service, "coach", stuck)
    monkeypatch.setattr(bridge, "rules_coach", stuck)
    monkeypatch.setattr(extension, "INVOKE_DB_BUDGET", 0.05)
    monkeypatch.setattr(extension, "INVOKE_DEADLINE", 0.2)
    try:
        answer = await teams_bot.invoke(_submit(
            teams_bot, "coachDraft", {"action": "coach_draft", "draft": "A very long draft."}))
    finally:
        release.set()
    card = _dialog_card(answer)
    assert "too complex to coach quickly" in str(card)
    assert next(e for e in card["body"] if e["type"] == "Input.Text")["value"] == (
        "A very long draft.")


async def test_coach_a_reply_keeps_the_link_to_the_customers_message(
    teams_bot: TeamsBot,
) -> None:
    """linkToMessage rides in the dialog's data to the promises and the incident it records."""
    opened = _dialog_card(await teams_bot.invoke(
        _fetch(teams_bot, "coachReply", **_message_payload(linkToMessage=LINK))))
    coach = _button(opened, "Coach it")
    assert (coach["source_link"], coach["customer"]) == (LINK, "Casey Customer")
    draft = "Sorry! I'll call you by 3pm today and send the refund form tomorrow."
    result = _dialog_card(await teams_bot.invoke(
        _submit(teams_bot, "coachReply", {**coach, "draft": draft})))
    toggles = {e["id"]: e for e in _inputs(result) if e["type"] == "Input.Toggle"}
    assert {"track_0", "log_incident"} <= set(toggles)
    insert = _button(result, "Insert my draft as written")
    assert insert["source_link"] == LINK and insert["promises"]
    assert _button(result, "Edit the draft")["source_link"] == LINK
    # Teams sends the inputs' values with the pressed button's data.
    pressed = {**insert, "track_0": "true", "log_incident": "true", "customer": "Casey Customer"}
    answer = await teams_bot.invoke(_submit(teams_bot, "coachReply", pressed))
    assert answer["composeExtension"]["attachments"][0]["content"]["body"][0]["text"] == draft
    [promise] = teams_bot.service.open_promises(ADA)
    assert promise.text == insert["promises"][0]["text"]
    assert (promise.source_link, promise.customer) == (LINK, "Casey Customer")
    [incident] = teams_bot.service.list_incidents(ADA)
    assert (incident.source_link, incident.customer) == (LINK, "Casey Customer")
    assert "third" in incident.what_happened


async def test_nothing_is_recorded_when_nothing_is_ticked(teams_bot: TeamsBot) -> None:
    opened = _dialog_card(await teams_bot.invoke(
        _fetch(teams_bot, "coachReply", **_message_payload(linkToMessage=LINK))))
    result = _dialog_card(await teams_bot.invoke(_submit(
        teams_bot, "coachReply", {**_button(opened, "Coach it"),
                                  "draft": "I'll call you by 3pm today."})))
    insert = _button(result, "Insert my draft as written")
    answer = await teams_bot.invoke(_submit(
        teams_bot, "coachReply", {**insert, "track_0": "false", "log_incident": "false"}))
    assert "composeExtension" in answer
    assert teams_bot.service.open_promises(ADA) == []
    assert teams_bot.service.list_incidents(ADA) == []


async def test_a_link_that_is_not_https_is_not_kept(teams_bot: TeamsBot) -> None:
    opened = _dialog_card(await teams_bot.invoke(_fetch(
        teams_bot, "coachReply", **_message_payload(linkToMessage="javascript:alert(1)"))))
    assert "source_link" not in _button(opened, "Coach it")


def _inputs(card: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            if str(value.get("type", "")).startswith("Input."):
                found.append(value)
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(card["body"])
    return found


async def test_when_the_ticks_cannot_be_saved_the_reply_is_not_lost(
    teams_bot: TeamsBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.service import StorageUnavailable

    def down(*args: Any, **kwargs: Any) -> Any:
        raise StorageUnavailable("The database is unreachable; the promise was not saved.")

    monkeypatch.setattr(teams_bot.service, "track_promise", down)
    data = {"action": "insert_reply", "reply": "I'll call you by 3pm today.",
            "promises": [{"text": "I'll call you by 3pm today"}], "track_0": "true",
            "source_link": LINK}
    card = _dialog_card(await teams_bot.invoke(_submit(teams_bot, "coachReply", data)))
    assert "could not save what you ticked" in str(card)
    assert next(e for e in card["body"] if e["type"] == "Input.Text")["value"] == (
        "I'll call you by 3pm today.")
    assert _button(card, "Coach it")["source_link"] == LINK
