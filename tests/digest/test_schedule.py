"""The weekly digest inside the server: rounds on a timer, one DM per person and week.

The server under test is the real one from `create_app` (as `python app.py serve`
runs it) with the schedule's interval shortened; Slack is the local mock.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, datetime

from bot.config import Settings
from bot.digest.deliver import DigestSender
from bot.digest.outcomes import Delivered
from bot.digest.schedule import DigestSchedule
from bot.server import DIGESTS
from bot.service import Actor, DigestData, Service, build_service
from tests.slack.harness import Harness, running
from tests.slack.mock_slack import TEAM_ID, MockSlack
from tests.slack.signing import SECRET

TICK = 0.1  # seconds between rounds in these tests (ten minutes in production)
DUE = Actor("slack", TEAM_ID, "U0DUE")
SCHEDULE_TASK = "toughclient:digest-schedule"


def server_settings(settings: Settings, mock: MockSlack) -> Settings:
    return replace(
        settings,
        slack_bot_token="xoxb-test",
        slack_signing_secret=SECRET,
        slack_api_url=mock.api_url,
    )


def with_a_due_digest(settings: Settings) -> None:
    """One open promise for someone whose digest is due at any hour of any day."""
    service = build_service(settings)
    try:
        service.migrate()
        service.track_promise(DUE, text="Send Acme the revised quote", customer="Acme")
        service.update_settings(DUE, digest_day=0, digest_hour=0)
    finally:
        service.close()


def digests_to(mock: MockSlack, user: str) -> list[dict[str, object]]:
    return [c.params for c in mock.of("chat.postMessage") if c.params.get("channel") == user]


def schedule_of(server: Harness) -> DigestSchedule:
    return server.server.app[DIGESTS]


async def rounds_done(mock: MockSlack, schedule: DigestSchedule, count: int) -> None:
    """Wait until `schedule` has finished `count` more rounds than it has now."""
    target = schedule.rounds + count
    await mock.wait_for(lambda: schedule.rounds >= target)


def schedule_tasks() -> list[asyncio.Task[object]]:
    return [t for t in asyncio.all_tasks() if t.get_name() == SCHEDULE_TASK and not t.done()]


async def test_the_server_sends_a_due_digest_once(settings: Settings, slack_api: MockSlack) -> None:
    config = server_settings(settings, slack_api)
    with_a_due_digest(config)
    async with running(config, slack_api, run_scheduler=True, digest_interval=TICK) as server:
        schedule = schedule_of(server)
        await slack_api.wait_for(lambda: digests_to(slack_api, DUE.user_id), timeout=3)
        # Two more rounds after the send: the digest is not sent again this week.
        await rounds_done(slack_api, schedule, 2)
        [post] = digests_to(slack_api, DUE.user_id)
        assert "Send Acme the revised quote" in str(post["blocks"])
        assert schedule.failures == 0
    assert schedule_tasks() == []  # stopped with the server


async def test_two_servers_on_one_database_send_one_digest(
    settings: Settings, slack_api: MockSlack
) -> None:
    config = server_settings(settings, slack_api)
    with_a_due_digest(config)
    async with (
        running(config, slack_api, run_scheduler=True, digest_interval=TICK) as first,
        running(config, slack_api, run_scheduler=True, digest_interval=TICK) as second,
    ):
        await slack_api.wait_for(lambda: digests_to(slack_api, DUE.user_id), timeout=3)
        for server in (first, second):
            await rounds_done(slack_api, schedule_of(server), 3)
        assert len(digests_to(slack_api, DUE.user_id)) == 1
        reports = [schedule_of(s).last_report for s in (first, second)]
        assert all(r is not None and r.already_sent == 1 and not r.failed for r in reports)
    assert schedule_tasks() == []


async def test_the_schedule_can_be_turned_off(settings: Settings, slack_api: MockSlack) -> None:
    config = server_settings(settings, slack_api)
    async with running(config, slack_api, run_scheduler=False) as server:
        assert DIGESTS not in server.server.app
        assert schedule_tasks() == []


class Recorder:
    """A sender that keeps what it was asked to send."""

    def __init__(self) -> None:
        self.sent: list[DigestData] = []

    async def send(self, data: DigestData, week: str) -> Delivered:
        self.sent.append(data)
        return Delivered("D1", f"{len(self.sent)}")

    async def find_sent(self, data: DigestData, week: str) -> Delivered | None:
        return None


async def test_a_failing_round_does_not_stop_the_schedule(service: Service) -> None:
    service.track_promise(DUE, text="Call Globex back")
    service.update_settings(DUE, digest_day=0, digest_hour=0)
    recorder = Recorder()
    calls = 0

    def senders() -> Mapping[str, DigestSender]:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise RuntimeError("the Teams adapter is broken today")
        return {"slack": recorder}

    schedule = DigestSchedule(service, senders, interval=0.05, clock=lambda: datetime.now(UTC))
    task = schedule.start()
    try:
        deadline = asyncio.get_running_loop().time() + 3
        while schedule.rounds < 3:
            assert asyncio.get_running_loop().time() < deadline, "the schedule stopped"
            await asyncio.sleep(0.01)
        assert schedule.failures == 1 and not task.done()
        assert [d.actor for d in recorder.sent] == [DUE]
    finally:
        await schedule.stop()
    assert task.cancelled()
