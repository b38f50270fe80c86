"""What the chat platforms need remembered: handled deliveries, Teams
conversation references, weekly digest claims, and forgetting a workspace."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any, Literal

from sqlalchemy import and_, delete, or_, select, tuple_, update
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
from bot.store.queries import insert_many_unless_exists, insert_unless_exists, upsert
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


def _may_retry(now: datetime, stale_after: timedelta) -> ColumnElement[bool]:
    """A delivery that failed, or whose sender died before saying how it went."""
    return or_(
        DigestDelivery.status == "failed",
        and_(DigestDelivery.status == "claimed", DigestDelivery.claimed_at < now - stale_after),
    )


DigestClaim = Literal["first", "again"]
""""first": nobody tried yet. "again": an earlier try failed or its sender died, so the
message may have gone out after all, and a sender that can look should look first."""


def claim_digest(
    session: Session,
    actor: Actor,
    week_key: str,
    *,
    now: datetime,
    stale_after: timedelta = STALE_CLAIM,
) -> DigestClaim | None:
    """A claim for exactly one caller per person and week, across every replica; else None."""
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
        return "first"
    # A send that failed, or whose sender died before saying how it went, may be
    # tried again; the conditional update lets exactly one replica win that
    # retry, as the insert does for the first try.
    retried = session.execute(
        update(DigestDelivery)
        .where(
            *_this_digest(actor, week_key),
            _may_retry(now, stale_after),
        )
        .values(status="claimed", claimed_at=now, error=None)
    )
    return "again" if retried.rowcount == 1 else None  # type: ignore[attr-defined]


DigestKey = tuple[str, str, str, str]
"""(platform, tenant_id, user_id, week_key)"""


def claim_digests(
    session: Session,
    wanted: list[tuple[Actor, str]],
    *,
    now: datetime,
    stale_after: timedelta = STALE_CLAIM,
) -> list[DigestClaim | None]:
    """`claim_digest` for many people in one transaction (two statements), in order.

    The weekly round claims a batch before sending it: a round for 10,000 people
    then costs a few hundred claim transactions instead of 10,000. The database's
    unique key still decides every race, exactly as for one claim.
    """
    keys: list[DigestKey] = [
        (actor.platform, actor.tenant_id, actor.user_id, week) for actor, week in wanted
    ]
    rows = [
        {"platform": p, "tenant_id": t, "user_id": u, "week_key": w, "status": "claimed",
         "claimed_at": now}
        for p, t, u, w in keys
    ]
    first = insert_many_unless_exists(
        session, DigestDelivery, rows, ("platform", "tenant_id", "user_id", "week_key")
    )
    rest = [key for key in keys if key not in first]
    again: set[tuple[str, ...]] = set()
    if rest:
        columns = (
            DigestDelivery.platform, DigestDelivery.tenant_id, DigestDelivery.user_id,
            DigestDelivery.week_key,
        )
        retried = session.execute(
            update(DigestDelivery)
            .where(
                tuple_(*columns).in_(rest),
                _may_retry(now, stale_after),
            )
            .values(status="claimed", claimed_at=now, error=None)
            .returning(*columns)
        )
        again = {tuple(row) for row in retried}
    return ["first" if key in first else "again" if key in again else None for key in keys]


def finish_digest(
    session: Session,
    actor: Actor,
    week_key: str,
    *,
    error: str | None,
    now: datetime,
    skipped: bool = False,
    channel_id: str | None = None,
    message_id: str | None = None,
) -> None:
    """Sent (where to), failed (retried by a later round) or skipped (not this week: why)."""
    status = "skipped" if skipped else "failed" if error else "sent"
    session.execute(
        update(DigestDelivery)
        .where(*_this_digest(actor, week_key))
        .values(
            status=status,
            sent_at=now if status == "sent" else None,
            error=error,
            channel_id=channel_id,
            message_id=message_id,
        )
    )


def digest_outcomes(
    session: Session, *, week_key: str | None = None
) -> list[tuple[str, str, str, str, str, str | None]]:
    """(platform, tenant, user, week, status, error) of every digest row, for reports and tests."""
    query = select(
        DigestDelivery.platform,
        DigestDelivery.tenant_id,
        DigestDelivery.user_id,
        DigestDelivery.week_key,
        DigestDelivery.status,
        DigestDelivery.error,
    ).order_by(DigestDelivery.id)
    if week_key is not None:
        query = query.where(DigestDelivery.week_key == week_key)
    return [tuple(row) for row in session.execute(query)]  # type: ignore[misc]


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
