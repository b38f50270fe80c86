"""Coaching under a deadline: every coach call in a worker thread, never on the event loop."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import pytest

from bot.coach.types import CoachResult
from bot.service import Actor, StorageUnavailable
from bot.teams import coaching
from bot.teams.coaching import TOO_COMPLEX, CoachingTooSlow, coach_text, rules_coach

ADA = Actor("teams", "t", "ada")


class SlowService:
    """A service whose coach waits for `release` (a database lock, a slow write)."""

    def __init__(self) -> None:
        self.release = threading.Event()

    def coach(self, actor: Actor, text: str, *, delivery_key: str | None = None) -> Any:
        self.release.wait(10)
        raise StorageUnavailable("released")


class DownService:
    def coach(self, actor: Actor, text: str, *, delivery_key: str | None = None) -> Any:
        raise StorageUnavailable("The database is unreachable.")


async def test_the_rules_fallback_runs_off_the_event_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fallback waits for a signal only the event loop can give: it must run in a thread."""
    loop_ran = threading.Event()

    def fallback(text: str, **kwargs: Any) -> CoachResult:
        assert loop_ran.wait(5), "the rules coach ran on the event loop and blocked it"
        return rules_coach(text)

    async def tick() -> None:
        await asyncio.sleep(0.01)
        loop_ran.set()

    monkeypatch.setattr(coaching, "rules_coach", fallback)
    ticker = asyncio.create_task(tick())
    result, tz = await coach_text(DownService(), ADA, "I'll fix it ASAP.",  # type: ignore[arg-type]
                                  delivery_key=None, budget=1, deadline=10)
    await ticker
    assert tz == "UTC" and "vague_commitment" in {flag.code for flag in result.flags}


async def test_a_slow_database_still_gets_rules_coaching() -> None:
    service = SlowService()
    try:
        result, _ = await coach_text(service, ADA, "I'll fix it ASAP.",  # type: ignore[arg-type]
                                     delivery_key=None, budget=0.05, deadline=10)
    finally:
        service.release.set()
    assert "vague_commitment" in {flag.code for flag in result.flags}


async def test_past_the_deadline_the_answer_is_too_complex(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    service = SlowService()
    stuck = threading.Event()

    def slow_rules(text: str, **kwargs: Any) -> CoachResult:
        stuck.wait(10)
        return rules_coach(text)

    monkeypatch.setattr(coaching, "rules_coach", slow_rules)
    heartbeat = 0

    async def beat() -> None:
        nonlocal heartbeat
        while True:
            heartbeat += 1
            await asyncio.sleep(0.01)

    beating = asyncio.create_task(beat())
    try:
        with pytest.raises(CoachingTooSlow, match="too complex to coach quickly"):
            await coach_text(service, ADA, "A long draft.",  # type: ignore[arg-type]
                             delivery_key=None, budget=0.05, deadline=0.3)
        assert heartbeat > 1  # the loop kept serving other work while the coach was stuck
    finally:
        beating.cancel()
        stuck.set()
        service.release.set()
    assert str(CoachingTooSlow()) == TOO_COMPLEX


async def test_a_too_complex_chat_draft_gets_the_friendly_card(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from bot.teams import answers

    async def too_slow(*args: Any, **kwargs: Any) -> Any:
        raise CoachingTooSlow()

    monkeypatch.setattr(answers, "coach_text", too_slow)
    answer = await answers.command_answer(
        DownService(), ADA, "check a very long draft", delivery_key=None  # type: ignore[arg-type]
    )
    assert "too complex to coach quickly" in answer.message.text
    assert "shorter" in str(answer.message.card)
