"""A weekly digest round for 10,000 people through the real Slack sender.

Seeds 10,000 Slack people with three open promises each (one overdue), all
due, then runs `deliver_digests` with `SlackDigestSender` against the local
mock Slack Web API: once with Slack answering at once, and once (the next
week, so everyone is due again) with every tenth chat.postMessage answered
429 with Retry-After: 1. Prints wall time, Web API calls per second, and
checks in the mock's record that nobody got two digests and nobody none.
On a SQLite file, and on PostgreSQL too when TOUGHCLIENT_TEST_POSTGRES_URL is set.

    .venv/bin/python -m benchmarks digest_round
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
from sqlalchemy import insert

from bot.config import Settings
from bot.digest.deliver import CONCURRENCY, deliver_digests
from bot.service import Service, build_service
from bot.slack.digest_sender import SlackDigestSender
from bot.store.models import Promise
from tests.slack.mock_slack import TEAM_ID

ROOT = Path(__file__).resolve().parents[1]

PEOPLE = 10_000
PROMISES_EACH = 3
NOW = datetime(2026, 3, 4, 12, 0, tzinfo=UTC)  # a Wednesday: the default Monday 09:00 has passed
THROTTLE_EVERY = 10


def _rows() -> Iterator[dict[str, Any]]:
    for n in range(PEOPLE):
        for k in range(PROMISES_EACH):
            due = None if k == 2 else NOW + timedelta(days=-1 if k == 0 else 3)
            yield {
                "platform": "slack", "tenant_id": TEAM_ID, "user_id": f"U{n:05d}",
                "customer": f"Customer {k}", "customer_key": f"customer {k}",
                "text": f"Send the revised quote #{k}", "due": due, "status": "open",
                "created_at": NOW - timedelta(days=10),
            }


def _seed(service: Service) -> None:
    with service.engine.begin() as connection:
        connection.execute(insert(Promise), list(_rows()))
        connection.exec_driver_sql("ANALYZE")


@contextmanager
def _mock_slack(every: int) -> Iterator[str]:
    """The mock Web API in its own process (its CPU is not ours); yields its API URL."""
    process = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.mock_slack_process", "--throttle-every", str(every)],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert process.stdout is not None
        yield process.stdout.readline().strip()
    finally:
        process.terminate()
        process.wait(timeout=10)


async def _stats(api_url: str) -> dict[str, Any]:
    url = api_url.replace("/api/", "/_stats")
    async with aiohttp.ClientSession() as session, session.get(url) as response:
        stats: dict[str, Any] = await response.json()
        return stats


async def _round(service: Service, settings: Settings, *, now: datetime, every: int) -> str:
    with _mock_slack(every) as api_url:
        config = replace(settings, slack_bot_token="xoxb-bench", slack_api_url=api_url)
        sender = SlackDigestSender(config, service)
        started = time.perf_counter()
        report = await deliver_digests(service, {"slack": sender}, now=now)
        wall = time.perf_counter() - started
        stats = await _stats(api_url)
    calls = int(stats["counts"].get("chat.postMessage", 0))
    posted: dict[str, int] = stats["posted"]
    throttled = calls - sum(posted.values())
    twice = sum(1 for got in posted.values() if got > 1)
    missed = PEOPLE - len(posted)
    return (
        f"{report.sent:,} sent in {wall:.1f} s, {calls / wall:,.0f} chat.postMessage calls/s "
        f"({calls:,} calls, {throttled:,} answered 429), {report.sent / wall:,.0f} digests/s; "
        f"nobody twice: {twice == 0} ({twice}), nobody missed: {missed == 0} ({missed}), "
        f"failed {len(report.failed)}"
    )


def _run_on(name: str, url: str) -> None:
    settings = Settings(database_url=url)
    service = build_service(settings)
    try:
        service.migrate()
        started = time.perf_counter()
        _seed(service)
        took = time.perf_counter() - started
        print(f"[{name}] seeded {PEOPLE:,} people with {PROMISES_EACH} open promises each "
              f"in {took:.1f} s; {CONCURRENCY} sends at a time", flush=True)
        fast = asyncio.run(_round(service, settings, now=NOW, every=0))
        print(f"[{name}] Slack answering at once: {fast}", flush=True)
        throttled = asyncio.run(
            _round(service, settings, now=NOW + timedelta(days=7), every=THROTTLE_EVERY)
        )
        print(f"[{name}] 10% answered 429 Retry-After 1 s: {throttled}", flush=True)
    finally:
        service.close()


@contextmanager
def _postgres_schema(base_url: str) -> Iterator[str]:
    import psycopg

    schema = f"bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base_url, autocommit=True) as admin:
        admin.execute(f'CREATE SCHEMA "{schema}"')
        try:
            joiner = "&" if "?" in base_url else "?"
            yield f"{base_url}{joiner}options=-csearch_path%3D{schema}"
        finally:
            admin.execute(f'DROP SCHEMA "{schema}" CASCADE')


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        _run_on("sqlite", f"sqlite:///{Path(tmp) / 'bench.db'}")
    postgres = os.environ.get("TOUGHCLIENT_TEST_POSTGRES_URL", "").strip()
    if not postgres:
        print("[postgresql] skipped: set TOUGHCLIENT_TEST_POSTGRES_URL="
              "postgresql://postgres@127.0.0.1:5432/test to include it")
        return
    with _postgres_schema(postgres) as url:
        _run_on("postgresql", url)


if __name__ == "__main__":
    main()
