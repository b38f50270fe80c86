"""Column types shared by the models.

SQLite has no time zone type and hands back naive datetimes, PostgreSQL keeps
`timestamptz`. `UTCDateTime` stores UTC on both and always returns aware
datetimes (UTC), so code above the store never sees a naive one.

On SQLite the text is written as "2026-03-04 09:00:00.000000+00:00": one fixed
width (so text order is time order, and comparisons work in SQL) that
`datetime.fromisoformat` reads straight into an aware datetime. The digest
reads hundreds of thousands of these, and attaching a tzinfo afterwards cost
more than parsing them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime
from sqlalchemy.dialects import sqlite
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator, TypeEngine

SQLITE_FORMAT = (
    "%(year)04d-%(month)02d-%(day)02d %(hour)02d:%(minute)02d:%(second)02d"
    ".%(microsecond)06d+00:00"
)
SQLITE_PATTERN = r"(\d+)-(\d+)-(\d+) (\d+):(\d+):(\d+)(?:\.(\d+))?"


class UTCDateTime(TypeDecorator[datetime]):
    """An aware UTC datetime on every database; naive input is a bug and is refused."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(
                sqlite.DATETIME(storage_format=SQLITE_FORMAT, regexp=SQLITE_PATTERN)
            )
        return dialect.type_descriptor(DateTime(timezone=True))

    def process_bind_param(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise TypeError(f"expected a datetime, got {type(value).__name__}")
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; pass an aware datetime")
        value = value.astimezone(UTC)
        if dialect.name == "sqlite":
            return value.replace(tzinfo=None)
        return value

    def result_processor(
        self, dialect: Dialect, coltype: object
    ) -> Callable[[Any], datetime | None] | None:
        if dialect.name == "postgresql":
            return None  # psycopg returns timestamptz as aware datetimes already
        if dialect.name == "sqlite":
            parse = datetime.fromisoformat

            def from_sqlite(value: Any) -> datetime | None:
                if value is None:
                    return None
                moment = parse(value)
                return moment if moment.tzinfo else moment.replace(tzinfo=UTC)

            return from_sqlite
        return super().result_processor(dialect, coltype)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


def utc_reader(dialect: Dialect) -> Callable[[Any], Any]:
    """What UTCDateTime does to a value read from `dialect`, for rows read raw."""
    processor = UTCDateTime().result_processor(dialect, None)
    if processor is not None:
        return processor
    return _unchanged


def _unchanged(value: Any) -> Any:
    return value
