"""A Teams answer the connector refuses is recorded, and Teams' retry of it is answered."""

from __future__ import annotations

import logging

import pytest

from bot.undelivered import UNDELIVERED
from tests.teams.conftest import TeamsBot, personal_message


def undelivered() -> float:
    return UNDELIVERED.labels(platform="teams", route="reply")._value.get()


async def test_a_refused_reply_is_counted_and_the_retried_activity_answered(
    teams_bot: TeamsBot, caplog: pytest.LogCaptureFixture
) -> None:
    before = undelivered()
    teams_bot.connector.fail_posts = 10  # the answer and the apology both refused
    activity = personal_message(teams_bot.connector.url, "check We can't do that.", id="1retry")
    with caplog.at_level(logging.INFO):
        await teams_bot.post(activity)
    assert undelivered() == before + 1
    assert any("answer not delivered (teams reply)" in r.getMessage() for r in caplog.records)
    teams_bot.connector.fail_posts = 0
    assert (await teams_bot.post(activity)).status == 200
    [answer] = teams_bot.connector.messages()
    assert "Hard no" in answer.card_json
