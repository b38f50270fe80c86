"""Inserts that settle races in the database rather than in Python.

`INSERT .. ON CONFLICT` lets two replicas handling the same delivery (or two
threads in one) both succeed: one row is written and both read it back. A
check-then-insert would let both pass the check.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from sqlalchemy import Insert, Select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import DeclarativeBase, Session


def _insert(session: Session, model: type[DeclarativeBase]) -> Any:
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        return postgresql.insert(model)
    if dialect == "sqlite":
        return sqlite.insert(model)
    raise RuntimeError(f"toughclient supports SQLite and PostgreSQL, not {dialect}")


def insert_unless_exists(
    session: Session,
    model: type[DeclarativeBase],
    values: dict[str, Any],
    unique_columns: tuple[str, ...],
) -> int | None:
    """Insert a row and return its id, or None when a row with the same unique key exists."""
    statement = (
        _insert(session, model)
        .values(**values)
        .on_conflict_do_nothing(index_elements=list(unique_columns))
        .returning(model.__table__.c.id)
    )
    inserted: int | None = session.execute(statement).scalar_one_or_none()
    return inserted


def insert_many_unless_exists(
    session: Session,
    model: type[DeclarativeBase],
    rows: list[dict[str, Any]],
    unique_columns: tuple[str, ...],
) -> set[tuple[Any, ...]]:
    """Insert many rows in one statement; the unique keys of those that were new."""
    if not rows:
        return set()
    table = model.__table__
    statement = (
        _insert(session, model)
        .values(rows)
        .on_conflict_do_nothing(index_elements=list(unique_columns))
        .returning(*(table.c[name] for name in unique_columns))
    )
    return {tuple(row) for row in session.execute(statement)}


M = TypeVar("M", bound=DeclarativeBase)


def insert_row_unless_exists(
    session: Session, model: type[M], values: dict[str, Any], unique_columns: tuple[str, ...]
) -> M | None:
    """Like `insert_unless_exists`, but the new row comes back whole in the same round trip."""
    statement = (
        _insert(session, model)
        .values(**values)
        .on_conflict_do_nothing(index_elements=list(unique_columns))
        .returning(model)
    )
    row: M | None = session.scalars(statement).one_or_none()
    return row


def upsert(
    session: Session,
    model: type[DeclarativeBase],
    values: dict[str, Any],
    unique_columns: tuple[str, ...],
    update_columns: tuple[str, ...],
) -> None:
    """Insert a row, or update `update_columns` of the row with the same unique key."""
    statement: Insert = _insert(session, model).values(**values)
    statement = statement.on_conflict_do_update(  # type: ignore[attr-defined]
        index_elements=list(unique_columns),
        set_={name: statement.excluded[name] for name in update_columns},  # type: ignore[attr-defined]
    )
    session.execute(statement)


def driver_rows(session: Session, statement: Select[Any] | Any) -> Sequence[Any]:
    """Rows exactly as the database driver returns them, for reads of 100,000+ rows.

    SQLAlchemy still compiles and executes the statement; only its per-row
    work (Row objects, result processors) is skipped, which at digest scale
    is a third of the time. Callers convert UTCDateTime columns themselves
    with `bot.store.types.utc_reader`.
    """
    result = session.connection().execute(statement)
    try:
        rows: Sequence[Any] = result.cursor.fetchall()
    finally:
        result.close()
    return rows
