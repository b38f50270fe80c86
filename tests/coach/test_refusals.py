"""Refusals on replies written for these tests: a flat no is flagged, a softened no is not."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.coach import coach_draft

# The rules stage on its own: what each rule finds and how the rules rewriter
# words its fix (tests/coach/conftest.py says why).
pytestmark = pytest.mark.usefixtures("rules_only")

NOW = datetime(2026, 3, 4, 10, 0)

HARD = [
    "We're not able to issue a refund for digital downloads.",
    "Sorry, the sale price can't be applied retroactively.",
    "Unfortunately your warranty claim has been declined.",
    "I'm afraid we cannot ship to PO boxes.",
    "The 2019 model is no longer supported.",
    "We don't accept returns on personalised items.",
    "Your account isn't eligible for the loyalty discount.",
    "Hi Mo, we won't be able to send an engineer this weekend.",
    "Changing the booking date is not possible.",
    "Thanks for asking, but we do not offer discounts for bulk orders under 50 units.",
    "I'm sorry, but I can't share another customer's details.",
    "Late fees cannot be waived.",
    "Our policy doesn't allow transfers between accounts.",
    "No. We don't do custom colours.",
    "Sadly the venue is fully booked on the 14th.",
    "<p>Unfortunately we can&#39;t reopen a closed ticket.</p>",
    # Passing feedback on, a suggestion box or "anything else?" offers nothing instead.
    "HDMI mirroring isn't supported at this time, but we'll be sure to share the interest "
    "with our team.",
    "We're afraid there's no way to filter by genre, but we'll pass that suggestion on.",
    "We can't hold a table after 9pm. Can I help with something else?",
]

SOFTENED = [
    "We're not able to refund digital downloads, but I can give you store credit for the full "
    "amount. Would that help?",
    "The sale price can't be applied retroactively; what I can do is price-match if it drops "
    "again within 14 days.",
    "Your warranty claim was declined because of the water damage, but our repair team can fix "
    "it for a flat $60. Shall I book it?",
    "We cannot ship to PO boxes. Could you give me a street address, or would you like to "
    "collect from our Leeds depot?",
    "The 2019 model is no longer supported, however we offer 30% off an upgrade for existing "
    "owners.",
    "We don't accept returns on personalised items, though if it arrived faulty we'll replace it "
    "free of charge.",
    "We won't be able to send an engineer this weekend. The earliest slot is Monday 8am - "
    "want me to hold it for you?",
    "Changing the booking date isn't possible this close to the event, but you can transfer the "
    "ticket to a colleague at no cost.",
    "I can't share another customer's details. If you'd like, I can pass your message on to "
    "them.",
    "Sadly the venue is fully booked on the 14th. How about the 21st instead?",
    "We don't do custom colours, but the matte grey and navy are both in stock. Which do you "
    "prefer?",
    "I can't approve that myself. Instead, I've escalated it to my manager, Lena.",
]

NOT_REFUSALS = [
    "I can't wait to hear how the launch goes!",
    "If you can't log in, reset your password from the sign-in page.",
    "I can't believe it took this long, and I'm sorry.",
    "You won't be charged for the replacement.",
    "We couldn't reach you by phone, so I'm writing instead: the part has arrived.",
    "Don't worry, the data is not lost; it's in the archive folder.",
    "There's no charge for the second visit.",
    "Nothing has changed on your plan; it renews on 1 April as usual.",
    "I can't thank you enough for the detailed report.",
    "It's not a problem at all, happy to help.",
    "We never charge for returns.",
    "The error means the card was not accepted by your bank; could you try another card?",
    "No problem! The invoice is attached.",
    "Since you can't make Tuesday, I've moved the call to Wednesday at 2pm.",
]


@pytest.mark.parametrize("text", HARD)
def test_a_flat_no_is_a_hard_no(text: str) -> None:
    assert "hard_no" in coach_draft(text, now=NOW).flag_codes


@pytest.mark.parametrize("text", SOFTENED)
def test_a_no_with_a_way_forward_is_not_flagged(text: str) -> None:
    assert "hard_no" not in coach_draft(text, now=NOW).flag_codes


@pytest.mark.parametrize("text", NOT_REFUSALS)
def test_negative_words_that_refuse_nothing_are_not_flagged(text: str) -> None:
    assert "hard_no" not in coach_draft(text, now=NOW).flag_codes


def test_the_hard_no_quotes_the_refusal_clause() -> None:
    text = "Hi Sam, thanks for waiting. Unfortunately we can't refund a used item."
    (flag,) = [f for f in coach_draft(text, now=NOW).flags if f.code == "hard_no"]
    assert flag.quote == "we can't refund a used item"
    assert "alternative" in flag.message and "[option A]" in (flag.suggestion or "")
