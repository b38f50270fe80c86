"""Commitments are found, timed, and vague ones come with a concrete time to use."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.coach.detect.promises import FoundPromise, find_promises

TZ = ZoneInfo("Europe/London")
NOW = datetime(2026, 3, 4, 10, 0, tzinfo=TZ)  # a Wednesday


def promises(text: str) -> list[FoundPromise]:
    return find_promises(text, now=NOW, tz=TZ)


SPECIFIC = [
    ("I'll check with the warehouse and message you by 2pm today.", "Wed 04 14:00"),
    ("I'll call you back in 20 minutes.", "Wed 04 10:20"),
    ("I'll have the revised invoice to you by end of day Thursday.", "Thu 05 17:00"),
    ("We will review your request and respond within 3-5 business days.", "Wed 11 17:00"),
    ("Our engineer will be on site between 2 and 4pm on Thursday.", "Thu 05 16:00"),
    ("Your refund will be processed within 5 business days.", "Wed 11 17:00"),
    ("A replacement will be sent out today.", "Wed 04 17:00"),
    ("You'll receive a confirmation email within 24 hours.", "Thu 05 10:00"),
    ("Expect an email from us by end of day.", "Wed 04 17:00"),
    ("You can expect a call from our team first thing tomorrow.", "Thu 05 09:00"),
    ("I can walk you through it on a call tomorrow at 10.", "Thu 05 10:00"),
    ("We can split the delivery: half by Friday and the rest next Wednesday.", "Fri 06 17:00"),
    ("I'd be happy to set up a call for Tuesday at 2pm.", "Tue 10 14:00"),
    ("I'm going to send the updated quote this afternoon.", "Wed 04 17:00"),
    ("We're going to ship the part on Monday.", "Mon 09 17:00"),
    ("We are meeting with the vendor tomorrow to sort this out.", "Thu 05 17:00"),
    ("Let me check with billing and get back to you by 3pm.", "Wed 04 15:00"),
    ("I will get this to you by close of business tomorrow.", "Thu 05 17:00"),
    ("Someone from our team will call you at 4:30 p.m. today.", "Wed 04 16:30"),
    ("The technician will arrive between 1 and 3pm tomorrow.", "Thu 05 15:00"),
    ("Your new card should arrive by March 12.", "Thu 12 17:00"),
    ("I picked up your file today, and will read it tonight.", "Wed 04 21:00"),
    ("i'll get back to u tmrw", "Thu 05 17:00"),
    ("I'll revert by noon.", "Wed 04 12:00"),
    ("I'll try to get it done by Friday.", "Fri 06 17:00"),
    ("Tomorrow morning, I'll send you the tracking number.", "Thu 05 12:00"),
    ("I'll escalate it to my manager today and you'll hear from them by Friday.", "Wed 04 17:00"),
    ("Let me look into this. I'll call you by 3pm with what I find.", "Wed 04 15:00"),
    ("We aim to respond to every ticket within 2 business days.", "Fri 06 17:00"),
    ("Should the part not arrive, I will send a courier on Monday.", "Mon 09 17:00"),
    ("Your replacement has been dispatched and will arrive on Monday.", "Mon 09 17:00"),
    ("We'll have someone look at it this week.", "Fri 06 17:00"),
    ("I will send you the revised contract by COB on March 12th.", "Thu 12 17:00"),
    # chat drops the subject
    ("will look at it tmrw", "Thu 05 17:00"),
    ("on it, will confirm by noon", "Wed 04 12:00"),
    ("Thanks! Will send it over tonight.", "Wed 04 21:00"),
    ("The parcel was lost, will refund you today", "Wed 04 17:00"),
    # a bare hour after "by" is an afternoon hour
    ("I'll call u by 3", "Wed 04 15:00"),
    # the company's word on a wait
    ("Please allow up to 72 hours for your points to appear.", "Sat 07 10:00"),
    ("Our support team aims to reply within 24 hours.", "Thu 05 10:00"),
]


@pytest.mark.parametrize(("text", "due"), SPECIFIC)
def test_a_commitment_with_a_checkable_time_gets_that_due(text: str, due: str) -> None:
    found = promises(text)
    assert found, text
    first = found[0]
    assert not first.vague and first.due is not None
    assert first.due.strftime("%a %d %H:%M") == due
    assert first.due.tzinfo is not None
    assert first.vague_start is None and first.replacement is None and first.suggestion is None


VAGUE = [
    ("I'll talk to the team soon.", "soon"),
    ("Thanks for your patience! I'll get back to you shortly with an update.", "shortly"),
    ("We're looking into it and will update you soon.", "soon"),
    ("Give me a sec, I'll be right back.", "right back"),
    ("I'll get right back to you on that.", "right back to you"),
    ("Expect a reply from our team ASAP.", "ASAP"),
    ("We'll reach out as soon as we have more information.", "as soon as we have more information"),
    ("We'll try to get it to you sometime soon, hopefully.", "sometime soon"),
    ("We will be in touch in the next few days.", "in the next few days"),
    ("I'll send it over in a bit.", "in a bit"),
    ("I'll update the ticket when I know more.", "when I know more"),
    ("We'll get this sorted as soon as possible.", "as soon as possible"),
    ("I'll confirm the new date at a later stage.", "at a later stage"),
    ("Our billing team will follow up at some point.", "at some point"),
    ("I'll call you later.", "later"),
    ("We will fix this in the coming weeks.", "in the coming weeks"),
    # no time at all: the whole commitment is the vague wording
    ("Let me dig into this and circle back.", "Let me dig into this and circle back"),
    ("Someone from billing will contact you.", "Someone from billing will contact you"),
    ("We will get it fixed.", "We will get it fixed"),
    ("Our team will follow up with next steps.", "Our team will follow up with next steps"),
    ("Let me get back to you on that one.", "Let me get back to you on that one"),
    ("I will look into this and let you know.", "I will look into this and let you know"),
    ("You'll hear from us.", "You'll hear from us"),
    ("Hi Dana,\n\nSo sorry about this. We'll look into it.\n\nBest,\nSam", "We'll look into it"),
    ("checked with the team, will get back to u soon", "soon"),
]


@pytest.mark.parametrize(("text", "words"), VAGUE)
def test_a_commitment_without_a_checkable_time_is_vague(text: str, words: str) -> None:
    found = [p for p in promises(text) if p.vague]
    assert found, text
    first = found[0]
    assert first.due is None
    assert first.vague_start is not None and first.vague_end is not None
    assert text[first.vague_start : first.vague_end] == words
    assert first.start <= first.vague_start < first.vague_end <= first.end
    assert first.replacement and first.suggestion and first.replacement in first.suggestion


@pytest.mark.parametrize(("text", "words"), VAGUE)
def test_the_replacement_reads_as_a_specific_commitment(text: str, words: str) -> None:
    first = next(p for p in promises(text) if p.vague)
    assert first.vague_start is not None and first.vague_end is not None
    assert first.replacement is not None
    rewritten = text[: first.vague_start] + first.replacement + text[first.vague_end :]
    again = promises(rewritten)
    assert again, rewritten
    assert not any(p.vague for p in again), rewritten
    assert all(p.due is not None and p.due > NOW for p in again)


def test_replacements_name_times_computed_from_now() -> None:
    back = next(p for p in promises("I'll be right back.") if p.vague)
    assert back.replacement == "back within the hour (by 11:00)"
    assert back.suggestion == 'Name a time: "back within the hour (by 11:00)".'
    look = next(p for p in promises("we'll look into it") if p.vague)
    assert look.replacement == "we'll look into it and update you by 3 pm today"
    friday_evening = datetime(2026, 3, 6, 18, 0, tzinfo=TZ)
    soon = find_promises("I'll reply soon.", now=friday_evening, tz=TZ)[0]
    assert soon.replacement == "by 10 am Monday"


def test_mid_afternoon_the_suggestion_is_close_of_business_not_tomorrow() -> None:
    afternoon = datetime(2026, 3, 4, 14, 20, tzinfo=TZ)
    posted = find_promises("I'll keep you posted.", now=afternoon, tz=TZ)[0]
    assert posted.replacement == "I'll keep you posted, with a first update by 5 pm today"


def test_vague_wins_when_a_sentence_has_both() -> None:
    text = "I'll send the invoice today and we'll get back to you soon about the refund."
    found = promises(text)
    assert [p.vague for p in found] == [False, True]
    assert text[found[1].vague_start or 0 : found[1].vague_end or 0] == "soon"


NOT_PROMISES = [
    "Please send us your order number and we'll check it.",
    "If you DM us your order number we can take a look.",
    "I've passed this on to our delivery team.",
    "We are sorry for the trouble this has caused.",
    "I'll be honest, this shouldn't have happened.",
    "Could you send me a screenshot of the error?",
    "We will never share your data.",
    "Let me know if you have any other questions.",
    "I'm sending the replacement now.",
    # "I will escalate this to my manager right away." is a vague promise (principle 2):
    # see tests/coach/test_walkthrough_gaps.py.
    "I'll be out of the office until Monday.",
    "Talk soon!",
    "I'll talk to you soon.",
    "She said she'll call you tomorrow.",
    'The customer wrote: "I will cancel my subscription tomorrow".',
    "We'll see.",
    "I'm going to need your account number.",
    "We'll need a copy of your receipt.",
    "I would be happy to help.",
    "We will always put our customers first.",
    "We can't extend the deadline.",
    "Refunds aren't possible after 30 days.",
    "You can return it within 30 days and we'll refund you in full.",
    "We'll refund you once we receive the returned item.",
    "Your order shipped this morning; tracking is in your inbox.",
    "I am not available on Thursday morning.",
    "Can you get me a draft by Friday?",
    "Shall we meet on Tuesday at 10?",
    "We could meet on Tuesday?",
    "Please reply by Friday so we can book the slot.",
    "Thanks, and have a great weekend!",
    "We're fully booked that week; the earliest slot is Monday the 16th at 9am.",
    "I'm guessing we may come down next week.",
    "We plan to fly out on Tuesday.",
    "I'll be in tomorrow.",
    "He will be in the office tomorrow.",
    "Let's discuss when I'm back.",
    "I hope his interviews go well tomorrow.",
    "I'll make a note on your account.",
    "Let me explain how the billing cycle works.",
    "Our office will be closed tomorrow.",
    "We will not charge you for the replacement.",
    "I can assure you that we take this seriously.",
    # The customer moves first: an offer after a request to them waits on their answer.
    "Can you DM us your account's email address? We'll take a look backstage /KM",
    "Send us a DM with your order number and we'll follow up.",
    "Hi Rachel, what's your local store? I'll look into this for you.",
    "Please DM the tracking number. We will look into this concern for you.",
    # A wish to meet again times nobody's work.
    "We'll see you again soon!",
    "We hope to see you back on board very soon.",
    "We hope you'll give us another chance soon to impress you.",
    # "Will you / Will it ...?" asks; it promises nothing
    "Will you be around tomorrow?",
    "Will you send it over tomorrow?",
    "I don't know if it will arrive, sorry.",
    # "by 3" as an amount
    "We cut the price by 3 per cent.",
]


@pytest.mark.parametrize("text", NOT_PROMISES)
def test_requests_facts_apologies_and_offers_they_trigger_are_not_promises(text: str) -> None:
    assert promises(text) == []


def test_masked_markup_keeps_offsets() -> None:
    original = "Hi <@U123ABC>, I'll send the fix <https://x.io/t|here> soon :wave:"
    masked = (
        "Hi " + " " * len("<@U123ABC>") + ", I'll send the fix "
        + " " * len("<https://x.io/t|here>") + " soon " + " " * len(":wave:")
    )
    assert len(masked) == len(original)
    found = find_promises(masked, now=NOW, tz=TZ)
    assert len(found) == 1
    assert original[found[0].vague_start or 0 : found[0].vague_end or 0] == "soon"
    assert original[found[0].start : found[0].end].startswith("I'll send the fix")


def test_several_promises_in_an_email_come_in_order() -> None:
    text = (
        "Hello Mr Patel,\n\n"
        "Thank you for your patience while we looked into the double charge. "
        "I have asked our billing team to reverse it, and you will receive the refund "
        "within 3 business days. I'll also call you on Friday at 11am to confirm it has "
        "arrived. In the meantime we'll keep an eye on your account.\n\n"
        "Kind regards,\nJo Smith\nCustomer Care"
    )
    found = promises(text)
    assert [(p.vague, p.due.strftime("%a %H:%M") if p.due else None) for p in found] == [
        (False, "Mon 17:00"),
        (False, "Fri 11:00"),
        (True, None),
    ]
    assert all(0 <= p.start < p.end <= len(text) for p in found)
