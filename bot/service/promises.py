"""Promises made to customers, tracked until kept, broken or cancelled."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement

from bot import labels
from bot.service.errors import InvalidInput, NotFound
from bot.service.limits import PROMISE_CHARS, SOURCE_LINK_CHARS
from bot.service.records import (
    PROMISE_COLUMNS,
    clean_customer,
    customer_key,
    optional_text,
    promise_view,
    promise_view_from_columns,
    required_text,
)
from bot.service.views import Actor, PromiseView
from bot.store.models import Promise
from bot.store.queries import insert_row_unless_exists

CLOSING_STATUSES = tuple(s for s in labels.values(labels.PROMISE_STATUSES) if s != labels.OPEN)
KEYED = ("platform", "tenant_id", "delivery_key")


def in_tenant(actor: Actor) -> tuple[ColumnElement[bool], ColumnElement[bool]]:
    return Promise.platform == actor.platform, Promise.tenant_id == actor.tenant_id


def due_order() -> tuple[ColumnElement[Any], ...]:
    """Overdue first, then by due, then undated: ascending due with NULLs last."""
    return Promise.due.is_(None), Promise.due.asc(), Promise.id.asc()


def track_promise(
    session: Session,
    actor: Actor,
    *,
    text: str,
    due: datetime | None,
    customer: str | None,
    source_link: str | None,
    delivery_key: str | None,
    now: datetime,
) -> PromiseView:
    what = required_text(text, "what you promised", PROMISE_CHARS)
    name = clean_customer(customer, required=False)
    values = {
        "platform": actor.platform,
        "tenant_id": actor.tenant_id,
        "user_id": actor.user_id,
        "customer": name,
        "customer_key": customer_key(name) if name else None,
        "text": what,
        "due": due,
        "status": "open",
        "created_at": now,
        "source_link": optional_text(source_link, "the link", SOURCE_LINK_CHARS) or None,
        "delivery_key": delivery_key,
    }
    promise = insert_row_unless_exists(session, Promise, values, KEYED)
    if promise is None:
        query = select(Promise).where(*in_tenant(actor), Promise.delivery_key == delivery_key)
        return promise_view(session.scalars(query).one())
    return promise_view(promise)


def _own_promise(session: Session, actor: Actor, promise_id: int) -> Promise:
    """The actor's own promise, locked; another person's or workspace's id is not found."""
    promise = session.scalars(
        select(Promise)
        .where(*in_tenant(actor), Promise.user_id == actor.user_id, Promise.id == promise_id)
        .with_for_update()
    ).one_or_none()
    if promise is None:
        raise NotFound(f"You have no promise #{promise_id} here.")
    return promise


def close_promise(
    session: Session, actor: Actor, promise_id: int, status: str, *, now: datetime
) -> PromiseView:
    """Only the person who made a promise closes it; a second click changes nothing."""
    if status not in CLOSING_STATUSES:
        allowed = ", ".join(CLOSING_STATUSES)
        raise InvalidInput(f"A promise is closed as {allowed} (not {status!r}).")
    promise = _own_promise(session, actor, promise_id)
    if promise.status == status:
        return promise_view(promise)
    if promise.status != "open":
        raise InvalidInput(f"That promise was already marked {promise.status}.")
    promise.status = status
    promise.closed_at = now
    return promise_view(promise)


def open_promise_due(session: Session, actor: Actor, promise_id: int) -> datetime | None:
    promise = _own_promise(session, actor, promise_id)
    if promise.status != "open":
        raise InvalidInput(f"That promise was already marked {promise.status}.")
    return promise.due


def reschedule_promise(
    session: Session, actor: Actor, promise_id: int, due: datetime
) -> PromiseView:
    """Give an open promise a new due time; setting the same time again changes nothing."""
    promise = _own_promise(session, actor, promise_id)
    if promise.status != "open":
        raise InvalidInput(f"That promise was already marked {promise.status}.")
    if promise.due != due:
        promise.due = due
    return promise_view(promise)


def open_promises(session: Session, actor: Actor) -> list[PromiseView]:
    query = (
        select(*PROMISE_COLUMNS)
        .where(*in_tenant(actor), Promise.user_id == actor.user_id, Promise.status == "open")
        .order_by(*due_order())
    )
    return [promise_view_from_columns(row) for row in session.execute(query)]


def open_promises_for_customer(session: Session, actor: Actor, key: str) -> list[PromiseView]:
    query = (
        select(*PROMISE_COLUMNS)
        .where(*in_tenant(actor), Promise.customer_key == key, Promise.status == "open")
        .order_by(*due_order())
    )
    return [promise_view_from_columns(row) for row in session.execute(query)]
