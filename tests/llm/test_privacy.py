"""Private details are replaced before a draft leaves the process, and put back after."""

from __future__ import annotations

import pytest

from bot.llm.privacy import Placeholders


@pytest.mark.parametrize("text, hidden", [
    ("Mail jane.doe@example.com today", "Mail [EMAIL_1] today"),
    ("Call +44 20 7946 0958.", "Call [PHONE_1]."),
    ("Call (415) 555-0199 or 555-123-4567", "Call [PHONE_1] or [PHONE_2]"),
    ("Card 4111 1111 1111 1111 was charged", "Card [CARD_1] was charged"),
    ("IBAN GB29 NWBK 6016 1331 9268 19 please", "IBAN [ACCOUNT_1] please"),
    ("account number: 12345678", "account number: [ACCOUNT_1]"),
])
def test_private_details_become_placeholders_and_come_back(text: str, hidden: str) -> None:
    placeholders = Placeholders()
    assert placeholders.hide(text) == hidden
    assert placeholders.restore(hidden) == text


@pytest.mark.parametrize("text", [
    "Order 4521 ships on 2026-12-05 between 10:00-12:00 for $1,250.00",
    "Ticket INC-2291, 15% off, version 3.12.1",
    "A card-like 4111 1111 1111 1112 that fails the Luhn check",
])
def test_ordinary_numbers_dates_and_amounts_are_left_alone(text: str) -> None:
    assert Placeholders().hide(text) == text


def test_the_same_value_keeps_one_placeholder_across_draft_and_customer_message() -> None:
    placeholders = Placeholders()
    assert placeholders.hide("write to a@b.co") == "write to [EMAIL_1]"
    assert placeholders.hide("I wrote to a@b.co and c@d.co") == (
        "I wrote to [EMAIL_1] and [EMAIL_2]"
    )


def test_a_placeholder_the_model_made_up_is_left_for_the_guardrails() -> None:
    placeholders = Placeholders()
    placeholders.hide("mail a@b.co")
    assert placeholders.restore("mail [EMAIL_1] or [EMAIL_7]") == "mail a@b.co or [EMAIL_7]"
