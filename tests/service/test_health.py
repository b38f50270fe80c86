"""The health check's database probe."""

from __future__ import annotations

import pytest

from bot.config import Settings
from bot.service import Service, StorageUnavailable, build_service


def test_a_reachable_database_answers_the_ping(service: Service) -> None:
    service.ping()


def test_an_unreachable_database_fails_the_ping_with_a_clear_error() -> None:
    down = build_service(Settings(database_url="postgresql://postgres@127.0.0.1:9/none"))
    try:
        with pytest.raises(StorageUnavailable, match="database is unavailable"):
            down.ping()
    finally:
        down.close()
