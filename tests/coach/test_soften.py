"""The "soften a no" form's builder: the refusal kept, a reason, alternatives, a choice."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.coach import coach_draft
from bot.coach.rewrite.soften import choice_sentences, soften_refusal


def test_full_answers_make_a_complete_reply() -> None:
    reply = soften_refusal(
        "extend the deadline",
        "the printer is booked solid until the 20th",
        ["finish by next Friday", "add staff at a revised quote"],
    )
    assert reply == (
        "I'm sorry, but we can't extend the deadline. The reason is that the printer is booked "
        "solid until the 20th. Here's what we can do instead: finish by next Friday or add "
        "staff at a revised quote. Which would you prefer?"
    )


def test_a_noun_request_reads_naturally() -> None:
    reply = soften_refusal("A full refund.", "Because the item was used", ["Store credit"])
    assert reply.startswith("I'm sorry, but we can't offer a full refund. That's because the "
                            "item was used.")
    assert "store credit or [another option]. Which would you prefer?" in reply


def test_missing_answers_leave_marked_slots() -> None:
    reply = soften_refusal("", "", [])
    assert "[the reason]" in reply and "[another option]" in reply
    assert reply.endswith("Which would you prefer?")


def test_three_alternatives_are_listed_as_a_choice() -> None:
    assert choice_sentences(["a call", "an email", "a visit"]) == (
        "Here's what we can do instead: a call, an email or a visit. Which would you prefer?"
    )


@pytest.mark.parametrize(
    ("asked", "why", "alternatives"),
    [
        ("refund the annual plan", "it renews on a fixed date", ["pause it for 3 months"]),
        ("ship to Norway", "our carrier has no licence there", []),
        ("a discount", "prices are set by the maker", ["free delivery", "a longer warranty"]),
    ],
)
def test_a_softened_no_passes_the_coach(asked: str, why: str, alternatives: list[str]) -> None:
    reply = soften_refusal(asked, why, alternatives)
    codes = coach_draft(reply, now=datetime(2026, 3, 4, 10)).flag_codes
    assert "hard_no" not in codes and "vague_commitment" not in codes
