"""Wording the user reads: the digest card says what its text says, undated promises plainly."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from bot.coach.labels import flag_label as shared_label
from bot.digest.render import digest_text
from bot.teams.cards.coaching import coaching_card, flag_label
from bot.teams.cards.digest import digest_card
from bot.teams.cards.promises import promise_tracked_card
from tests.teams.cards import samples


def _subtle_texts(card: dict) -> list[str]:
    return [e["text"] for e in card["body"] if e.get("type") == "TextBlock"]


@pytest.mark.parametrize(
    ("kept", "incidents", "words"),
    [
        (0, 0, "Last 7 days: 0 promises kept, 0 incidents logged."),
        (1, 1, "Last 7 days: 1 promise kept, 1 incident logged."),
        (2, 3, "Last 7 days: 2 promises kept, 3 incidents logged."),
    ],
)
def test_the_digest_card_counts_like_its_text(kept: int, incidents: int, words: str) -> None:
    data = replace(samples.digest(), kept_last_week=kept, incidents_last_week=incidents)
    text = digest_text(data)
    card = digest_card(data, text=text).card
    assert words in _subtle_texts(card)
    assert words in text  # the same words as the plain-text digest
    assert "Last week" not in json.dumps(card) and "(s)" not in json.dumps(card)


def test_a_tracked_promise_without_a_date_says_no_date_yet_and_nothing_more() -> None:
    message = promise_tracked_card(samples.promise(due=None), tz="UTC")
    body = json.dumps(message.card, ensure_ascii=False)
    assert "No date yet. It will be in your weekly digest until it is kept." in body
    assert message.text == "Tracking: Call back about order 1 (no date yet)"
    assert "add one" not in body and "add one" not in message.text
    assert "due no date" not in body and "due no date" not in message.text


def test_a_tracked_promise_with_a_date_shows_it() -> None:
    message = promise_tracked_card(samples.promise(), tz="Europe/Paris")
    assert "Due Tue 3 Mar 2026, 11:00. It will be" in json.dumps(message.card, ensure_ascii=False)
    assert message.text == "Tracking: Call back about order 1 (due Tue 3 Mar 2026, 11:00)"


def test_flag_labels_are_the_shared_ones() -> None:
    assert flag_label is shared_label
    body = json.dumps(coaching_card(samples.coach_result()).card, ensure_ascii=False)
    assert "**Vague promise**: “I'll get right back to you”" in body
    assert "Vague commitment" not in body


def test_the_rewrite_is_alone_in_its_block_so_select_all_copies_just_it() -> None:
    card = coaching_card(samples.coach_result()).card
    container = next(e for e in card["body"] if e.get("style") == "emphasis")
    assert len(container["items"]) == 1
    block = container["items"][0]
    assert block["type"] == "TextBlock" and block["id"] == "rewrite"
    assert block["text"] == samples.coach_result().rewrite
    assert "copy" in json.dumps(card["body"]).lower()
