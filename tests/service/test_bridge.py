"""The bridge from the platforms to the service: one worker limit, one deadline policy, and
one "too slow" answer, whichever platform asks; the coach never runs on the event loop."""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Any

import pytest

from bot.coach.types import CoachResult
from bot.service import Actor, InvalidInput, StorageUnavailable, bridge
from bot.service.bridge import TOO_SLOW, CoachingTooSlow, Deadline, rules_coach

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

    monkeypatch.setattr(bridge, "rules_coach", fallback)
    ticker = asyncio.create_task(tick())
    outcome = await bridge.coach(DownService(), ADA, "I'll fix it ASAP.",  # type: ignore[arg-type]
                                 delivery_key=None, deadline=Deadline(1, 10))
    await ticker
    assert outcome.tz == "UTC" and outcome.event_id is None
    assert "vague_commitment" in {flag.code for flag in outcome.result.flags}


async def test_a_slow_database_still_gets_rules_coaching_within_the_deadline() -> None:
    service = SlowService()
    started = time.monotonic()
    try:
        outcome = await bridge.coach(service, ADA, "I'll fix it ASAP.",  # type: ignore[arg-type]
                                     delivery_key=None, deadline=Deadline(0.05, 10))
    finally:
        service.release.set()
    assert time.monotonic() - started < 5
    assert "vague_commitment" in {flag.code for flag in outcome.result.flags}


async def test_past_the_deadline_the_answer_is_too_slow_and_the_loop_keeps_serving(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    service = SlowService()
    stuck = threading.Event()

    def slow_rules(text: str, **kwargs: Any) -> CoachResult:
        stuck.wait(10)
        return rules_coach(text)

    monkeypatch.setattr(bridge, "rules_coach", slow_rules)
    heartbeat = 0

    async def beat() -> None:
        nonlocal heartbeat
        while True:
            heartbeat += 1
            await asyncio.sleep(0.01)

    beating = asyncio.create_task(beat())
    try:
        with pytest.raises(CoachingTooSlow, match="too complex to coach quickly"):
            await bridge.coach(service, ADA, "A long draft.",  # type: ignore[arg-type]
                               delivery_key=None, deadline=Deadline(0.05, 0.3))
        assert heartbeat > 1
    finally:
        beating.cancel()
        stuck.set()
        service.release.set()
    assert str(CoachingTooSlow()) == TOO_SLOW


async def test_a_draft_the_coach_refuses_is_invalid_input_not_a_fallback() -> None:
    with pytest.raises(InvalidInput):
        await bridge.coach(DownService(), ADA, "   ",  # type: ignore[arg-type]
                           delivery_key=None, deadline=Deadline(1, 2))


async def test_at_most_workers_service_calls_run_at_once_from_every_platform() -> None:
    running = 0
    most = 0
    lock = threading.Lock()

    def call() -> None:
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
        time.sleep(0.02)
        with lock:
            running -= 1

    await asyncio.gather(*(bridge.run(call) for _ in range(bridge.WORKERS * 4)))
    assert most == bridge.WORKERS
    assert bridge.worker_slots() is bridge.worker_slots()  # one limit per event loop


async def test_waiting_for_a_worker_counts_against_the_database_budget() -> None:
    """Every slot held by calls stuck on the database: the draft is coached by the rules in
    time instead of queueing behind them."""
    slots = bridge.worker_slots()
    for _ in range(bridge.WORKERS):
        await slots.acquire()
    started = time.monotonic()
    try:
        outcome = await bridge.coach(DownService(), ADA, "I'll fix it ASAP.",  # type: ignore[arg-type]
                                     delivery_key=None, deadline=Deadline(0.1, 5))
    finally:
        for _ in range(bridge.WORKERS):
            slots.release()
    assert time.monotonic() - started < 2
    assert outcome.event_id is None and outcome.result.flags
