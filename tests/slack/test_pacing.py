"""Acks first, work after: the gate that holds work back and the background task set."""

from __future__ import annotations

import asyncio
import gc
import logging

import pytest

from bot.slack.pacing import AckGate, Background


async def test_work_waits_while_an_ack_is_pending_and_goes_once_it_is_sent() -> None:
    gate = AckGate(quiet=0.01, max_defer=5.0)
    gate.enter()
    waiter = asyncio.create_task(gate.settled())
    await asyncio.sleep(0.05)
    assert not waiter.done()
    gate.leave()
    await asyncio.wait_for(waiter, 1.0)


async def test_a_steady_stream_of_requests_never_starves_the_work() -> None:
    gate = AckGate(quiet=0.01, max_defer=0.05)
    gate.enter()  # never acknowledged
    await asyncio.wait_for(gate.settled(), 1.0)


async def test_a_background_task_is_kept_alive_until_it_finishes() -> None:
    background = Background()
    release = asyncio.Event()
    finished: list[str] = []

    async def work() -> None:
        await release.wait()
        finished.append("done")

    background.spawn(work(), name="kept")
    gc.collect()
    assert len(background.tasks) == 1
    release.set()
    await background.drain(1.0)
    assert finished == ["done"] and not background.tasks


async def test_a_background_failure_is_always_logged(caplog: pytest.LogCaptureFixture) -> None:
    background = Background()

    async def broken() -> None:
        raise RuntimeError("lost answer")

    with caplog.at_level(logging.ERROR, logger="toughclient.slack"):
        background.spawn(broken(), name="slack:broken")
        await background.drain(1.0)
        await asyncio.sleep(0)
    assert any("slack:broken" in r.getMessage() and r.exc_info for r in caplog.records)
