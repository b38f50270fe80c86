"""Message extensions: the dialog, the coaching inside it, the insert, all within 5 seconds."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

from bot.config import Settings
from tests.teams.card_schema import assert_valid_card
from tests.teams.conftest import TeamsBot, extension_invoke

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


def _message_payload() -> dict[str, Any]:
    return {"messagePayload": {
        "id": "1700000000001", "messageType": "message",
        "body": {"contentType": "html", "content": CUSTOMER_HTML},
        "from": {"user": {"id": "29:customer", "displayName": "Casey Customer"}},
    }, "commandContext": "message"}


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
    assert "Vague commitment" in str(card)


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
        started = time.monotonic()
        answer = await teams_bot.invoke(_submit(
            teams_bot, "coachDraft", {"action": "coach_draft", "draft": "I'll fix it ASAP."}))
        elapsed = time.monotonic() - started
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert elapsed < 4.5
    assert "Vague commitment" in str(_dialog_card(answer))
