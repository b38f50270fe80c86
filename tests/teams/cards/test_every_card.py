"""Every card the bot can send is valid Adaptive Card 1.5 and fits in a Teams message."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.teams.cards.coaching import coaching_card
from bot.teams.cards.common import CARD_BUDGET_BYTES, CardMessage, card_bytes
from bot.teams.cards.digest import digest_card
from bot.teams.cards.extension import (
    draft_dialog_card,
    extension_result_card,
    inserted_reply_card,
)
from bot.teams.cards.help import (
    error_card,
    help_card,
    private_only_card,
    too_complex_card,
    unknown_command_card,
)
from bot.teams.cards.incidents import (
    customer_history_card,
    incident_form_card,
    incident_logged_card,
    incidents_card,
)
from bot.teams.cards.promises import promise_tracked_card, promises_card
from bot.teams.cards.soften import soften_form_card, softened_card
from tests.teams.card_schema import assert_valid_card
from tests.teams.cards import samples

MESSAGES: dict[str, Callable[[], CardMessage]] = {
    "coaching": lambda: coaching_card(samples.coach_result(), tz="Europe/Paris"),
    "coaching, clean draft": lambda: coaching_card(samples.coach_result(flags=0, rewrite=None)),
    "coaching, with customer": lambda: coaching_card(samples.coach_result(), customer="Acme"),
    "soften form": soften_form_card,
    "soften form, refilled": lambda: soften_form_card(
        values={"asked_for": "a refund", "why_not": "", "alternatives": "credit"},
        error="Tell me why not."),
    "softened": lambda: softened_card("No refund, but credit. Which?", asked_for="a refund"),
    "incident form": incident_form_card,
    "incident form, refilled": lambda: incident_form_card(
        values={"customer": "Acme", "due_date": "2026-03-05", "due_time": "15:00",
                "severity": "high", "kind": "problem_customer"}, error="Say what happened."),
    "incident logged": lambda: incident_logged_card(samples.incident(), tz="UTC"),
    "incidents": lambda: incidents_card([samples.incident(1), samples.incident(2)], tz="UTC"),
    "no incidents": lambda: incidents_card([], tz="UTC", customer="Acme"),
    "history, problem customer": lambda: customer_history_card(samples.history(), tz="UTC"),
    "history, customer with a problem": lambda: customer_history_card(
        samples.history(problem=False), tz="UTC"),
    "promises": lambda: promises_card(
        [samples.promise(1), samples.promise(2, due=None)], tz="UTC", now=samples.NOW,
        note="Marked kept: call back"),
    "no promises": lambda: promises_card([], tz="UTC", now=samples.NOW),
    "promise tracked": lambda: promise_tracked_card(samples.promise(), tz="UTC"),
    "digest": lambda: digest_card(samples.digest(), text="Your digest", preview=True),
    "help": help_card,
    "error": lambda: error_card("That did not work."),
    "unknown command": lambda: unknown_command_card("promsies", "promises"),
    "private only, with link": lambda: private_only_card(
        "promises", "https://teams.microsoft.com/l/chat/0/0?users=28:abc"),
    "private only, no link": lambda: private_only_card("incidents", None),
    "too complex": lambda: too_complex_card("That draft is too complex to coach quickly."),
}

DIALOGS = {
    "draft dialog": lambda: draft_dialog_card(),
    "reply dialog": lambda: draft_dialog_card(customer_message="Where is my order?",
                                              draft="Soon", error="Too short"),
    "extension result": lambda: extension_result_card(samples.coach_result(), tz="UTC",
                                                      customer_message="Where is it?"),
    "extension result, reply with link": lambda: extension_result_card(
        samples.coach_result(), tz="UTC", customer_message="Where is it?",
        source_link="https://teams.microsoft.com/l/message/19:a/1", customer="Casey"),
    "extension result, compose box": lambda: extension_result_card(samples.coach_result(),
                                                                   tz="UTC"),
    "reply dialog with link": lambda: draft_dialog_card(
        customer_message="Where?", source_link="https://teams.microsoft.com/l/message/19:a/1",
        customer="Casey"),
    "inserted reply": lambda: inserted_reply_card("Thanks for telling us."),
}


@pytest.mark.parametrize("name", sorted(MESSAGES))
def test_message_card_is_valid_and_small(name: str) -> None:
    message = MESSAGES[name]()
    assert_valid_card(message.card)
    assert message.text.strip()
    assert card_bytes(message.card) < CARD_BUDGET_BYTES


@pytest.mark.parametrize("name", sorted(DIALOGS))
def test_dialog_card_is_valid(name: str) -> None:
    assert_valid_card(DIALOGS[name]())


def test_the_validator_rejects_a_broken_card() -> None:
    broken = help_card().card
    broken["body"].append({"type": "TextBlock", "text": "x", "colour": "Good"})
    with pytest.raises(AssertionError):
        assert_valid_card(broken)


def test_a_huge_result_still_fits_in_one_message() -> None:
    long_text = "We can't do that. " * 2000
    result = samples.coach_result(flags=300, rewrite=long_text, text=long_text)
    message = coaching_card(result)
    assert_valid_card(message.card)
    assert card_bytes(message.card) < CARD_BUDGET_BYTES
