"""Incidents and promises for review outside chat (`python app.py export`).

An administrator's tool, so it is not scoped to one actor: the caller names
the workspace (or none for all of them) and the period.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.service.records import PROMISE_COLUMNS, incident_view, promise_view_from_columns
from bot.service.views import ExportData
from bot.store.models import Incident, Promise


def export_records(
    session: Session,
    *,
    tenant_id: str | None,
    platform: str | None,
    since: datetime | None,
    until: datetime | None,
) -> ExportData:
    """Records created in [since, until), oldest first."""
    incidents = select(Incident).order_by(Incident.created_at, Incident.id)
    promises = select(*PROMISE_COLUMNS).order_by(Promise.created_at, Promise.id)
    if tenant_id is not None:
        incidents = incidents.where(Incident.tenant_id == tenant_id)
        promises = promises.where(Promise.tenant_id == tenant_id)
    if platform is not None:
        incidents = incidents.where(Incident.platform == platform)
        promises = promises.where(Promise.platform == platform)
    if since is not None:
        incidents = incidents.where(Incident.created_at >= since)
        promises = promises.where(Promise.created_at >= since)
    if until is not None:
        incidents = incidents.where(Incident.created_at < until)
        promises = promises.where(Promise.created_at < until)
    return ExportData(
        incidents=[incident_view(row) for row in session.scalars(incidents)],
        promises=[promise_view_from_columns(row) for row in session.execute(promises)],
    )
