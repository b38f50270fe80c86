"""What the chat platforms need remembered: handled deliveries, Teams
conversation references, weekly digest claims, and forgetting a workspace."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, delete, or_, select, update
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement

from bot.service.errors import InvalidInput
from bot.service.records import display_name
from bot.service.views import Actor
from bot.store.models import (
    KEY,
    ConversationReference,
    DigestDelivery,
    ProcessedDelivery,
)
from bot.store.queries import insert_unless_exists, upsert
from bot.store.slack_tables import slack_bots, slack_installations

# A claim this old with no outcome belongs to a sender that died mid-send.
STALE_CLAIM = timedelta(minutes=15)


def check_key(key: str | None) -> str | None:
    if key is not None and len(key) > KEY:
        raise InvalidInput(f"A delivery key is at most {KEY} characters.")
    return key or None


def claim_delivery(session: Session, actor: Actor, key: str, *, now: datetime) -> bool:
    values = {
        "platform": actor.platform,
        "tenant_id": actor.tenant_id,
        "delivery_key": key,
        "created_at": now,
    }
    keyed = ("platform", "tenant_id", "delivery_key")
    return insert_unless_exists(session, ProcessedDelivery, values, keyed) is not None


def release_delivery(session: Session, actor: Actor, key: str) -> None:
    session.execute(
        delete(ProcessedDelivery).where(
            ProcessedDelivery.platform == actor.platform,
            ProcessedDelivery.tenant_id == actor.tenant_id,
            ProcessedDelivery.delivery_key == key,
        )
    )


def save_conversation_reference(
    session: Session, actor: Actor, reference: dict[str, Any], *, now: datetime
) -> None:
    try:
        text = json.dumps(reference, sort_keys=True)
    except (TypeError, ValueError) as error:
        raise InvalidInput(f"A conversation reference must be plain JSON data ({error}).") from None
    values = {
        "platform": actor.platform,
        "tenant_id": actor.tenant_id,
        "user_id": actor.user_id,
        "user_name": display_name(actor.user_name),
        "reference_json": text,
        "updated_at": now,
    }
    upsert(
        session,
        ConversationReference,
        values,
        ("platform", "tenant_id", "user_id"),
        ("user_name", "reference_json", "updated_at"),
    )


def conversation_references(
    session: Session, *, tenant_id: str | None
) -> list[tuple[Actor, dict[str, Any]]]:
    query = select(ConversationReference).order_by(ConversationReference.id)
    if tenant_id is not None:
        query = query.where(ConversationReference.tenant_id == tenant_id)
    return [
        (
            Actor(row.platform, row.tenant_id, row.user_id, row.user_name),  # type: ignore[arg-type]
            json.loads(row.reference_json),
        )
        for row in session.scalars(query)
    ]


def _this_digest(actor: Actor, week_key: str) -> tuple[ColumnElement[bool], ...]:
    """The one digest row of a person and week, which claims and outcomes update."""
    return (
        DigestDelivery.platform == actor.platform,
        DigestDelivery.tenant_id == actor.tenant_id,
        DigestDelivery.user_id == actor.user_id,
        DigestDelivery.week_key == week_key,
    )


def claim_digest(session: Session, actor: Actor, week_key: str, *, now: datetime) -> bool:
    """True for exactly one caller per person and week, across every replica."""
    values = {
        "platform": actor.platform,
        "tenant_id": actor.tenant_id,
        "user_id": actor.user_id,
        "week_key": week_key,
        "status": "claimed",
        "claimed_at": now,
    }
    keyed = ("platform", "tenant_id", "user_id", "week_key")
    if insert_unless_exists(session, DigestDelivery, values, keyed) is not None:
        return True
    # A send that failed, or whose sender died before saying how it went, may be
    # tried again; the conditional update lets exactly one replica win that
    # retry, as the insert does for the first try.
    retried = session.execute(
        update(DigestDelivery)
        .where(
            *_this_digest(actor, week_key),
            or_(
                DigestDelivery.status == "failed",
                and_(
                    DigestDelivery.status == "claimed",
                    DigestDelivery.claimed_at < now - STALE_CLAIM,
                ),
            ),
        )
        .values(status="claimed", claimed_at=now, error=None)
    )
    return bool(retried.rowcount == 1)  # type: ignore[attr-defined]


def finish_digest(
    session: Session, actor: Actor, week_key: str, *, error: str | None, now: datetime
) -> None:
    session.execute(
        update(DigestDelivery)
        .where(*_this_digest(actor, week_key))
        .values(
            status="failed" if error else "sent",
            sent_at=None if error else now,
            error=error,
        )
    )


def forget_tenant(session: Session, tenant_id: str, *, platform: str = "slack") -> None:
    """The app was removed: drop tokens and delivery state, keep the team's records.

    Only that platform's state goes: the same id on another platform is another tenant.
    """
    if platform == "slack":
        for table in (slack_installations, slack_bots):
            session.execute(
                delete(table).where(
                    or_(table.c.team_id == tenant_id, table.c.enterprise_id == tenant_id)
                )
            )
    for model in (ConversationReference, ProcessedDelivery, DigestDelivery):
        session.execute(
            delete(model).where(model.platform == platform, model.tenant_id == tenant_id)
        )
