"""Incidents: the team's record of difficult exchanges (coaching principle 6)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement

from bot.service.errors import InvalidInput, NotFound
from bot.service.limits import SOURCE_LINK_CHARS, WHAT_AGREED_CHARS, WHAT_HAPPENED_CHARS
from bot.service.records import (
    clean_customer,
    customer_key,
    display_name,
    incident_view,
    one_of,
    optional_text,
    required_text,
)
from bot.service.views import Actor, IncidentView
from bot.store.models import (
    INCIDENT_KINDS,
    INCIDENT_STATUSES,
    SEVERITIES,
    Incident,
    Promise,
)
from bot.store.queries import insert_row_unless_exists

MAX_LIST = 200
KEYED = ("platform", "tenant_id", "delivery_key")


@dataclass(frozen=True, slots=True)
class NewIncident:
    customer: str
    what_happened: str
    what_agreed: str
    due: datetime | None
    severity: str
    kind: str
    channel_id: str | None
    source_link: str | None


def check_new_incident(
    *,
    customer: str,
    what_happened: str,
    what_agreed: str,
    due: datetime | None,
    severity: str,
    kind: str,
    channel_id: str | None,
    source_link: str | None,
) -> NewIncident:
    agreed = optional_text(what_agreed, "what was agreed", WHAT_AGREED_CHARS)
    if due is not None and not agreed:
        raise InvalidInput("Say what was agreed, so the date has a promise to go with it.")
    return NewIncident(
        customer=clean_customer(customer, required=True) or "",
        what_happened=required_text(what_happened, "what happened", WHAT_HAPPENED_CHARS),
        what_agreed=agreed,
        due=due,
        severity=one_of(severity, SEVERITIES, "Severity"),
        kind=one_of(kind, INCIDENT_KINDS, "Kind"),
        channel_id=channel_id or None,
        source_link=optional_text(source_link, "the link", SOURCE_LINK_CHARS) or None,
    )


def scoped(actor: Actor) -> tuple[ColumnElement[bool], ColumnElement[bool]]:
    return Incident.platform == actor.platform, Incident.tenant_id == actor.tenant_id


def log_incident(
    session: Session, actor: Actor, new: NewIncident, *, delivery_key: str | None, now: datetime
) -> IncidentView:
    values = {
        "platform": actor.platform,
        "tenant_id": actor.tenant_id,
        "user_id": actor.user_id,
        "user_name": display_name(actor.user_name),
        "customer": new.customer,
        "customer_key": customer_key(new.customer),
        "channel_id": new.channel_id,
        "what_happened": new.what_happened,
        "what_agreed": new.what_agreed,
        "severity": new.severity,
        "kind": new.kind,
        "status": "open",
        "created_at": now,
        "source_link": new.source_link,
        "delivery_key": delivery_key,
    }
    incident = insert_row_unless_exists(session, Incident, values, KEYED)
    if incident is None:
        existing = session.scalars(
            select(Incident).where(*scoped(actor), Incident.delivery_key == delivery_key)
        ).one()
        return incident_view(existing)
    if new.what_agreed:
        session.add(
            Promise(
                platform=actor.platform,
                tenant_id=actor.tenant_id,
                user_id=actor.user_id,
                customer=new.customer,
                customer_key=customer_key(new.customer),
                text=new.what_agreed,
                due=new.due,
                status="open",
                created_at=now,
                source_link=new.source_link,
                incident_id=incident.id,
                delivery_key=f"{delivery_key}#promise" if delivery_key else None,
            )
        )
    return incident_view(incident)


def list_incidents(
    session: Session,
    actor: Actor,
    *,
    customer: str | None,
    status: str | None,
    kind: str | None,
    since: datetime | None,
    until: datetime | None,
    limit: int,
) -> list[IncidentView]:
    query = select(Incident).where(*scoped(actor))
    name = clean_customer(customer, required=False)
    if name:
        query = query.where(Incident.customer_key == customer_key(name))
    if status:
        query = query.where(Incident.status == one_of(status, INCIDENT_STATUSES, "Status"))
    if kind:
        query = query.where(Incident.kind == one_of(kind, INCIDENT_KINDS, "Kind"))
    if since is not None:
        query = query.where(Incident.created_at >= since)
    if until is not None:
        query = query.where(Incident.created_at < until)
    query = query.order_by(Incident.created_at.desc(), Incident.id.desc())
    query = query.limit(max(1, min(limit, MAX_LIST)))
    return [incident_view(row) for row in session.scalars(query)]


def resolve_incident(
    session: Session, actor: Actor, incident_id: int, *, now: datetime
) -> IncidentView:
    incident = session.scalars(
        select(Incident).where(*scoped(actor), Incident.id == incident_id).with_for_update()
    ).one_or_none()
    if incident is None:
        raise NotFound(f"There is no incident #{incident_id} in this workspace.")
    if incident.status != "resolved":
        incident.status = "resolved"
        incident.resolved_at = now
    return incident_view(incident)
