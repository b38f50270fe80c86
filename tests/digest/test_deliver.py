"""Sending the weekly digest: due people get one DM a week, on Slack and Teams.

Slack's Web API and the Teams connector are the local mocks of the adapter
tests; the database is the real one (SQLite and PostgreSQL).
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest_asyncio

from bot.config import Settings
from bot.digest.deliver import deliver_digests, is_due
from bot.service import Actor, Service, build_service
from bot.slack.digest_sender import SlackDigestSender
from bot.teams.digest_sender import TeamsDigestSender
from tests.slack.mock_slack import MockSlack
from tests.teams.conftest import MockConnector, running_connector

# Monday 2026-03-02 10:00 UTC: the default digest (Monday 09:00, UTC) is due.
MONDAY = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
ADA = Actor("slack", "T0001", "U0ADA")
BEN = Actor("teams", "tenant-1", "29:ben")
ROOT = Path(__file__).resolve().parents[2]


@pytest_asyncio.fixture
async def connector() -> AsyncIterator[MockConnector]:
    async with running_connector() as mock:
        yield mock


def teams_reference(connector: MockConnector) -> dict[str, object]:
    return {
        "serviceUrl": connector.url,
        "channelId": "msteams",
        "conversation": {"id": "a:ben-personal", "tenantId": BEN.tenant_id},
        "bot": {"id": "28:toughclient"},
        "user": {"id": BEN.user_id},
    }


def slack_settings(settings: Settings, mock: MockSlack) -> Settings:
    return replace(settings, slack_bot_token="xoxb-test", slack_api_url=mock.api_url)


def senders(settings: Settings, service: Service) -> dict[str, object]:
    return {
        "slack": SlackDigestSender(settings, service),
        "teams": TeamsDigestSender.from_service(settings, service),
    }


async def test_a_due_digest_is_sent_once_as_a_slack_dm(
    service: Service, settings: Settings, slack_api: MockSlack
) -> None:
    service.track_promise(ADA, text="Send Acme the revised quote", customer="Acme",
                          due=MONDAY + timedelta(days=1), now=MONDAY - timedelta(days=1))
    config = slack_settings(settings, slack_api)

    first = await deliver_digests(service, senders(config, service), now=MONDAY)
    later = MONDAY + timedelta(hours=1)
    again = await deliver_digests(service, senders(config, service), now=later)

    [post] = slack_api.of("chat.postMessage")
    assert post.params["channel"] == ADA.user_id and post.token == "xoxb-test"
    assert "Send Acme the revised quote" in json.dumps(post.params["blocks"])
    assert first.sent == 1 and again.sent == 0 and again.already_sent == 1


async def test_nobody_hears_before_their_chosen_day_and_hour(
    service: Service, settings: Settings, slack_api: MockSlack
) -> None:
    service.track_promise(ADA, text="Call back about the refund", now=MONDAY)
    service.update_settings(ADA, tz="America/New_York", digest_day=0, digest_hour=9)
    config = slack_settings(settings, slack_api)

    early = await deliver_digests(service, senders(config, service), now=MONDAY)  # 05:00 there
    assert early.not_due == 1 and slack_api.of("chat.postMessage") == []

    forced = await deliver_digests(service, senders(config, service), now=MONDAY, everyone=True)
    assert forced.sent == 1 and len(slack_api.of("chat.postMessage")) == 1


def test_a_digest_missed_at_its_hour_is_still_due_later_that_week(service: Service) -> None:
    service.track_promise(ADA, text="x", now=MONDAY)
    [data] = service.digests_for_all(now=MONDAY)
    assert is_due(data, MONDAY)
    assert is_due(data, MONDAY + timedelta(days=3))
    assert not is_due(data, MONDAY - timedelta(hours=2))


async def test_people_with_nothing_open_get_no_digest(
    service: Service, settings: Settings, slack_api: MockSlack
) -> None:
    done = service.track_promise(ADA, text="Already done", now=MONDAY - timedelta(days=2))
    service.close_promise(ADA, done.id, "kept", now=MONDAY - timedelta(days=1))
    report = await deliver_digests(
        service, senders(slack_settings(settings, slack_api), service), now=MONDAY
    )
    assert report.nothing_open == 1 and slack_api.of("chat.postMessage") == []


async def test_a_failed_teams_send_is_recorded_and_retried_on_the_next_run(
    service: Service, settings: Settings, connector: MockConnector
) -> None:
    service.track_promise(BEN, text="Email Globex the incident report", now=MONDAY)

    failed = await deliver_digests(service, senders(settings, service), now=MONDAY)
    assert failed.sent == 0 and len(failed.failed) == 1
    assert "has not talked to the bot" in failed.failed[0]

    service.save_conversation_reference(BEN, teams_reference(connector))
    retried = await deliver_digests(service, senders(settings, service), now=MONDAY)
    assert retried.sent == 1
    [message] = connector.messages()
    assert message.path == "/v3/conversations/a:ben-personal/activities"
    assert "Email Globex the incident report" in message.card_json


async def test_two_replicas_sending_at_once_send_each_digest_once(
    settings: Settings, slack_api: MockSlack
) -> None:
    replicas = [build_service(settings), build_service(settings)]
    replicas[0].migrate()
    try:
        people = [Actor("slack", "T0001", f"U{n:03d}") for n in range(12)]
        for person in people:
            replicas[0].track_promise(person, text=f"Promise for {person.user_id}", now=MONDAY)
        config = slack_settings(settings, slack_api)
        reports = await asyncio.gather(
            *(deliver_digests(r, senders(config, r), now=MONDAY) for r in replicas)
        )
    finally:
        for replica in replicas:
            replica.close()
    channels = sorted(call.params["channel"] for call in slack_api.of("chat.postMessage"))
    assert channels == sorted(p.user_id for p in people)
    assert sum(r.sent for r in reports) == 12
    assert sum(r.already_sent for r in reports) == 12


async def test_the_digest_command_sends_through_slack(
    tmp_path: Path, slack_api: MockSlack
) -> None:
    database = f"sqlite:///{tmp_path / 'cli.db'}"
    seeded = build_service(Settings(database_url=database))
    seeded.migrate()
    seeded.track_promise(ADA, text="Refund the double charge", now=MONDAY)
    seeded.close()
    env = {
        **os.environ,
        "DATABASE_URL": database,
        "SLACK_BOT_TOKEN": "xoxb-cli",
        "SLACK_API_URL": slack_api.api_url,
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable, "app.py", "digest", "--now", MONDAY.isoformat(),
        cwd=ROOT, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(process.communicate(), timeout=60)
    assert process.returncode == 0, err.decode()
    assert "1 sent" in out.decode()
    [post] = slack_api.of("chat.postMessage")
    assert "Refund the double charge" in json.dumps(post.params["blocks"])


async def test_the_digest_command_rejects_a_bad_now(tmp_path: Path) -> None:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}"}
    process = await asyncio.create_subprocess_exec(
        sys.executable, "app.py", "digest", "--now", "next monday",
        cwd=ROOT, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    _, err = await asyncio.wait_for(process.communicate(), timeout=60)
    assert process.returncode == 2
    assert err.decode().count("\n") == 1 and "ISO 8601" in err.decode()
