"""Coaching has a deadline, and forms open before any database work.

A draft that takes too long to coach gets a friendly answer instead of none,
and does not hold a worker that the database calls behind it need. A form
opens while its trigger id (3 s, single use) is fresh, even when every worker
is busy.
"""

from __future__ import annotations

import json
import threading
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
import pytest_asyncio

from bot.server import SLACK
from bot.service.bridge import WORKERS
from bot.slack import ids
from bot.slack.deps import Deps
from tests.slack.harness import Harness, block_action, dm, view_submission

pytestmark = pytest.mark.asyncio(loop_scope="module")

TOO_LONG = "too complex to coach quickly"


def deps_of(slack: Harness) -> Deps:
    deps = slack.server.app[SLACK].deps
    assert deps is not None
    return deps


@pytest.fixture
def stuck_coach(slack: Harness, monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Coaching hangs (until the test ends); the deadline is 0.1 s instead of 10."""
    release = threading.Event()

    def hang(*args: Any, **kwargs: Any) -> Any:
        release.wait(10)
        raise RuntimeError("released at the end of the test")

    monkeypatch.setattr(slack.service, "coach", hang)
    monkeypatch.setattr(deps_of(slack), "coach_deadline", 0.1)
    yield release
    release.set()


@pytest_asyncio.fixture(loop_scope="module")
async def busy_workers(slack: Harness) -> AsyncIterator[None]:
    """Every worker slot taken, as by two stuck service calls."""
    workers = deps_of(slack).workers
    held = 0
    try:
        for _ in range(WORKERS):
            await workers.acquire()
            held += 1
        yield
    finally:
        for _ in range(held):
            workers.release()


def dm_posts(slack: Harness, channel: str) -> list[dict[str, Any]]:
    return [c.params for c in slack.mock.of("chat.postMessage") if c.params["channel"] == channel]


async def test_a_dm_that_takes_too_long_gets_a_friendly_answer(
    slack: Harness, stuck_coach: threading.Event
) -> None:
    await slack.event(dm("We can't do that.", channel="D0SLOW"))
    await slack.mock.wait_for(lambda: dm_posts(slack, "D0SLOW"))
    assert TOO_LONG in json.dumps(dm_posts(slack, "D0SLOW")[0])


async def test_a_slow_check_command_answers_the_asker(
    slack: Harness, stuck_coach: threading.Event
) -> None:
    _, name = await slack.command("check We can't do that.")
    await slack.mock.wait_for(lambda: slack.mock.answers(name))
    answer = slack.mock.answers(name)[0]
    assert answer["response_type"] == "ephemeral" and TOO_LONG in json.dumps(answer)


@pytest.mark.parametrize(
    ("callback_id", "values"),
    [
        (ids.VIEW_COACH_REPLY, {ids.DRAFT: {"type": "plain_text_input", "value": "Can't."}}),
        (
            ids.VIEW_SOFTEN_NO,
            {
                ids.ASKED_FOR: {"type": "plain_text_input", "value": "a refund"},
                ids.WHY_NOT: {"type": "plain_text_input", "value": "past 90 days"},
            },
        ),
    ],
    ids=["coach-a-reply", "soften-a-no"],
)
async def test_a_slow_modal_says_so_in_the_modal(
    slack: Harness, stuck_coach: threading.Event, callback_id: str, values: dict[str, Any]
) -> None:
    view_id = slack.next_id("VSLOW")
    reply = await slack.interact(view_submission(callback_id, values, view_id=view_id))
    assert reply.json()["response_action"] == "update"
    await slack.mock.wait_for(lambda: slack.mock.of("views.update"))
    update = slack.mock.of("views.update")[0].params
    assert update["view_id"] == view_id and TOO_LONG in json.dumps(update["view"])


async def test_stuck_coaching_does_not_block_the_database_calls_behind_it(
    slack: Harness, stuck_coach: threading.Event
) -> None:
    for channel in ("D0STUCK1", "D0STUCK2"):  # as many stuck drafts as there are workers
        await slack.event(dm("We can't do that.", channel=channel))
    await slack.mock.wait_for(lambda: dm_posts(slack, "D0STUCK1") and dm_posts(slack, "D0STUCK2"))
    # Both coaching threads are still hanging; a command that needs the database is answered.
    _, name = await slack.command("promises")
    await slack.mock.wait_for(lambda: slack.mock.answers(name), timeout=3)
    assert not stuck_coach.is_set()


def opened(slack: Harness, callback_id: str) -> list[dict[str, Any]]:
    views = [c.params["view"] for c in slack.mock.of("views.open")]
    return [v for v in views if v.get("callback_id") == callback_id]


@pytest.mark.parametrize(
    ("text", "form"),
    [("log Acme", ids.VIEW_LOG_INCIDENT), ("no", ids.VIEW_SOFTEN_NO)],
    ids=["log", "no"],
)
async def test_a_command_form_opens_while_every_worker_is_busy(
    slack: Harness, busy_workers: None, text: str, form: str
) -> None:
    reply, _ = await slack.command(text)
    assert reply.status == 200
    await slack.mock.wait_for(lambda: opened(slack, form), timeout=2)


async def test_log_an_incident_from_a_dm_opens_while_every_worker_is_busy(
    slack: Harness, busy_workers: None
) -> None:
    click = block_action(
        ids.OPEN_LOG_MODAL,
        "{}",
        container={"type": "message", "message_ts": "1700000030.1", "channel_id": "D0DM"},
        message={"ts": "1700000030.1", "text": "x", "blocks": []},
        trigger_id="trig-busy-log",
    )
    assert (await slack.interact(click)).status == 200
    await slack.mock.wait_for(lambda: slack.mock.of("views.open"), timeout=2)


async def test_a_spent_trigger_id_is_not_reported_as_an_error(slack: Harness) -> None:
    slack.mock.fail("views.open", "exchanged_trigger_id")
    _, name = await slack.command("log")
    await slack.mock.wait_for(lambda: slack.mock.of("views.open"))
    # a later command's answer: by then the first one's error, if any, would have been sent
    _, later = await slack.command("help")
    await slack.mock.wait_for(lambda: slack.mock.answers(later))
    assert slack.mock.answers(name) == []
