"""/healthz, /readyz and /metrics on the running server, fed by real signed Slack requests."""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest_asyncio
from prometheus_client.parser import text_string_to_metric_families

from bot.coach import coach_draft
from bot.config import Settings
from tests.slack.harness import running, slack_settings
from tests.slack.mock_slack import MockSlack
from tests.teams.conftest import personal_message, running_connector

DRAFT = "We can't do that. I'll get back to you ASAP."


@pytest_asyncio.fixture
async def mock() -> AsyncIterator[MockSlack]:
    fake = MockSlack()
    await fake.start()
    yield fake
    await fake.close()


def samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    found = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            found[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return found


def value(text: str, name: str, **labels: str) -> float:
    return samples(text).get((name, tuple(sorted(labels.items()))), 0.0)


async def test_readyz_is_ready_on_a_migrated_database_with_slack_set_up(
    tmp_path: Path, mock: MockSlack
) -> None:
    async with (
        running(slack_settings(tmp_path / "r.db", mock), mock) as server,
        server.session.get(server.url("/readyz")) as resp,
    ):
        body = await resp.json()
    assert resp.status == 200 and body["ready"] is True
    assert set(body["checks"]) == {"slack", "teams", "database", "migrations"}
    assert body["checks"]["migrations"]["detail"].startswith("at head")


async def test_readyz_refuses_traffic_until_the_release_migration_has_run(
    tmp_path: Path, mock: MockSlack
) -> None:
    settings = replace(slack_settings(tmp_path / "fresh.db", mock), migrate_on_start=False)
    async with running(settings, mock) as server:
        async with server.session.get(server.url("/readyz")) as resp:
            before = (resp.status, await resp.json())
        async with server.session.get(server.url("/healthz")) as resp:
            alive = resp.status
        server.service.migrate()
        async with server.session.get(server.url("/readyz")) as resp:
            after = resp.status
    assert before[0] == 503
    assert "python app.py migrate" in before[1]["checks"]["migrations"]["detail"]
    assert alive == 200  # not ready is not dead: no restart loop while the Job runs
    assert after == 200


async def test_a_half_configured_slack_is_not_ready_and_says_what_is_missing(
    tmp_path: Path, mock: MockSlack
) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'half.db'}", slack_bot_token="xoxb-1")
    async with (
        running(settings, mock) as server,
        server.session.get(server.url("/readyz")) as resp,
    ):
        body = await resp.json()
    assert resp.status == 503
    assert body["checks"]["slack"]["ok"] is False
    assert "SLACK_SIGNING_SECRET" in body["checks"]["slack"]["detail"]


async def test_no_platform_at_all_is_a_choice_and_still_ready(
    tmp_path: Path, mock: MockSlack
) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'none.db'}")
    async with (
        running(settings, mock) as server,
        server.session.get(server.url("/readyz")) as resp,
    ):
        body = await resp.json()
    assert resp.status == 200, body


async def test_healthz_stays_alive_when_the_database_is_away(mock: MockSlack) -> None:
    settings = Settings(database_url="postgresql://postgres@127.0.0.1:9/none",
                        migrate_on_start=False)
    async with running(settings, mock) as server:
        async with server.session.get(server.url("/healthz")) as resp:
            health = (resp.status, await resp.json())
        async with server.session.get(server.url("/readyz")) as resp:
            ready = (resp.status, await resp.json())
    assert health[0] == 200 and health[1]["database"] == "unreachable"
    assert ready[0] == 503 and ready[1]["checks"]["database"]["ok"] is False


async def test_metrics_count_requests_ack_latency_and_flags_per_code(
    tmp_path: Path, mock: MockSlack
) -> None:
    async with running(slack_settings(tmp_path / "m.db", mock), mock) as server:
        async with server.session.get(server.url("/metrics")) as resp:
            before = await resp.text()
        reply, name = await server.command(DRAFT)
        await mock.wait_for(lambda: mock.answers(name))
        async with server.session.get(server.url("/metrics")) as resp:
            after = await resp.text()
            content_type = resp.headers["Content-Type"]
    assert reply.status == 200
    assert content_type.startswith("text/plain")

    def grew(metric: str, **labels: str) -> float:
        return value(after, metric, **labels) - value(before, metric, **labels)

    assert grew("toughclient_requests_total", surface="slack_command", status="2xx") == 1
    assert grew("toughclient_ack_seconds_count", surface="slack_command") == 1
    codes = Counter(flag.code for flag in coach_draft(DRAFT, now=datetime.now(UTC)).flags)
    assert codes  # the draft has something to fix, or this test proves nothing
    for code, count in codes.items():
        assert grew("toughclient_flags_total", code=code) == count
    assert grew("toughclient_coach_seconds_count") >= 1


async def test_metrics_name_teams_messages_and_invokes_apart(
    tmp_path: Path, mock: MockSlack
) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 't.db'}")
    async with running_connector() as connector, running(settings, mock) as server:
        before = await (await server.session.get(server.url("/metrics"))).text()
        activity = personal_message(connector.url, DRAFT)
        async with server.session.post(server.url("/api/messages"), json=activity) as resp:
            assert resp.status == 200
        async with server.session.post(server.url("/api/messages"), data="{",
                                       headers={"Content-Type": "application/json"}) as resp:
            assert resp.status == 400
        after = await (await server.session.get(server.url("/metrics"))).text()

    def grew(**labels: str) -> float:
        return (value(after, "toughclient_requests_total", **labels)
                - value(before, "toughclient_requests_total", **labels))

    assert grew(surface="teams_message", status="2xx") == 1
    assert grew(surface="teams_refused", status="4xx") == 1


async def test_every_answer_carries_a_request_id_and_keeps_the_proxys(
    tmp_path: Path, mock: MockSlack
) -> None:
    async with running(slack_settings(tmp_path / "i.db", mock), mock) as server:
        async with server.session.get(server.url("/healthz")) as resp:
            fresh = resp.headers["X-Request-Id"]
        headers = {"X-Request-Id": "nginx-abc123"}
        async with server.session.get(server.url("/healthz"), headers=headers) as resp:
            kept = resp.headers["X-Request-Id"]
    assert len(fresh) == 16
    assert kept == "nginx-abc123"
