"""The coaching card says what the coach found: quotes, reasons, suggestions, promises."""

from __future__ import annotations

import json

from bot.teams.cards.coaching import coaching_card, flag_label
from tests.teams.cards import samples


def _texts(card: dict) -> str:
    return json.dumps(card, ensure_ascii=False)


def test_each_flag_shows_its_quote_reason_and_suggestion() -> None:
    body = _texts(coaching_card(samples.coach_result()).card)
    assert "**Hard no**: “We can't refund that.”" in body
    assert "A flat no with nothing after it." in body
    assert "Try: within the hour" in body


def test_the_rewrite_is_in_its_own_copyable_block() -> None:
    card = coaching_card(samples.coach_result()).card
    container = next(e for e in card["body"] if e.get("style") == "emphasis")
    block = container["items"][0]
    assert block["id"] == "rewrite"
    assert block["text"].startswith("We can't refund the order, but")


def test_each_promise_has_a_track_button_carrying_its_due_time() -> None:
    card = coaching_card(samples.coach_result(), tz="Europe/Paris").card
    rows = [e for e in card["body"] if str(e.get("id", "")).startswith("promise-")]
    assert len(rows) == 2
    buttons = [r["columns"][1]["items"][0]["actions"][0] for r in rows]
    assert [b["title"] for b in buttons] == ["Track", "Track"]
    assert buttons[0]["data"] == {"action": "track_promise", "text": "I'll get right back to you"}
    assert buttons[1]["data"]["due"] == "2026-03-04T15:00:00+00:00"
    assert "due Wed 4 Mar 2026, 16:00" in json.dumps(rows[1])  # shown in the user's zone


def test_a_clean_draft_says_so_and_the_fallback_text_too() -> None:
    message = coaching_card(samples.coach_result(flags=0, rewrite=None))
    assert "Looks good" in message.text
    assert "Looks good" in message.card["fallbackText"]


def test_the_fallback_names_the_flags_and_the_rewrite() -> None:
    message = coaching_card(samples.coach_result())
    assert "3 things to fix" in message.text
    assert "Vague promise" in message.text
    assert "Suggested rewrite: We can't refund the order" in message.text


def test_flag_labels_read_like_words() -> None:
    assert flag_label("no_next_step") == "No next step"


def test_focus_codes_come_first() -> None:
    card = coaching_card(samples.coach_result(), focus=("shouting",)).card
    first_flag = next(e for e in card["body"] if e.get("type") == "Container")
    assert first_flag["items"][0]["text"].startswith("**Shouting**")


def test_without_track_buttons_promises_are_plain_lines() -> None:
    card = coaching_card(samples.coach_result(), track_buttons=False).card
    text = json.dumps(card, ensure_ascii=False)
    assert "Promises in this reply" in text and "no concrete time yet" in text
    assert "track_promise" not in text
