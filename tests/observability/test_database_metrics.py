"""Database failures are counted: each retried one, and each unit of work given up."""

from __future__ import annotations

from prometheus_client import REGISTRY

from bot.config import Settings
from bot.service import Service, StorageUnavailable
from bot.store.engine import make_engine
from bot.store.retry import RetryPolicy

QUICK = RetryPolicy(delays=(0.01, 0.01))


def counted(kind: str) -> float:
    value = REGISTRY.get_sample_value("toughclient_database_errors_total", {"kind": kind})
    return value or 0.0


def test_an_unreachable_database_counts_two_retries_and_one_give_up() -> None:
    settings = Settings(database_url="postgresql://postgres@127.0.0.1:1/none")
    service = Service(make_engine(settings.sqlalchemy_url), settings, retry=QUICK)
    transient, unavailable = counted("transient"), counted("unavailable")
    try:
        service.ping()
    except StorageUnavailable:
        pass
    finally:
        service.close()
    assert counted("transient") - transient == len(QUICK.delays)
    assert counted("unavailable") - unavailable == 1
