"""How the engine turns what the promise finder found into flags, promises and a rewrite.

A stand-in finder returning chosen FoundPromise values is patched in, so these
tests pin the engine's side of the contract whatever the real finder decides.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.coach import coach_draft, engine
from bot.coach.detect.promises import FoundPromise

NOW = datetime(2026, 3, 4, 10, 0, tzinfo=ZoneInfo("UTC"))


def _finder(text: str, *, now: datetime, tz: ZoneInfo,
            spans: Sequence[tuple[int, int]] | None = None) -> list[FoundPromise]:
    found = []
    if "shortly" in text:
        clause = text.index("I'll")
        vague = text.index("shortly")
        found.append(FoundPromise(clause, vague + len("shortly"), None, True, vague,
                                      vague + len("shortly"), "by 11:00 today",
                                      "Name a time: \"by 11:00 today\"."))
    if "by 3pm" in text:
        clause = text.index("I'll call")
        found.append(FoundPromise(clause, text.index("by 3pm") + 6,
                                      now.replace(hour=15, minute=0), False, None, None, None,
                                      None))
    return found


@pytest.fixture(autouse=True)
def fake_finder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "find_promises", _finder)


def test_a_vague_promise_becomes_a_flag_with_the_finders_suggestion() -> None:
    text = "Thanks Ana. I'll get back to you shortly."
    result = coach_draft(text, now=NOW)
    (flag,) = [f for f in result.flags if f.code == "vague_commitment"]
    assert flag.quote == "shortly"
    assert flag.suggestion == "Name a time: \"by 11:00 today\"."
    (promise,) = result.promises
    assert promise.vague and promise.due is None
    assert promise.text == "I'll get back to you shortly"


def test_the_rewrite_uses_the_finders_replacement() -> None:
    result = coach_draft("Thanks Ana. I'll get back to you shortly.", now=NOW)
    assert result.rewrite == "Thanks Ana. I'll get back to you by 11:00 today."


def test_a_specific_promise_is_recorded_but_not_flagged() -> None:
    text = "Sorry about the outage. I'll call you by 3pm."
    result = coach_draft(text, now=NOW)
    assert result.flags == ()
    (promise,) = result.promises
    assert not promise.vague and promise.due == NOW + timedelta(hours=5)
    assert text[promise.start : promise.end] == promise.text
    assert result.rewrite is None


def test_a_promise_counts_as_a_next_step() -> None:
    assert "no_next_step" not in coach_draft("Sorry about that. I'll call you by 3pm.",
                                             now=NOW).flag_codes
    assert "no_next_step" in coach_draft("Sorry about that.", now=NOW).flag_codes
