"""A request to the customer makes what follows an offer they trigger, not a promise."""

from __future__ import annotations

import pytest

from bot.coach.detect.asks import asks_customer

ASKS = [
    "Can you DM us your account's email address or username?",
    "Send us a DM with your order number.",
    "Please share your details here: https://example.com/form",
    "Hi Rachel, what's your local store?",
    "Pop us a DM and we'll check it out!",
    "@115838 Provide your details here: xxxxxxxx",
    "pls let us know which stop you were at",
]

DOES_NOT_ASK = [
    "Please bear with us",
    "Give me a sec",
    "Please be assured we're doing all we can.",
    "We're sorry for the wait.",
    "Thank you for speaking with us last night.",
    "Hang tight, we're on it.",
    "Pls allow me a few mins to look into this for you.",
    "",
]


@pytest.mark.parametrize("sentence", ASKS)
def test_requests_and_questions_hand_the_next_move_to_the_customer(sentence: str) -> None:
    assert asks_customer(sentence)


@pytest.mark.parametrize("sentence", DOES_NOT_ASK)
def test_patience_and_reassurance_ask_nothing_of_the_customer(sentence: str) -> None:
    assert not asks_customer(sentence)
