"""A brief outage is retried; a long one is a clear error saying what was not saved."""

import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import exc

from bot.config import Settings
from bot.service import Actor, Service, StorageUnavailable
from bot.store.engine import make_engine
from bot.store.retry import DatabaseUnavailable, RetryPolicy, is_transient, run_with_retry

QUICK = RetryPolicy(delays=(0.05, 0.05))
ACTOR = Actor("slack", "T1", "U1")


def test_an_unreachable_postgres_is_reported_with_what_was_not_saved():
    settings = Settings(database_url="postgresql://postgres@127.0.0.1:1/test")
    service = Service(make_engine(settings.sqlalchemy_url), settings, retry=QUICK)
    with pytest.raises(StorageUnavailable) as raised:
        service.log_incident(ACTOR, customer="Acme", what_happened="x")
    assert str(raised.value) == (
        "The database is unavailable, so your incident was not saved. "
        "Please try again in a minute."
    )
    with pytest.raises(StorageUnavailable, match="your promises could not be loaded"):
        service.open_promises(ACTOR)


def test_a_briefly_locked_sqlite_file_is_retried_and_the_write_lands(tmp_path: Path):
    path = tmp_path / "locked.db"
    settings = Settings(database_url=f"sqlite:///{path}")
    engine = make_engine(settings.sqlalchemy_url, sqlite_busy_timeout=0.02)
    service = Service(engine, settings, retry=RetryPolicy(delays=(0.1, 0.2, 0.4, 0.8)))
    service.migrate()
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN EXCLUSIVE")
    release = threading.Timer(0.25, holder.execute, args=("COMMIT",))
    release.start()
    try:
        incident = service.log_incident(ACTOR, customer="Acme", what_happened="x")
    finally:
        release.join()
        holder.close()
    assert [i.id for i in service.list_incidents(ACTOR)] == [incident.id]
    service.close()


def test_a_lock_held_too_long_gives_up_with_a_clear_error(tmp_path: Path):
    path = tmp_path / "locked.db"
    settings = Settings(database_url=f"sqlite:///{path}")
    service = Service(make_engine(settings.sqlalchemy_url, sqlite_busy_timeout=0.01), settings,
                      retry=QUICK)
    service.migrate()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StorageUnavailable, match="your promise was not saved"):
            service.track_promise(ACTOR, text="Call back")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert service.open_promises(ACTOR) == []
    service.close()


def test_schema_mistakes_are_not_mistaken_for_an_outage(tmp_path: Path):
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'empty.db'}")
    service = Service(make_engine(settings.sqlalchemy_url), settings, retry=QUICK)
    with pytest.raises(exc.OperationalError, match="no such table"):
        service.open_promises(ACTOR)
    service.close()


def test_only_transient_errors_are_retried():
    calls = []
    locked = exc.OperationalError("SELECT 1", {}, sqlite3.OperationalError("database is locked"))

    def fails_twice_then_works():
        calls.append(1)
        if len(calls) < 3:
            raise locked
        return "ok"

    def always_locked():
        raise locked

    assert run_with_retry(fails_twice_then_works, RetryPolicy(delays=(0, 0, 0))) == "ok"
    assert len(calls) == 3
    with pytest.raises(DatabaseUnavailable, match="database is locked"):
        run_with_retry(always_locked, RetryPolicy(delays=(0,)))
    integrity = exc.IntegrityError("INSERT", {}, sqlite3.IntegrityError("UNIQUE failed"))
    assert not is_transient(integrity)


def test_a_connection_killed_by_a_server_restart_is_replaced_on_retry(postgres_schema_url: str):
    import psycopg

    settings = Settings(database_url=postgres_schema_url)
    service = Service(make_engine(settings.sqlalchemy_url), settings, retry=QUICK)
    service.migrate()
    service.track_promise(ACTOR, text="before the restart")
    schema = postgres_schema_url.rsplit("application_name=", 1)[1]
    base = postgres_schema_url.split("?", 1)[0]
    with psycopg.connect(base, autocommit=True) as admin:
        killed = admin.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE application_name = %s AND pid <> pg_backend_pid()",
            (schema,),
        ).fetchone()
    assert killed is not None and killed[0] >= 1
    service.track_promise(ACTOR, text="after the restart")
    assert [p.text for p in service.open_promises(ACTOR)] == [
        "before the restart",
        "after the restart",
    ]
    service.close()


def test_a_database_that_does_not_exist_is_a_setting_to_fix_not_a_wait(postgres_base_url: str):
    from sqlalchemy.engine import make_url

    from bot.service import StorageMisconfigured

    url = make_url(postgres_base_url).set(database="toughclient_no_such_db")
    settings = Settings(database_url=url.render_as_string(hide_password=False))
    service = Service(make_engine(settings.sqlalchemy_url), settings, retry=QUICK)
    try:
        with pytest.raises(StorageMisconfigured) as raised:
            service.log_incident(ACTOR, customer="Acme", what_happened="x")
        assert "does not exist" in str(raised.value) and "DATABASE_URL" in str(raised.value)
        assert "try again in a minute" not in str(raised.value)
        with pytest.raises(StorageMisconfigured, match="DATABASE_URL"):
            service.migrate()
    finally:
        service.close()
