"""Structured logs: JSON off a terminal, the request id in background work, no secrets."""

from __future__ import annotations

import asyncio
import io
import json
import logging
from collections.abc import Iterator

import pytest

from bot.observability import logs


@pytest.fixture
def captured() -> Iterator[io.StringIO]:
    root = logging.getLogger()
    saved = (list(root.handlers), root.level)
    stream = io.StringIO()
    logs.configure(logging.INFO, stream=stream)
    try:
        yield stream
    finally:
        root.handlers[:] = saved[0]
        root.setLevel(saved[1])


def lines(stream: io.StringIO) -> list[dict[str, object]]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_off_a_terminal_each_line_is_one_json_object(captured: io.StringIO) -> None:
    logging.getLogger("toughclient.test").warning("digest sent to %d people", 3)
    (entry,) = lines(captured)
    assert entry["level"] == "warning" and entry["logger"] == "toughclient.test"
    assert entry["message"] == "digest sent to 3 people"
    assert "request_id" not in entry


def test_at_a_terminal_lines_are_text_with_the_request_id() -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Tty()
    handler = logs.configure(logging.INFO, stream=stream)
    try:
        logs.bind_request_id("req-1")
        logging.getLogger("toughclient.test").info("hello")
    finally:
        logging.getLogger().removeHandler(handler)
        logs.REQUEST_ID.set(None)
    assert " INFO toughclient.test [req-1]: hello" in stream.getvalue()


async def test_the_request_id_follows_work_into_tasks_and_threads(captured: io.StringIO) -> None:
    log = logging.getLogger("toughclient.test")

    async def request(given: str) -> None:
        logs.bind_request_id(given)
        await asyncio.sleep(0)
        # what an ack leaves behind: a background task, and a service call in a thread
        task = asyncio.get_running_loop().create_task(asyncio.to_thread(log.info, "after ack"))
        await task

    await asyncio.gather(
        asyncio.create_task(request("slack-1")), asyncio.create_task(request("teams-2"))
    )
    assert sorted(str(entry["request_id"]) for entry in lines(captured)) == ["slack-1", "teams-2"]


def test_tokens_keys_and_passwords_never_reach_a_line(captured: io.StringIO) -> None:
    log = logging.getLogger("toughclient.test")
    log.error("auth failed with xoxb-1234-5678-abcdef and xapp-1-A0-99")
    log.error("model said no to sk-proj-abcdefghijklmnop; header Bearer eyJhbGciOi.xyz")
    log.error("cannot reach postgresql://toughclient:s3cret@db:5432/toughclient")
    try:
        raise RuntimeError("token xoxb-9999-leak")
    except RuntimeError:
        log.exception("failed")
    text = captured.getvalue()
    for secret in ("1234-5678", "A0-99", "abcdefghijklmnop", "eyJhbGciOi", "s3cret", "9999-leak"):
        assert secret not in text
    assert "xoxb-***" in text and "toughclient:***@db" in text and "Bearer ***" in text


def test_a_proxy_request_id_is_kept_only_when_it_is_tame() -> None:
    assert logs.new_request_id("abc-123") == "abc-123"
    assert logs.new_request_id('x"\n{evil}') == "xevil"
    assert len(logs.new_request_id("")) == 16
    assert len(logs.new_request_id("a" * 500)) == logs.MAX_ID_CHARS
