"""Coaching events: which flags fired, kept for trends (never the draft, unless allowed)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot.coach.types import CoachResult
from bot.service.views import Actor
from bot.store.models import CoachingEvent
from bot.store.queries import insert_unless_exists


def record_event(
    session: Session,
    actor: Actor,
    result: CoachResult,
    *,
    store_draft: bool,
    delivery_key: str | None,
    now: datetime,
) -> int:
    values = {
        "platform": actor.platform,
        "tenant_id": actor.tenant_id,
        "user_id": actor.user_id,
        "flag_codes": ",".join(result.flag_codes),
        "flag_count": len(result.flags),
        "promise_count": len(result.promises),
        "rewrite_source": result.rewrite_source,
        "draft_text": result.text if store_draft else None,
        "created_at": now,
        "delivery_key": delivery_key,
    }
    keyed = ("platform", "tenant_id", "delivery_key")
    event_id = insert_unless_exists(session, CoachingEvent, values, keyed)
    if event_id is not None:
        return event_id
    existing: int = session.scalars(
        select(CoachingEvent.id).where(
            CoachingEvent.platform == actor.platform,
            CoachingEvent.tenant_id == actor.tenant_id,
            CoachingEvent.delivery_key == delivery_key,
        )
    ).one()
    return existing


def mark_rewrite_source(session: Session, actor: Actor, event_id: int, source: str) -> None:
    """The answer the user ended with came from `source` (the model, after the rules)."""
    session.execute(
        update(CoachingEvent)
        .where(
            CoachingEvent.id == event_id,
            CoachingEvent.platform == actor.platform,
            CoachingEvent.tenant_id == actor.tenant_id,
        )
        .values(rewrite_source=source)
    )
