"""With the database unreachable (not just busy), drafts are still coached in Slack, in UTC,
and a log says it was not saved: the benchmark's "postgres cut" phase, as a test."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from bot.service import Service
from bot.store.engine import make_engine
from bot.store.retry import RetryPolicy
from tests.slack.harness import dm, running, slack_settings
from tests.slack.mock_slack import MockSlack

UNREACHABLE = "postgresql://postgres@127.0.0.1:9/none"


async def test_drafts_are_coached_and_logs_say_not_saved_while_the_database_is_away(
    tmp_path: Path,
) -> None:
    mock = MockSlack()
    await mock.start()
    settings = replace(slack_settings(tmp_path / "unused.db", mock), database_url=UNREACHABLE,
                       migrate_on_start=False)
    service = Service(make_engine(settings.sqlalchemy_url), settings,
                      retry=RetryPolicy(delays=(0.01,)))
    try:
        async with running(settings, mock, service=service) as slack:
            await slack.event(dm("We can't do that. I'll get back to you ASAP.", channel="D0AWAY"))
            _, checked = await slack.command("check We can't do that.")
            _, logged = await slack.command("log Acme: shouted on the phone")
            await mock.wait_for(lambda: mock.answers(checked) and mock.answers(logged)
                                and mock.of("chat.postMessage"), timeout=20)
    finally:
        service.close()
        await mock.close()
    [reply] = [c.params for c in mock.of("chat.postMessage") if c.params["channel"] == "D0AWAY"]
    for coached in (json.dumps(reply), json.dumps(mock.answers(checked))):
        assert "to fix in your draft" in coached
        assert "database is unavailable" not in coached
    assert "your incident was not saved" in json.dumps(mock.answers(logged))
