"""Commitments found by hand: windows, alternatives, "we'll be done by", passive company
promises, abbreviations, and vague promises that wait on an event the draft schedules.

The reference `now` is Sunday 2026-11-22 18:36 in New York (after hours, on a weekend).
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.coach import coach_draft
from bot.coach.detect.promises import FoundPromise, find_promises

# The rules stage on its own: what each rule finds and how the rules rewriter
# words its fix (tests/coach/conftest.py says why).
pytestmark = pytest.mark.usefixtures("rules_only")

TZ = ZoneInfo("America/New_York")
NOW = datetime(2026, 11, 22, 18, 36, tzinfo=TZ)


def promises(text: str) -> list[FoundPromise]:
    return find_promises(text, now=NOW, tz=TZ)


SPECIFIC = [
    # windows end at their end, on their day
    ("The technician will arrive between 8am and noon on Tuesday.", "Tue 24 12:00"),
    ("A technician will be there between 8 and 12 on Tuesday.", "Tue 24 12:00"),
    ("The courier will come by between 10 and 2 on Wednesday.", "Wed 25 14:00"),
    ("I'll call you tomorrow between 9 and 11.", "Mon 23 11:00"),
    # alternatives: the later one
    ("We'll ship it Monday or Tuesday.", "Tue 24 17:00"),
    ("We'll ship it by Thursday or Friday.", "Fri 27 17:00"),
    ("We'll ship it in 3-5 business days.", "Fri 27 17:00"),
    ("Your replacement will arrive Monday or Tuesday.", "Tue 24 17:00"),
    ("I'll call you Monday at 9, or Tuesday at the latest.", "Tue 24 17:00"),
    ("We'll get back to you in an hour or two.", "Sun 22 20:36"),
    # abbreviations
    ("We will refund you within 24h.", "Mon 23 18:36"),
    ("We will refund you within 24 hrs.", "Mon 23 18:36"),
    ("I'll call you in 2hrs.", "Sun 22 20:36"),
    ("I'll call you in 30 mins.", "Sun 22 19:06"),
    ("I'll call you in 30m.", "Sun 22 19:06"),
    ("We'll ship it in 2d.", "Tue 24 17:00"),
    ("I'll call you in a couple of hours.", "Sun 22 20:36"),
    ("Your order will be dispatched within 24h.", "Mon 23 18:36"),
    # "we'll be done / ready / live by ..."
    ("We'll be done by the 30th.", "Mon 30 17:00"),
    ("We'll be finished by Friday.", "Fri 27 17:00"),
    ("We'll be ready by Friday.", "Fri 27 17:00"),
    ("We'll be live by Friday.", "Fri 27 17:00"),
    ("We'll be back in touch by Friday.", "Fri 27 17:00"),
    ("We'll be all done by Friday.", "Fri 27 17:00"),
    ("I'll be done with your report by 3pm tomorrow.", "Mon 23 15:00"),
    ("We should be done by Friday.", "Fri 27 17:00"),
    # passive company commitments
    ("Your order will be dispatched by Friday.", "Fri 27 17:00"),
    ("The fix will be live by 5pm.", "Mon 23 17:00"),
    ("A replacement will be shipped tomorrow.", "Mon 23 17:00"),
    ("Your order will ship Monday.", "Mon 23 17:00"),
    ("Your order will go out tomorrow.", "Mon 23 17:00"),
    ("Your refund will go through by Friday.", "Fri 27 17:00"),
    ("The update will be rolled out on Monday.", "Mon 23 17:00"),
    ("The fix will be in place by Monday.", "Mon 23 17:00"),
    ("Your card will be reissued by Friday.", "Fri 27 17:00"),
    ("The report will be ready by Friday.", "Fri 27 17:00"),
    # other time forms
    ("I'll call you Tue 3pm.", "Tue 24 15:00"),
    ("I'll call you 3pm Tue.", "Tue 24 15:00"),
    ("We'll send the contract Tuesday the 24th.", "Tue 24 17:00"),
    ("I'll call you Nov 24 at 9.", "Tue 24 09:00"),
    ("We'll call you at 9:00 CET tomorrow.", "Mon 23 03:00"),
    ("We'll push the fix at 3pm PT.", "Mon 23 18:00"),
    ("I'll get back to you by Monday morning.", "Mon 23 12:00"),
    ("I'll have an answer for you early next week.", "Tue 24 17:00"),
    ("We'll ship this week.", "Fri 27 17:00"),
    ("We'll ship it by EOW.", "Fri 27 17:00"),
    ("We'll reply by next business day.", "Mon 23 17:00"),
    ("We'll get it to you before Christmas.", "Thu 24 17:00"),
    ("I'll call you at 1700.", "Mon 23 17:00"),
    ("I'll call you at 17h.", "Mon 23 17:00"),
    ("I'll send it through at half past 3.", "Mon 23 15:30"),
    ("I'll send you an update at the top of the hour.", "Sun 22 19:00"),
    ("We'll call you tomorrow am.", "Mon 23 12:00"),
    # EOD / COB said on a Sunday evening: Monday's close of business
    ("I'll send it EOD.", "Mon 23 17:00"),
    ("I'll send it by COB.", "Mon 23 17:00"),
    ("I'll send it today.", "Sun 22 23:59"),
]


@pytest.mark.parametrize(("text", "due"), SPECIFIC)
def test_a_commitment_with_a_checkable_time_gets_that_due(text: str, due: str) -> None:
    found = promises(text)
    assert found, text
    first = found[0]
    assert not first.vague and first.due is not None, text
    assert first.due.strftime("%a %d %H:%M") == due


def test_coach_draft_reports_the_end_of_the_window() -> None:
    result = coach_draft(
        "The technician will arrive between 8am and noon on Tuesday.", now=NOW, tz=TZ
    )
    assert [(p.due.isoformat() if p.due else None, p.vague) for p in result.promises] == [
        ("2026-11-24T12:00:00-05:00", False)
    ]
    assert not [f for f in result.flags if f.code == "vague_commitment"]


def test_a_few_hours_stays_vague() -> None:
    found = promises("We'll be in touch in a few hours.")
    assert len(found) == 1 and found[0].vague


EVENT_DRAFTS = [
    # the event is scheduled before the promise that waits on it
    (
        "The migration runs Saturday 22:00. We'll email you once it's done.",
        "2026-11-28 22:00",
        "by 10 am Monday, November 30 (sooner if it's done)",
    ),
    (
        "The engineer visits Tuesday at 2pm. I'll call you as soon as he's finished.",
        "2026-11-24 14:00",
        "by 4 pm Tuesday (sooner if he's finished)",
    ),
    # ... or after it
    (
        "We'll email you once it's done. The migration is scheduled for Saturday at 10pm.",
        "2026-11-28 22:00",
        "by 10 am Monday, November 30 (sooner if it's done)",
    ),
]


@pytest.mark.parametrize(("text", "event", "replacement"), EVENT_DRAFTS)
def test_a_promise_waiting_on_a_scheduled_event_is_offered_a_time_after_it(
    text: str, event: str, replacement: str
) -> None:
    found = [p for p in promises(text) if p.vague]
    assert len(found) == 1
    assert found[0].replacement == replacement
    assert found[0].vague_start is not None and found[0].vague_end is not None
    rewritten = text[: found[0].vague_start] + replacement + text[found[0].vague_end :]
    again = promises(rewritten)
    assert again and not any(p.vague for p in again), rewritten
    assert all(p.due is not None and p.due.strftime("%Y-%m-%d %H:%M") > event for p in again)


def test_afterwards_is_anchored_after_the_event_too() -> None:
    text = "The migration runs Saturday 22:00. We'll email you afterwards."
    found = promises(text)
    assert len(found) == 1 and found[0].vague
    assert found[0].replacement == "We'll email you afterwards by noon Monday, November 30"


def test_an_event_already_behind_the_usual_suggestion_changes_nothing() -> None:
    text = "The restart runs at 7pm tonight. We'll email you once it's done."
    found = [p for p in promises(text) if p.vague]
    assert found[0].replacement == "by 10 am tomorrow (sooner if it's done)"


def test_hearing_back_is_not_anchored_to_an_unrelated_time() -> None:
    text = "I'll send the invoice by Friday. I'll call you as soon as I hear back from them."
    vague = [p for p in promises(text) if p.vague]
    assert vague and vague[0].replacement == "by 10 am tomorrow (sooner if I hear back from them)"


NOT_PROMISES = [
    "Our office is open from 9 to 5.",
    "We'll print it in 3D.",
    "Call us at 0800 123 456.",
    "We're open Monday to Friday.",
]


@pytest.mark.parametrize("text", NOT_PROMISES)
def test_times_that_are_not_commitments_make_no_promise(text: str) -> None:
    assert promises(text) == []
