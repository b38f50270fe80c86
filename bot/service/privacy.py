"""Retention and erasure: drafts are kept only when allowed, and never forever.

`forget_user` erases a person's coaching history (drafts and flag events).
Incidents and promises stay: they are the team's record of what customers
were told, which colleagues depend on after the person has left.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, func, select, update
from sqlalchemy.engine import CursorResult
from sqlalchemy.orm import Session

from bot.service.views import ForgetReport, PurgeReport
from bot.store.models import CoachingEvent, Incident, ProcessedDelivery, Promise

DELIVERY_KEYS_KEPT = timedelta(days=2)
"""Platforms retry within minutes; two days of delivery keys is plenty."""


def _count(result: object) -> int:
    return result.rowcount if isinstance(result, CursorResult) else 0


def purge_expired(session: Session, *, retention_days: int, now: datetime) -> PurgeReport:
    """Clear old drafts and delete closed items older than the retention period."""
    deliveries = _count(
        session.execute(
            delete(ProcessedDelivery).where(ProcessedDelivery.created_at < now - DELIVERY_KEYS_KEPT)
        )
    )
    if retention_days <= 0:
        return PurgeReport(0, 0, 0, deliveries)
    cutoff = now - timedelta(days=retention_days)
    drafts = _count(
        session.execute(
            update(CoachingEvent)
            .where(CoachingEvent.created_at < cutoff, CoachingEvent.draft_text.is_not(None))
            .values(draft_text=None)
        )
    )
    promises = _count(
        session.execute(
            delete(Promise).where(Promise.status != "open", Promise.closed_at < cutoff)
        )
    )
    incidents = _count(
        session.execute(
            delete(Incident).where(Incident.status == "resolved", Incident.resolved_at < cutoff)
        )
    )
    return PurgeReport(drafts, promises, incidents, deliveries)


def forget_user(
    session: Session, *, tenant_id: str, user_id: str, platform: str | None
) -> ForgetReport:
    scope = [CoachingEvent.tenant_id == tenant_id, CoachingEvent.user_id == user_id]
    if platform is not None:
        scope.append(CoachingEvent.platform == platform)
    drafts: int = session.scalar(
        select(func.count()).select_from(CoachingEvent).where(
            *scope, CoachingEvent.draft_text.is_not(None)
        )
    ) or 0
    events = _count(session.execute(delete(CoachingEvent).where(*scope)))
    return ForgetReport(coaching_events_deleted=events, drafts_deleted=drafts)
