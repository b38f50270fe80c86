"""Answers to response URLs go through the server's pooled session, not a new one each."""

from __future__ import annotations

from typing import Any

import pytest

from bot.slack import respond
from tests.slack.harness import Harness

pytestmark = pytest.mark.asyncio(loop_scope="module")


async def test_respond_uses_the_shared_session(
    slack: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    sessions: list[Any] = []
    real = respond.AsyncWebhookClient

    def client(*args: Any, **kwargs: Any) -> Any:
        sessions.append(kwargs.get("session"))
        return real(*args, **kwargs)

    monkeypatch.setattr(respond, "AsyncWebhookClient", client)
    for _ in range(2):
        _, name = await slack.command("help")
        await slack.mock.wait_for(lambda name=name: slack.mock.answers(name))
    assert len(sessions) == 2 and sessions[0] is not None and sessions[0] is sessions[1]
    assert not sessions[0].closed
