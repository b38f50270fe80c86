"""Engines and sessions for SQLite (the embedded default) and PostgreSQL.

SQLite gets WAL (readers never wait for the writer), a busy timeout, foreign
keys, a larger page cache and memory-mapped reads (the weekly digest reads
every open promise), and `BEGIN IMMEDIATE` for write sessions: a deferred transaction that
reads first and writes later can fail at once with "database is locked"
when another writer got in between, while IMMEDIATE waits its turn.
PostgreSQL sessions run in UTC. Pooled connections are not pinged before use
(a round trip on every call): a connection that died with a server restart
fails with `connection_invalidated`, which bot.store.retry retries on a fresh
connection.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.orm import Session, sessionmaker

SQLITE_BUSY_TIMEOUT_SECONDS = 5.0
SQLITE_CACHE_KIB = 32 * 1024  # page cache per connection
SQLITE_MMAP_BYTES = 256 * 1024 * 1024  # reads straight from the OS page cache
# A checkpoint (copying the WAL back into the file, with an fsync) costs a few ms
# whatever its size, and lands on whichever commit crosses the threshold: at the
# default 1,000 pages that is every ~100th logged incident, i.e. the p99.
SQLITE_CHECKPOINT_PAGES = 4000  # ~16 MB of WAL: a checkpoint every ~400 incidents
POSTGRES_CONNECT_TIMEOUT_SECONDS = 5
_BEGIN_OPTION = "toughclient_sqlite_begin"


def make_engine(
    url: str, *, sqlite_busy_timeout: float = SQLITE_BUSY_TIMEOUT_SECONDS, echo: bool = False
) -> Engine:
    """An engine for a SQLAlchemy URL (use `Settings.sqlalchemy_url` for the driver choice)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(url, echo=echo, connect_args={"timeout": sqlite_busy_timeout})
        _tune_sqlite(engine, sqlite_busy_timeout)
        return engine
    connect_args: dict[str, Any] = {}
    if parsed.get_backend_name() == "postgresql" and "connect_timeout" not in parsed.query:
        connect_args["connect_timeout"] = POSTGRES_CONNECT_TIMEOUT_SECONDS
    engine = create_engine(url, echo=echo, connect_args=connect_args)
    if parsed.get_backend_name() == "postgresql":
        _postgres_in_utc(engine)
    return engine


def writer(engine: Engine) -> Engine:
    """The same engine, but SQLite transactions on it start with BEGIN IMMEDIATE."""
    if engine.dialect.name != "sqlite":
        return engine
    return engine.execution_options(**{_BEGIN_OPTION: "BEGIN IMMEDIATE"})


def session_factories(engine: Engine) -> tuple[sessionmaker[Session], sessionmaker[Session]]:
    """(readers, writers): sessions whose objects stay readable after commit."""
    readers = sessionmaker(engine, expire_on_commit=False)
    writers = sessionmaker(writer(engine), expire_on_commit=False)
    return readers, writers


def _tune_sqlite(engine: Engine, busy_timeout: float) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # The driver's own transaction handling is replaced by the "begin" hook below.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout * 1000)}")
            cursor.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
            cursor.execute(f"PRAGMA mmap_size={SQLITE_MMAP_BYTES}")
            cursor.execute(f"PRAGMA wal_autocheckpoint={SQLITE_CHECKPOINT_PAGES}")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        statement = connection.get_execution_options().get(_BEGIN_OPTION, "BEGIN")
        connection.exec_driver_sql(statement)


def _postgres_in_utc(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        autocommit = dbapi_connection.autocommit
        dbapi_connection.autocommit = True
        try:
            dbapi_connection.execute("SET TIME ZONE 'UTC'")
        finally:
            dbapi_connection.autocommit = autocommit
