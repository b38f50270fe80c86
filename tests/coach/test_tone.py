"""Blame, defensiveness, empty empathy, shouting, absolutes, false hope and no next step,
on replies written for these tests (not the rules' own examples)."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.coach import coach_draft

# The rules stage on its own: what each rule finds and how the rules rewriter
# words its fix (tests/coach/conftest.py says why).
pytestmark = pytest.mark.usefixtures("rules_only")

NOW = datetime(2026, 3, 4, 10, 0)

FLAGGED = [
    ("blame", "Hi Ravi, you should have checked the dimensions on the product page."),
    ("blame", "Apologies - our shipping team forgot to add the charger."),
    ("blame", "The delay was due to an error by our supplier's warehouse in Rotterdam."),
    ("blame", "Looks like you misread the renewal date."),
    ("defensive", "As I previously mentioned, the upgrade is billed monthly."),
    ("defensive", "Per my last message, the courier needs a signature."),
    ("defensive", "There's no need to be rude, the invoice is correct."),
    ("defensive", "Honestly, that's not my problem."),
    ("empty_empathy", "I completely understand. The order will ship on Monday."),
    ("empty_empathy", "Hi Jo, I hear you, and the engineer is booked for 9am."),
    ("empty_empathy", "I understand how you feel. Here's the tracking link."),
    ("shouting", "THIS IS THE LAST REMINDER before your account closes."),
    ("shouting", "Thanks so much for your patience!!"),
    ("shouting", "You MUST restart the router first."),
    ("absolute", "We will never be able to beat that quote."),
    ("absolute", "Unfortunately that is completely impossible."),
    ("absolute", "Sorry, rules are rules."),
    ("false_hope", "I'll pass it on to the team, no promises though."),
    ("false_hope", "We'll see what the manager says."),
    ("no_next_step", "So sorry your first box arrived with a broken seal."),
    ("no_next_step", "Apologies for the confusion over the two invoices."),
]

QUIET = [
    ("blame", "You should receive the replacement by Friday."),
    ("blame", "Our shipping team added the charger to your replacement today."),
    ("defensive", "As you mentioned, the upgrade is billed monthly; I've switched you to yearly."),
    ("defensive", "Let's relax the deadline to 20 March so your team has time."),
    ("empty_empathy", "I understand the invoice was sent to your old address, so I've re-sent it."),
    ("empty_empathy", "Just so I understand: was the charge made twice on the same card?"),
    ("shouting", "Your ETA is 3pm EST; the SKU is on the PDF."),
    ("shouting", "Welcome aboard! Your account is ready."),
    ("absolute", "We never charge for exchanges."),
    ("absolute", "It's impossible to say exactly, but the courier's window is 2-4pm."),
    ("false_hope", "We'll see you on Thursday at the Leeds store."),
    ("false_hope", "I'll see to it personally that it ships today."),
    ("no_next_step", "Sorry for the wait! Could you confirm the order number?"),
    ("no_next_step", "Apologies for the mix-up; I've re-sent the correct invoice."),
    ("no_next_step", "Sorry, I missed your call. I'll ring you back at 2pm."),
]


@pytest.mark.parametrize(("code", "text"), FLAGGED)
def test_flagged(code: str, text: str) -> None:
    result = coach_draft(text, now=NOW)
    assert code in result.flag_codes, result.flag_codes
    flag = next(f for f in result.flags if f.code == code)
    assert flag.quote == text[flag.start : flag.end] and flag.quote.strip() == flag.quote


@pytest.mark.parametrize(("code", "text"), QUIET)
def test_quiet(code: str, text: str) -> None:
    assert code not in coach_draft(text, now=NOW).flag_codes


def test_signature_in_caps_is_not_shouting() -> None:
    text = "Your refund is on its way.\n\nKind regards,\nJOHN SMITH\nACME SUPPORT"
    assert "shouting" not in coach_draft(text, now=NOW).flag_codes


def test_slack_mentions_and_links_do_not_trigger_flags() -> None:
    text = ("Thanks <@U024BE7LH>! Fixed in <https://git.example.com/NEVER-IMPOSSIBLE/pr/12|"
            "PR 12> :white_check_mark:")
    assert coach_draft(text, now=NOW).flags == ()
