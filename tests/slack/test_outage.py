"""A database outage: the user is told what they tried to save, and coaching still answers."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bot.service import Service
from bot.store.engine import make_engine
from bot.store.retry import RetryPolicy
from tests.slack.harness import running, slack_settings
from tests.slack.mock_slack import MockSlack


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """Another writer holds the SQLite file for as long as the block runs."""
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        yield
    finally:
        holder.execute("COMMIT")
        holder.close()


async def test_a_log_during_an_outage_says_the_incident_was_not_saved(tmp_path: Path) -> None:
    mock = MockSlack()
    await mock.start()
    settings = slack_settings(tmp_path / "outage.db", mock)
    service = Service(make_engine(settings.sqlalchemy_url, sqlite_busy_timeout=0.01), settings,
                      retry=RetryPolicy(delays=(0.01,)))
    service.migrate()
    try:
        async with running(settings, mock, service=service) as slack:
            with locked(tmp_path / "outage.db"):
                _, logged = await slack.command("log Acme: shouted on the phone")
                await mock.wait_for(lambda: mock.answers(logged))
                _, coached = await slack.command("check We can't do that.")
                await mock.wait_for(lambda: mock.answers(coached))
            said = json.dumps(mock.answers(logged))
            assert "your incident was not saved" in said
            assert "delivery record" not in said
            assert "1 thing to fix in your draft" in json.dumps(mock.answers(coached))
    finally:
        service.close()
        await mock.close()
