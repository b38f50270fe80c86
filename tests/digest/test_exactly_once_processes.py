"""Exactly once, with real processes on the real PostgreSQL.

Two `python app.py serve` processes (each running digest rounds every second)
and `python app.py digest` start at the same moment against one database; a
mock Slack Web API and a mock Teams connector count what arrives. Every due
person gets one digest and nobody two. Then a `digest` process is killed while
Slack holds its sends, and a restarted one finishes the round: still nobody
twice (the interrupted sends are found in the DMs' history) and nobody missed.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import pytest_asyncio

from bot.config import Settings
from bot.service import Actor, Service, build_service
from tests.slack.mock_slack import TEAM_ID, MockSlack
from tests.teams.conftest import MockConnector, running_connector

ROOT = Path(__file__).resolve().parents[2]
TENANT = "tenant-exactly-once"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest_asyncio.fixture
async def connector() -> AsyncIterator[MockConnector]:
    async with running_connector() as mock:
        yield mock


@pytest.fixture
def seeded(postgres_schema_url: str) -> Iterator[Service]:
    service = build_service(Settings(database_url=postgres_schema_url))
    service.migrate()
    yield service
    service.close()


def seed(service: Service, connector: MockConnector, slack: int, teams: int, later: int
         ) -> tuple[list[Actor], list[Actor]]:
    """Due Slack and Teams people (default Monday 09:00 UTC, so due by now in the week),
    plus `later` people whose digest hour has not come (Sunday 23:00 far east)."""
    due_slack = [Actor("slack", TEAM_ID, f"U{n:04d}") for n in range(slack)]
    due_teams = [Actor("teams", TENANT, f"29:t{n:04d}") for n in range(teams)]
    for actor in [*due_slack, *due_teams]:
        service.track_promise(actor, text=f"Call back for {actor.user_id}")
    for actor in due_teams:
        service.save_conversation_reference(actor, {
            "serviceUrl": connector.url, "channelId": "msteams",
            "conversation": {"id": f"a:{actor.user_id}", "tenantId": TENANT},
            "bot": {"id": "28:toughclient"}, "user": {"id": actor.user_id},
        })
    for n in range(later):
        actor = Actor("slack", TEAM_ID, f"ULATER{n}")
        service.track_promise(actor, text="Not yet")
        service.update_settings(actor, tz="Pacific/Kiritimati", digest_day=6, digest_hour=23)
    return due_slack, due_teams


def environment(database: str, mock: MockSlack) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": database,
        "SLACK_BOT_TOKEN": "xoxb-exactly-once",
        "SLACK_SIGNING_SECRET": "not-used-here",
        "SLACK_API_URL": mock.api_url,
        "MICROSOFT_APP_ID": "",
        "TOUGHCLIENT_DIGEST_INTERVAL": "1",
        "TOUGHCLIENT_MIGRATE_ON_START": "false",
        "PYTHONUNBUFFERED": "1",
    }


async def start(env: dict[str, str], *args: str) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable, "app.py", *args, cwd=ROOT, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )


async def settle(service: Service, expected: int, timeout: float = 90.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        outcomes = await asyncio.to_thread(service.digest_outcomes)
        if sum(1 for o in outcomes if o[4] == "sent") >= expected:
            return
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"only {Counter(o[4] for o in outcomes)} after {timeout} s")
        await asyncio.sleep(0.2)


def slack_counts(mock: MockSlack) -> Counter[str]:
    return Counter({channel: len(messages) for channel, messages in mock.posted.items()})


def teams_counts(connector: MockConnector) -> Counter[str]:
    return Counter(sent.path.split("/")[3] for sent in connector.messages())


async def test_two_servers_and_the_digest_command_send_each_digest_once(
    seeded: Service, postgres_schema_url: str, slack_api: MockSlack, connector: MockConnector
) -> None:
    due_slack, due_teams = seed(seeded, connector, slack=150, teams=30, later=5)
    slack_api.post_delay = 0.4  # Slack answers in 400 ms: the three overlap for seconds
    env = environment(postgres_schema_url, slack_api)
    servers = [await start(env, "serve", "--host", "127.0.0.1", "--port", str(free_port()))
               for _ in range(2)]
    command = await start(env, "digest")
    try:
        await settle(seeded, len(due_slack) + len(due_teams))
        out, err = await asyncio.wait_for(command.communicate(), timeout=60)
        assert command.returncode == 0, err.decode()
        await asyncio.sleep(3)  # three more rounds on each server: nothing more may go out
    finally:
        for server in servers:
            if server.returncode is None:
                server.send_signal(signal.SIGTERM)
        logs = [await asyncio.wait_for(s.communicate(), timeout=30) for s in servers]
    assert slack_counts(slack_api) == Counter({MockSlack.dm_channel(a.user_id): 1
                                                for a in due_slack})
    assert teams_counts(connector) == Counter({f"a:{a.user_id}": 1 for a in due_teams})
    sent_by_command = out.decode()
    print("digest command:", sent_by_command.strip())
    for n, (_, server_err) in enumerate(logs):
        lines = [line for line in server_err.decode().splitlines() if "weekly digest:" in line]
        print(f"server {n}:", *lines, sep="\n  ")


async def test_a_round_killed_mid_send_and_restarted_sends_to_everyone_once(
    seeded: Service, postgres_schema_url: str, slack_api: MockSlack, connector: MockConnector
) -> None:
    due_slack, due_teams = seed(seeded, connector, slack=60, teams=10, later=0)
    slack_api.post_delay = 5.0  # Slack has each message, but the answers hang
    env = environment(postgres_schema_url, slack_api)
    first = await start(env, "digest")
    deadline = asyncio.get_running_loop().time() + 60
    while sum(slack_counts(slack_api).values()) < 16:  # one whole batch is in flight
        assert asyncio.get_running_loop().time() < deadline, "the first round never sent"
        await asyncio.sleep(0.05)
    first.kill()
    await first.wait()
    in_flight = sum(slack_counts(slack_api).values())
    statuses = Counter(o[4] for o in seeded.digest_outcomes())
    # Claimed a batch ahead; Slack holds the first sends; nothing is recorded as sent yet.
    assert statuses["claimed"] >= in_flight and statuses["sent"] == 0

    slack_api.post_delay = 0.0
    later = (datetime.now(UTC) + timedelta(minutes=16)).isoformat()  # the claims are stale now
    restarted = await start(env, "digest", "--now", later)
    out, err = await asyncio.wait_for(restarted.communicate(), timeout=90)
    assert restarted.returncode == 0, err.decode()
    assert f"{in_flight} found already delivered after an interrupted round" in out.decode()

    assert slack_counts(slack_api) == Counter({MockSlack.dm_channel(a.user_id): 1
                                                for a in due_slack})
    assert teams_counts(connector) == Counter({f"a:{a.user_id}": 1 for a in due_teams})
    assert Counter(o[4] for o in seeded.digest_outcomes()) == Counter(
        {"sent": len(due_slack) + len(due_teams)}
    )
