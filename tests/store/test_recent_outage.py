"""In an outage the retries run out once; the calls right after fail fast, not one by one."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from bot.config import Settings
from bot.service import Actor, Service, StorageUnavailable
from bot.store.engine import make_engine
from bot.store.retry import RetryPolicy

PATIENT = RetryPolicy(delays=(0.2, 0.2))
ACTOR = Actor("slack", "T1", "U1")


def timed_failure(service: Service) -> float:
    started = time.monotonic()
    with pytest.raises(StorageUnavailable):
        service.ping()
    return time.monotonic() - started


def test_after_the_retries_run_out_the_next_calls_fail_at_once_then_retry_again() -> None:
    settings = Settings(database_url="postgresql://postgres@127.0.0.1:1/none")
    service = Service(make_engine(settings.sqlalchemy_url), settings, retry=PATIENT)
    service._outage.hold = 0.5
    try:
        assert timed_failure(service) >= 0.4  # the first call waits through both pauses
        assert timed_failure(service) < 0.2  # in the hold: one try, no pause
        time.sleep(0.6)
        assert timed_failure(service) >= 0.4  # past it: patient again
    finally:
        service.close()


def test_a_call_that_succeeds_ends_the_hold(tmp_path: Path) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'back.db'}")
    service = Service(make_engine(settings.sqlalchemy_url), settings, retry=PATIENT)
    service.migrate()
    service._outage._until = time.monotonic() + 60  # as if an outage had just been seen
    try:
        service.ping()
        assert service._outage._until == 0.0
        service.log_incident(ACTOR, customer="Acme", what_happened="back")
    finally:
        service.close()
