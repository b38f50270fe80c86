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


# PostgreSQL errors that no retry cures: the settings name a database or a login that is not
# there. SQLSTATE codes: 3D000 invalid_catalog_name, 28000/28P01 authorization/password.
_POSTGRES_SETTINGS_ERRORS = {
    "3D000": "the database named in DATABASE_URL does not exist (create it or fix the name)",
    "28000": "the server refused the user in DATABASE_URL (fix the user name or grant access)",
    "28P01": "the server refused the password in DATABASE_URL (fix the password)",
}


class DatabaseUnavailable(Exception):
    """The database could not be reached or stayed locked through every retry."""


class DatabaseMisconfigured(DatabaseUnavailable):
    """DATABASE_URL names a database or login that does not exist: a setting to fix."""


def settings_problem(error: BaseException) -> str | None:
    """What to fix in DATABASE_URL, when the failure is the setting's, not the network's."""
    original = getattr(error, "orig", None)
    code = getattr(original, "sqlstate", None)
    if code in _POSTGRES_SETTINGS_ERRORS:
        return _POSTGRES_SETTINGS_ERRORS[code]
    text = str(original or error)
    if 'database "' in text and "does not exist" in text:  # raised before a SQLSTATE exists
        return _POSTGRES_SETTINGS_ERRORS["3D000"]
    if "password authentication failed" in text:
        return _POSTGRES_SETTINGS_ERRORS["28P01"]
    return None


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
            problem = settings_problem(error)
            if problem is not None:
                raise DatabaseMisconfigured(problem) from error
            if not is_transient(error):
                raise
            if delay is None:
                database_error("unavailable")
                raise DatabaseUnavailable(str(error.orig or error)) from error
            database_error("transient")
            log.warning("database unavailable (attempt %d), retrying: %s", attempt, error.orig)
            time.sleep(delay)
    raise AssertionError("unreachable: the loop returns or raises")


OUTAGE_HOLD = 2.0  # seconds after the retries ran out during which calls try only once
NO_RETRY = RetryPolicy(delays=())


class RecentOutage:
    """Remembers that the retries just ran out, so the next calls fail fast.

    In an outage every call would wait through the same pauses (0.75 s by
    default) before giving up, one after another inside a single request:
    a Teams turn makes four such calls before its first card. For `hold`
    seconds after a give-up, calls try once with no pause: each still probes
    the database, so the first one after it is back succeeds and ends the hold.
    """

    def __init__(self, hold: float = OUTAGE_HOLD) -> None:
        self.hold = hold
        self._until = 0.0

    def run(self, operation: Callable[[], T], policy: RetryPolicy) -> T:
        in_outage = time.monotonic() < self._until
        try:
            result = run_with_retry(operation, NO_RETRY if in_outage else policy)
        except DatabaseUnavailable:
            self._until = time.monotonic() + self.hold
            raise
        self._until = 0.0
        return result
