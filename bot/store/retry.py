"""Retrying a unit of work through a brief database outage.

A restart, a failover or a busy SQLite file usually lasts well under a
second; a few quick retries hide it. After that the caller gets
`DatabaseUnavailable`, which the service turns into a message saying what
was not saved: nothing is dropped silently.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import exc

from bot.observability.metrics import database_error

T = TypeVar("T")
log = logging.getLogger(__name__)

# SQLite raises OperationalError for schema mistakes too ("no such table"); only
# these mean "try again later".
_SQLITE_TRANSIENT = ("locked", "busy", "unable to open", "disk i/o")


class DatabaseUnavailable(Exception):
    """The database could not be reached or stayed locked through every retry."""


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Pauses between attempts; their count + 1 is the number of attempts."""

    delays: tuple[float, ...] = (0.05, 0.2, 0.5)


DEFAULT_RETRY = RetryPolicy()


def is_transient(error: BaseException) -> bool:
    """True for failures that a retry a moment later can cure."""
    if isinstance(error, exc.DBAPIError) and error.connection_invalidated:
        return True
    if isinstance(error, exc.OperationalError | exc.InterfaceError):
        original = error.orig
        if isinstance(original, sqlite3.OperationalError):
            message = str(original).lower()
            return any(word in message for word in _SQLITE_TRANSIENT)
        return True
    return False


def run_with_retry(operation: Callable[[], T], policy: RetryPolicy = DEFAULT_RETRY) -> T:
    """Run `operation` (a whole transaction) again after transient failures."""
    for attempt, delay in enumerate((*policy.delays, None), start=1):
        try:
            return operation()
        except exc.DBAPIError as error:
            if not is_transient(error):
                raise
            if delay is None:
                database_error("unavailable")
                raise DatabaseUnavailable(str(error.orig or error)) from error
            database_error("transient")
            log.warning("database unavailable (attempt %d), retrying: %s", attempt, error.orig)
            time.sleep(delay)
    raise AssertionError("unreachable: the loop returns or raises")
