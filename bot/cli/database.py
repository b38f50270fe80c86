"""Opening the database for a one-off command, the same way for each of them.

Commands migrate first (a fresh machine then needs no set-up) unless
TOUGHCLIENT_MIGRATE_ON_START=false says a release step owns migrations, and
always close the engine so a cron run leaves no connections behind.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.service import Service


@contextmanager
def open_service() -> Iterator[tuple[Settings, Service]]:
    """Settings and a ready service; StorageUnavailable passes through to the command."""
    from bot.config import load_settings
    from bot.service import build_service

    settings = load_settings()
    service = build_service(settings)
    try:
        if settings.migrate_on_start:
            service.migrate()
        yield settings, service
    finally:
        service.close()
