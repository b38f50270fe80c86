"""Gaps a new user found in a walkthrough (Sunday 2026-11-22, Europe/London and UTC).

1. "right away", "straight away", "immediately", "right now" for a future action are vague
   commitments (principle 2: "right back" is heard as ten minutes) unless a time is named.
2. A time fronted before the commitment (opening its sentence or clause) is the promise's
   time, and no suggested time is appended to a commitment whose own time is named. A time
   in a separate clause with its own subject and verb ("The parcel was due Friday, and I'll
   look into it") is not the promise's: the promise is still vague.
3. Coordinated commitments with their own times are separate promises, each with its due.
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

ZONES = [ZoneInfo("Europe/London"), ZoneInfo("UTC")]
LONDON = ZONES[0]
NOW = datetime(2026, 11, 22, 11, 0, tzinfo=LONDON)  # a Sunday


def promises(text: str, tz: ZoneInfo = LONDON) -> list[FoundPromise]:
    return find_promises(text, now=NOW.astimezone(tz), tz=tz)


def _due(found: FoundPromise) -> str:
    assert found.due is not None
    return found.due.strftime("%a %d %H:%M")


# --- 1. "right away" and friends -------------------------------------------------------

AT_ONCE = [
    ("I'll sort it out right away.", "right away"),
    ("I'll fix it straight away.", "straight away"),
    ("We'll refund you immediately.", "immediately"),
    ("I'll look into it right now.", "right now"),
    ("I will escalate this to my manager right away.", "right away"),
    ("Let me check that right away.", "right away"),
    ("I'm going to check right now and call you back.", "right now"),
    ("I'll get back to you right away.", "right away"),
    ("I'll get right back to you.", "right back to you"),  # the README's headline
]


@pytest.mark.parametrize("tz", ZONES, ids=str)
@pytest.mark.parametrize(("text", "vague"), AT_ONCE)
def test_at_once_wording_for_a_future_action_is_a_vague_promise(
    text: str, vague: str, tz: ZoneInfo
) -> None:
    (found,) = promises(text, tz)
    assert found.vague and found.due is None
    assert text[found.vague_start or 0 : found.vague_end or 0] == vague
    assert found.replacement and "hour" in found.replacement


@pytest.mark.parametrize(("text", "vague"), AT_ONCE)
def test_at_once_wording_is_flagged_and_rewritten_with_a_time(text: str, vague: str) -> None:
    result = coach_draft(text, now=NOW, tz="Europe/London")
    (flag,) = [f for f in result.flags if f.code == "vague_commitment"]
    assert flag.quote == vague
    assert result.rewrite is not None
    assert vague not in result.rewrite
    assert "by 12:00" in result.rewrite  # within the hour of 11:00
    assert not any(f.code == "vague_commitment" for f in coach_draft(
        result.rewrite, now=NOW, tz="Europe/London").flags)


def test_sort_it_out_right_away_reads_as_a_promise_within_the_hour() -> None:
    result = coach_draft("I'll sort it out right away.", now=NOW, tz="Europe/London")
    assert result.rewrite == "I'll sort it out within the hour (by 12:00)."
    (promise,) = result.promises
    assert promise.vague and promise.text == "I'll sort it out right away"


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("I'll sort it out right away and call you by 3pm.", "Sun 22 15:00"),
        ("I'll fix it straight away, by 2pm today.", "Sun 22 14:00"),
        ("We'll refund you immediately, within 24 hours.", "Mon 23 11:00"),
    ],
)
def test_at_once_wording_with_a_named_time_is_specific(text: str, due: str) -> None:
    (found,) = promises(text)
    assert not found.vague
    assert _due(found) == due
    result = coach_draft(text, now=NOW, tz="Europe/London")
    assert not any(f.code == "vague_commitment" for f in result.flags)


@pytest.mark.parametrize(
    "text",
    [
        "I'm sending it right now.",
        "I'm sending the replacement now.",
        "We are swamped right now.",
        "If you send me the logs I'll look at them right away.",
        "Could you check it right away?",
        "Please send it immediately.",
    ],
)
def test_at_once_wording_that_is_done_now_conditional_or_theirs_is_no_promise(
    text: str,
) -> None:
    assert promises(text) == []


# --- 2. a time fronted before the commitment --------------------------------------------

FRONTED = [
    ("Between 8am and noon on Tuesday, I'll come by.", "Tue 24 12:00"),
    ("On Tuesday, I'll come by.", "Tue 24 17:00"),
    ("By 5pm today we'll have the refund processed.", "Sun 22 17:00"),
    ("Tomorrow morning I'll check the logs.", "Mon 23 12:00"),
    ("Around 3pm I'll call you.", "Sun 22 15:00"),
    ("Before noon tomorrow, we'll send the replacement.", "Mon 23 12:00"),
    ("No later than Friday, I'll send the revised quote.", "Fri 27 17:00"),
]


@pytest.mark.parametrize("tz", ZONES, ids=str)
@pytest.mark.parametrize(("text", "due"), FRONTED)
def test_a_fronted_time_is_the_promises_time(text: str, due: str, tz: ZoneInfo) -> None:
    (found,) = promises(text, tz)
    assert not found.vague and found.replacement is None
    assert found.due is not None and found.due.tzinfo is not None
    assert found.due.astimezone(tz).strftime("%a %d %H:%M") == due


@pytest.mark.parametrize(("text", "due"), FRONTED)
def test_a_fronted_time_is_neither_flagged_nor_given_a_second_time(text: str, due: str) -> None:
    result = coach_draft(text, now=NOW, tz="Europe/London")
    assert not any(f.code == "vague_commitment" for f in result.flags)
    assert result.rewrite is None or "update you" not in result.rewrite
    (promise,) = result.promises
    assert not promise.vague and promise.due is not None


def test_the_technician_window_promise_quotes_the_whole_window() -> None:
    text = "Between 8am and noon on Tuesday, I'll come by."
    result = coach_draft(text, now=NOW, tz="Europe/London")
    assert result.rewrite is None
    (promise,) = result.promises
    assert promise.text == "Between 8am and noon on Tuesday, I'll come by"


@pytest.mark.parametrize(
    "text",
    [
        "Between 8am and noon on Tuesday, I'll come by.",
        "By Friday I'll send the contract, and I'll update the ticket.",
        "On Tuesday, I'll come by.",
        "By 5pm we'll be in touch.",
        "The parcel was late, but on Tuesday I'll come by.",
        "The parcel was late, so by 5pm we'll be in touch.",
        "I'll look into it - by Friday.",
    ],
)
def test_no_time_is_appended_to_a_clause_whose_sentence_names_one(text: str) -> None:
    result = coach_draft(text, now=NOW, tz="Europe/London")
    assert not any(f.code == "vague_commitment" for f in result.flags)
    assert result.rewrite is None or result.rewrite.count("by ") <= text.count("by ")
    assert all(not p.vague for p in result.promises)


@pytest.mark.parametrize(
    ("text", "vague"),
    [
        ("The parcel was due Friday, and I'll look into it.", "I'll look into it"),
        ("Your order shipped Monday, we'll be in touch.", "we'll be in touch"),
        ("Friday the parcel was due, and I'll look into it.", "I'll look into it"),
        ("The engineer came on Tuesday and I'll look into it.", "I'll look into it"),
    ],
)
def test_a_time_in_a_separate_clause_does_not_make_a_promise_specific(
    text: str, vague: str
) -> None:
    (found,) = promises(text)
    assert found.vague and found.due is None
    result = coach_draft(text, now=NOW, tz="Europe/London")
    (flag,) = [f for f in result.flags if f.code == "vague_commitment"]
    assert flag.quote == vague
    assert result.rewrite is not None
    assert f"{vague} and update you by" in result.rewrite or f"{vague} by " in result.rewrite


def test_a_sentence_without_a_time_still_gets_one() -> None:
    result = coach_draft(
        "The parcel was late. I'll look into it.", now=NOW, tz="Europe/London"
    )
    (flag,) = [f for f in result.flags if f.code == "vague_commitment"]
    assert flag.quote == "I'll look into it"
    assert result.rewrite is not None and "I'll look into it and update you by" in result.rewrite


# --- 3. coordinated commitments, each with its own time ---------------------------------

COORDINATED = [
    (
        "I'll send it by Friday, and call you first thing tomorrow.",
        [("I'll send it by Friday", "Fri 27 17:00"),
         ("call you first thing tomorrow", "Mon 23 09:00")],
    ),
    (
        "I'll send it by Friday and I'll call you at 3.",
        [("I'll send it by Friday", "Fri 27 17:00"), ("I'll call you at 3", "Sun 22 15:00")],
    ),
    (
        "I'll email you tomorrow and send the parts next week.",
        [("I'll email you tomorrow", "Mon 23 17:00"),
         ("send the parts next week", "Fri 27 17:00")],
    ),
    (
        "I'll send the form today and then ring you on Monday to go through it.",
        [("I'll send the form today", "Sun 22 17:00"),
         ("ring you on Monday to go through it", "Mon 23 17:00")],
    ),
]


@pytest.mark.parametrize("tz", ZONES, ids=str)
@pytest.mark.parametrize(("text", "expected"), COORDINATED)
def test_coordinated_commitments_are_separate_promises(
    text: str, expected: list[tuple[str, str]], tz: ZoneInfo
) -> None:
    found = promises(text, tz)
    got = [
        (text[p.start : p.end], p.due.astimezone(tz).strftime("%a %d %H:%M") if p.due else None)
        for p in found
    ]
    assert got == expected
    assert not any(p.vague for p in found)


def test_the_call_tomorrow_is_recorded_with_its_own_due() -> None:
    result = coach_draft(
        "I'll send it by Friday, and call you first thing tomorrow.",
        now=NOW,
        tz="Europe/London",
    )
    assert result.flags == ()
    assert [(p.text, p.due.strftime("%a %d %H:%M") if p.due else None)
            for p in result.promises] == [
        ("I'll send it by Friday", "Fri 27 17:00"),
        ("call you first thing tomorrow", "Mon 23 09:00"),
    ]


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("I'll check with the warehouse and I'll message you by 2pm.", "Sun 22 14:00"),
        ("I'll check with the warehouse and message you by 2pm today.", "Sun 22 14:00"),
        ("Our engineer will be on site between 2 and 4pm on Thursday.", "Thu 26 16:00"),
    ],
)
def test_one_plan_with_one_time_stays_one_promise(text: str, due: str) -> None:
    (found,) = promises(text)
    assert _due(found) == due
