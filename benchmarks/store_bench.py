"""Store speed: the weekly digest data for everyone, and logging one incident.

Seeds 10,000 users holding 20 promises each (plus 2 incidents and a settings
row each) with bulk inserts, then times `Service.digests_for_all` (target:
under 1 s) and `Service.log_incident` (target: p99 under 5 ms), on a SQLite
file and, when TOUGHCLIENT_TEST_POSTGRES_URL is set, on PostgreSQL in a
throwaway schema.

    .venv/bin/python -m benchmarks store
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from bot.config import Settings
from bot.service import Actor, Service, build_service
from bot.store.models import Incident, Promise, UserSetting

USERS = 10_000
USERS_PER_TENANT = 100
PROMISES_PER_USER = 20
INCIDENTS_PER_USER = 2
LOG_CALLS = 2_000
WARM_UP = 50
DIGEST_RUNS = 3
NOW = datetime(2026, 3, 4, 9, 0, tzinfo=UTC)
BATCH = 20_000


def _users() -> Iterator[tuple[str, str]]:
    for n in range(USERS):
        yield f"T{n // USERS_PER_TENANT:04d}", f"U{n:05d}"


def _promise_rows() -> Iterator[dict[str, Any]]:
    for n, (tenant, user) in enumerate(_users()):
        for k in range(PROMISES_PER_USER):
            status = "open" if k < 12 else ("kept" if k < 17 else "cancelled")
            due = None if k % 4 == 3 else NOW + timedelta(hours=(k * 37 + n) % 400 - 100)
            closed = NOW - timedelta(days=k - 10) if status != "open" else None
            yield {
                "platform": "slack", "tenant_id": tenant, "user_id": user,
                "customer": f"Customer {k % 7}", "customer_key": f"customer {k % 7}",
                "text": f"Send the revised quote #{k}", "due": due, "status": status,
                "created_at": NOW - timedelta(days=30), "closed_at": closed,
            }


def _incident_rows() -> Iterator[dict[str, Any]]:
    for tenant, user in _users():
        for k in range(INCIDENTS_PER_USER):
            yield {
                "platform": "slack", "tenant_id": tenant, "user_id": user,
                "customer": f"Customer {k}", "customer_key": f"customer {k}",
                "what_happened": "Shouted about the late delivery", "what_agreed": "",
                "severity": "medium", "kind": "unsure", "status": "open",
                "created_at": NOW - timedelta(days=3 + k * 7),
            }


def _settings_rows() -> Iterator[dict[str, Any]]:
    zones = ("UTC", "Europe/Paris", "America/New_York", "Asia/Tokyo")
    for n, (tenant, user) in enumerate(_users()):
        yield {
            "platform": "slack", "tenant_id": tenant, "user_id": user, "tz": zones[n % 4],
            "digest_day": n % 5, "digest_hour": 9, "digest_enabled": n % 20 != 0,
            "updated_at": NOW,
        }


def _bulk(service: Service, model: type, rows: Iterator[dict[str, Any]]) -> int:
    total = 0
    batch: list[dict[str, Any]] = []
    with service.engine.begin() as connection:
        for row in rows:
            batch.append(row)
            if len(batch) == BATCH:
                connection.execute(insert(model), batch)
                total += len(batch)
                batch = []
        if batch:
            connection.execute(insert(model), batch)
            total += len(batch)
    return total


def _seed(service: Service) -> str:
    started = time.perf_counter()
    promises = _bulk(service, Promise, _promise_rows())
    incidents = _bulk(service, Incident, _incident_rows())
    _bulk(service, UserSetting, _settings_rows())
    with service.engine.begin() as connection:
        connection.exec_driver_sql("ANALYZE")  # planner statistics, as autovacuum would gather
    took = time.perf_counter() - started
    return (
        f"seeded {promises:,} promises, {incidents:,} incidents for {USERS:,} users "
        f"in {took:.1f} s"
    )


def _time_digests(service: Service) -> tuple[float, float, int, int]:
    times = []
    digests: list[Any] = []
    for _ in range(DIGEST_RUNS):
        started = time.perf_counter()
        digests = service.digests_for_all(now=NOW)
        times.append(time.perf_counter() - started)
    listed = sum(d.open_count for d in digests)
    return min(times), statistics.median(times), len(digests), listed


def _time_log_incident(service: Service) -> tuple[float, float, float]:
    """p50, p99 and the worst call, after a warm-up (connections, compiled statements)."""
    actor = Actor("slack", "T0000", "U00000", "Ada")
    for n in range(WARM_UP):
        service.log_incident(actor, customer="Acme", what_happened="warm-up", delivery_key=f"w{n}")
    latencies = []
    for n in range(LOG_CALLS):
        started = time.perf_counter()
        service.log_incident(
            actor, customer="Acme", what_happened="Asked for a refund, angrily",
            what_agreed="Refund by Friday" if n % 2 else "", due=None,
            delivery_key=f"bench-{n}",
        )
        latencies.append(time.perf_counter() - started)
    latencies.sort()
    return statistics.median(latencies), latencies[int(len(latencies) * 0.99) - 1], latencies[-1]


def _report(name: str, service: Service) -> None:
    print(f"[{name}] {_seed(service)}", flush=True)
    best, median, people, listed = _time_digests(service)
    verdict = "ok" if best < 1.0 else "OVER TARGET"
    print(
        f"[{name}] digests_for_all: {people:,} digests, {listed:,} open promises: "
        f"best {best * 1000:.0f} ms, median {median * 1000:.0f} ms (target < 1000 ms) {verdict}",
        flush=True,
    )
    p50, p99, worst = _time_log_incident(service)
    verdict = "ok" if p99 < 0.005 else "OVER TARGET"
    print(
        f"[{name}] log_incident x{LOG_CALLS:,}: p50 {p50 * 1000:.2f} ms, p99 {p99 * 1000:.2f} ms, "
        f"max {worst * 1000:.1f} ms (target p99 < 5 ms) {verdict}",
        flush=True,
    )


def _run_on(name: str, url: str) -> None:
    service = build_service(Settings(database_url=url))
    try:
        service.migrate()
        _report(name, service)
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
    with tempfile.TemporaryDirectory() as folder:
        _run_on("sqlite", f"sqlite:///{Path(folder) / 'bench.db'}")
    postgres = os.environ.get("TOUGHCLIENT_TEST_POSTGRES_URL", "").strip()
    if not postgres:
        print("[postgresql] skipped: set TOUGHCLIENT_TEST_POSTGRES_URL="
              "postgresql://postgres@127.0.0.1:5432/test to include it")
        return
    with _postgres_schema(postgres) as url:
        _run_on("postgresql", url)


if __name__ == "__main__":
    main()
