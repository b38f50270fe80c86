"""What Slack users write is stored without control characters and within its limit,
on SQLite and on PostgreSQL (which refuses a NUL byte outright)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.service.limits import PROMISE_CHARS, WHAT_HAPPENED_CHARS
from tests.slack.harness import Harness, running, slack_settings
from tests.slack.mock_slack import MockSlack


@pytest.fixture
async def slack(database_url: str, tmp_path: Path) -> AsyncIterator[Harness]:
    mock = MockSlack()
    await mock.start()
    try:
        settings = slack_settings(tmp_path / "unused.db", mock, database_url=database_url)
        async with running(settings, mock) as harness:
            yield harness
    finally:
        await mock.close()


async def answer(slack: Harness, text: str) -> str:
    reply, name = await slack.command(text)
    assert reply.status == 200
    await slack.mock.wait_for(lambda: slack.mock.answers(name))
    return json.dumps(slack.mock.answers(name))


async def test_control_characters_are_dropped_before_anything_is_stored(slack: Harness) -> None:
    said = await answer(slack, "log Ac\x00me: shouted\x00 at \x1bsupport\r\nand hung up")
    assert "went wrong" not in said
    [incident] = slack.service.list_incidents(slack.actor())
    assert (incident.customer, incident.what_happened) == (
        "Acme", "shouted at support\nand hung up")


async def test_a_draft_with_a_nul_byte_is_coached(slack: Harness) -> None:
    said = await answer(slack, "check We can\x00't do that.")
    assert "went wrong" not in said and "Hard no" in said


async def test_text_over_its_limit_is_refused_with_the_limit_and_nothing_stored(
    slack: Harness,
) -> None:
    said = await answer(slack, "log Acme: " + "y" * (WHAT_HAPPENED_CHARS + 1))
    assert f"at most {WHAT_HAPPENED_CHARS:,}" in said and "nothing was saved" in said
    assert slack.service.list_incidents(slack.actor()) == []


def test_promise_text_is_capped(service, actor) -> None:
    from bot.service import InvalidInput

    with pytest.raises(InvalidInput, match=f"at most {PROMISE_CHARS:,}"):
        service.track_promise(actor, text="p" * (PROMISE_CHARS + 1))
    assert service.open_promises(actor) == []
