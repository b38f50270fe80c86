from pathlib import Path

from bot.store.engine import make_engine


def test_sqlite_runs_in_wal_with_foreign_keys_and_a_busy_timeout(tmp_path: Path):
    engine = make_engine(f"sqlite:///{tmp_path / 'x.db'}", sqlite_busy_timeout=2.5)
    with engine.connect() as connection:
        pragma = connection.exec_driver_sql
        assert pragma("PRAGMA journal_mode").scalar() == "wal"
        assert pragma("PRAGMA foreign_keys").scalar() == 1
        assert pragma("PRAGMA busy_timeout").scalar() == 2500
        assert pragma("PRAGMA wal_autocheckpoint").scalar() == 4000
    engine.dispose()


def test_postgres_sessions_run_in_utc(postgres_schema_url: str):
    from bot.config import normalize_database_url

    engine = make_engine(normalize_database_url(postgres_schema_url))
    with engine.connect() as connection:
        assert connection.exec_driver_sql("SHOW TIME ZONE").scalar() == "UTC"
    engine.dispose()
