"""The rules rewrite: fixes what it can, keeps what matters, and passes its own coaching."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path

import pytest

from bot.coach import coach_draft
from bot.coach.engine import MUST_FIX

# The rules stage on its own: what each rule finds and how the rules rewriter
# words its fix (tests/coach/conftest.py says why).
pytestmark = pytest.mark.usefixtures("rules_only")

NOW = datetime(2026, 3, 4, 10, 0)
CORPUS = Path(__file__).resolve().parents[2] / "benchmarks" / "corpus" / "replies.jsonl"

MORE_DRAFTS = [
    "I understand. Unfortunately we cannot refund shipping costs.",
    "AS I SAID, THE PARCEL IS ON ITS WAY.",
    "Per my previous message, the order (#7781) was dispatched on 2 March. You must have "
    "missed the email.",
    "Hi Kim, sorry, the billing team made a mistake on invoice INV-2044. It happens.",
    "We won't replace it. It was clearly misused.",
    "Not possible, sorry!!",
    "With all due respect, you were supposed to cancel before the 1st.",
    "I get it. That's just our policy.",
    "Your subscription cannot be paused. Policy is policy.",
    "Calm down. The engineer is on his way.",
    "We'll see. The supplier hasn't confirmed anything.",
    "I hear you, but the price is non-negotiable.",
    "Sorry the delivery was late again. The courier messed up.",
    "Hi <@U0G9QF9C6>, we can't restore the deleted workspace. See <https://docs.example.com/"
    "retention|our retention policy>.",
    "Thanks for the report. Apologies, that's a known bug.",
    "Unfortunately the seminar on 12 May is full.",
    "YOU NEED TO SEND THE FORM FIRST. We can't process the claim without it.",
    "Sadly we can't offer a discount. I understand your frustration.",
    "I'm afraid your account is not eligible for the 20% offer.",
    "That is impossible, our system never double-charges.",
    "We never give refunds after 14 days!!!",
    "For the last time, the code goes in the box marked PROMO.",
    "I understand your concern. It's not my department though.",
    "Apologies for the inconvenience caused.",
    "Sorry, Dr. Patel is not available on Friday.",
    "We do not offer installation in rural areas, as stated on our website.",
    "Sorry about the mix-up with your booking for 3 guests.",
    "I can't change the seat allocation. Have a nice day.",
    "Hi Omar,\n\nWe are unable to extend your trial past 30 days.\n\nKind regards,\nLucia",
    "No, sorry. We don't ship to Norway.",
]


def _drafts() -> list[str]:
    corpus = [json.loads(line)["text"] for line in CORPUS.read_text().splitlines() if line]
    return corpus + MORE_DRAFTS


DRAFTS = _drafts()
MARKUP = re.compile(r"<[^<>]+>|https?://\S+")
NUMBER = re.compile(r"\d[\d,.:]*\d|\d")


def test_there_are_many_drafts() -> None:
    assert len(DRAFTS) >= 80
    assert sum(1 for d in DRAFTS if coach_draft(d, now=NOW).rewrite) >= 50


@pytest.mark.parametrize("text", DRAFTS)
def test_the_rewrite_raises_none_of_the_must_fix_flags(text: str) -> None:
    result = coach_draft(text, now=NOW)
    if result.rewrite is None:
        assert not result.flags or not (set(result.flag_codes) & {"hard_no", "blame", "shouting"})
        return
    again = coach_draft(result.rewrite, now=NOW)
    assert not set(again.flag_codes) & MUST_FIX, (result.rewrite, again.flag_codes)


@pytest.mark.parametrize("text", DRAFTS)
def test_the_rewrite_keeps_links_and_markup(text: str) -> None:
    rewrite = coach_draft(text, now=NOW).rewrite
    if rewrite is not None:
        for token in MARKUP.findall(text):
            assert token in rewrite


@pytest.mark.parametrize("text", DRAFTS)
def test_the_rewrite_keeps_the_refusal(text: str) -> None:
    result = coach_draft(text, now=NOW)
    if "hard_no" in result.flag_codes and "absolute" not in result.flag_codes:
        for flag in result.flags:
            if flag.code == "hard_no":
                assert flag.quote.lower() in (result.rewrite or "").lower()
        assert "Which would you prefer?" in (result.rewrite or "")


@pytest.mark.parametrize("text", DRAFTS)
def test_numbers_survive_unless_their_sentence_only_did_harm(text: str) -> None:
    result = coach_draft(text, now=NOW)
    dropping = {"blame", "defensive", "false_hope", "absolute"}
    if result.rewrite is None or set(result.flag_codes) & dropping:
        return
    for number in NUMBER.findall(text):
        assert number in result.rewrite


def test_no_rewrite_when_nothing_needs_fixing() -> None:
    text = "Hi Lee, the refund of $30 went out today; it reaches your card in 3-5 days."
    result = coach_draft(text, now=NOW)
    assert result.flags == () and result.rewrite is None


def test_a_hard_no_is_restructured_into_reason_alternatives_and_a_choice() -> None:
    rewrite = coach_draft("Sorry, we can't extend the deadline.", now=NOW).rewrite
    assert rewrite == (
        "Sorry, we can't extend the deadline. The reason is [the reason]. Here's what we can "
        "do instead: [another option] or [a second option]. Which would you prefer?"
    )


def test_a_stated_reason_is_not_asked_for_again() -> None:
    rewrite = coach_draft("We can't refund it because it was opened.", now=NOW).rewrite or ""
    assert "[the reason]" not in rewrite and "[another option]" in rewrite


def test_empty_empathy_becomes_a_reflection() -> None:
    rewrite = coach_draft("I understand your frustration. The engineer comes on Tuesday at 9.",
                          now=NOW).rewrite
    assert rewrite == ("So what I'm hearing is [what they said]. Is that right? The engineer "
                       "comes on Tuesday at 9.")


def test_blame_on_a_colleague_becomes_ownership() -> None:
    rewrite = coach_draft("My colleague gave you the wrong price. The right total is $120, and "
                          "I've corrected the invoice.", now=NOW).rewrite
    assert rewrite == ("That's on us, and I'm sorry. The right total is $120, and I've "
                       "corrected the invoice.")


def test_defensive_lead_ins_are_removed_and_the_sentence_recapitalised() -> None:
    rewrite = coach_draft("As I already explained, the refund was sent on 2 March.",
                          now=NOW).rewrite
    assert rewrite == "The refund was sent on 2 March."


def test_shouting_is_lowered_but_acronyms_stay() -> None:
    rewrite = coach_draft("PLEASE SEND THE PDF BY EOD!!!", now=NOW).rewrite or ""
    assert rewrite.startswith("Please send the PDF by EOD")
    assert "!!" not in rewrite


def test_a_problem_with_no_next_step_ends_with_a_choice_of_remedy() -> None:
    rewrite = coach_draft("Sorry the mug arrived chipped.", now=NOW).rewrite or ""
    assert rewrite.startswith("Sorry the mug arrived chipped. ")
    assert "[option A] or [option B]?" in rewrite


def test_signature_stays_at_the_end() -> None:
    text = "We can't refund it.\n\nBest,\nNora"
    rewrite = coach_draft(text, now=NOW).rewrite or ""
    assert rewrite.endswith("Which would you prefer?\n\nBest,\nNora")
