"""The data of the weekly digest, for one person or for everyone at once.

Everyone at once is six queries in total (settings, open promises, kept
counts, this week's incidents, and the trends' kept promises and flag codes):
a query per user would make the weekly run slower with every new user. Open
promises arrive sorted by person and due date, so one pass groups them and
files each into overdue / this week / later / undated. They are read as plain
driver rows (bot.store.queries.driver_rows): at 10,000 users SQLAlchemy's
per-row work alone would take a third of the one-second budget.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement

from bot.service.trends import personal_trends
from bot.service.user_settings import DEFAULTS
from bot.service.views import (
    Actor,
    DigestData,
    IncidentView,
    PersonalTrend,
    PromiseView,
    UserSettingsView,
)
from bot.store.models import Incident, Promise, UserSetting
from bot.store.queries import driver_rows
from bot.store.types import utc_reader

WEEK = timedelta(days=7)
NO_TREND = PersonalTrend()
UserKey = tuple[str, str, str]
Buckets = tuple[list[PromiseView], list[PromiseView], list[PromiseView], list[PromiseView]]
"""overdue, due in the next 7 days, later, undated."""

OPEN_COLUMNS = (
    Promise.id,
    Promise.platform,
    Promise.tenant_id,
    Promise.user_id,
    Promise.customer,
    Promise.text,
    Promise.due,
    Promise.created_at,
    Promise.source_link,
    Promise.incident_id,
)
"""What an open promise needs read: its status is "open" and closed_at empty by definition."""


def _only(model: Any, actor: Actor | None) -> list[ColumnElement[bool]]:
    if actor is None:
        return []
    return [
        model.platform == actor.platform,
        model.tenant_id == actor.tenant_id,
        model.user_id == actor.user_id,
    ]


def _open_promises(
    session: Session, only: Actor | None, now: datetime
) -> dict[UserKey, Buckets]:
    statement = (
        select(*OPEN_COLUMNS)
        .where(Promise.status == "open", *_only(Promise, only))
        .order_by(Promise.platform, Promise.tenant_id, Promise.user_id, Promise.due, Promise.id)
    )
    rows = driver_rows(session, statement)
    when = utc_reader(session.get_bind().dialect)
    week_end = now + WEEK
    view = PromiseView
    grouped: dict[UserKey, Buckets] = {}
    key: UserKey = ("", "", "")
    overdue: list[PromiseView] = []
    this_week = later = undated = overdue
    for pid, platform, tenant, user, customer, text, due, created, link, incident in rows:
        if user != key[2] or tenant != key[1] or platform != key[0]:
            key = (platform, tenant, user)
            overdue, this_week, later, undated = grouped[key] = ([], [], [], [])
        due = when(due)
        promise = view(
            pid, platform, tenant, user, customer, text, due, "open", when(created), None, link,
            incident,
        )
        if due is None:
            undated.append(promise)
        elif due < now:
            overdue.append(promise)
        elif due < week_end:
            this_week.append(promise)
        else:
            later.append(promise)
    return grouped


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Building 100,000+ small objects would start dozens of cyclic garbage
    collections, each walking every object built so far: 40% of the time.
    None of these objects form cycles, so the collector can wait."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


INCIDENT_COLUMNS = (
    Incident.id,
    Incident.platform,
    Incident.tenant_id,
    Incident.user_id,
    Incident.customer,
    Incident.channel_id,
    Incident.what_happened,
    Incident.what_agreed,
    Incident.severity,
    Incident.kind,
    Incident.status,
    Incident.created_at,
    Incident.resolved_at,
    Incident.source_link,
    Incident.user_name,
)
"""IncidentView's fields in order."""


def _recent_incidents(
    session: Session, only: Actor | None, since: datetime
) -> dict[UserKey, tuple[IncidentView, ...]]:
    grouped: dict[UserKey, list[IncidentView]] = {}
    statement = (
        select(*INCIDENT_COLUMNS)
        .where(Incident.created_at >= since, *_only(Incident, only))
        .order_by(Incident.created_at.desc(), Incident.id.desc())
    )
    for row in session.connection().execute(statement):
        view = IncidentView(*row)  # type: ignore[call-arg]
        grouped.setdefault((view.platform, view.tenant_id, view.user_id), []).append(view)
    return {key: tuple(found) for key, found in grouped.items()}


def _counts(session: Session, statement: Any) -> dict[UserKey, int]:
    return {(p, t, u): n for p, t, u, n in session.connection().execute(statement).all()}


def build_digests(
    session: Session, *, now: datetime, only: Actor | None = None
) -> list[DigestData]:
    """Digest data per person: everyone with the digest on, or just `only` (even if off)."""
    with _cyclic_gc_paused():
        return _build_digests(session, now=now, only=only)


def _build_digests(session: Session, *, now: datetime, only: Actor | None) -> list[DigestData]:
    settings: dict[UserKey, UserSettingsView] = {
        (p, t, u): UserSettingsView(
            tz=tz, digest_day=day, digest_hour=hour, digest_enabled=on, all_clear=clear
        )
        for p, t, u, tz, on, day, hour, clear in session.connection().execute(
            select(
                UserSetting.platform,
                UserSetting.tenant_id,
                UserSetting.user_id,
                UserSetting.tz,
                UserSetting.digest_enabled,
                UserSetting.digest_day,
                UserSetting.digest_hour,
                UserSetting.all_clear,
            ).where(*_only(UserSetting, only))
        ).all()
    }
    open_by_user = _open_promises(session, only, now)
    since = now - WEEK
    kept = _counts(
        session,
        select(Promise.platform, Promise.tenant_id, Promise.user_id, func.count())
        .where(Promise.status == "kept", Promise.closed_at >= since, *_only(Promise, only))
        .group_by(Promise.platform, Promise.tenant_id, Promise.user_id),
    )
    recent = _recent_incidents(session, only, since)
    logged = {key: len(found) for key, found in recent.items()}
    trends = personal_trends(
        session,
        now=now,
        platform=only.platform if only else None,
        tenant_id=only.tenant_id if only else None,
        user_id=only.user_id if only else None,
    )
    people: set[UserKey]
    if only is not None:
        people = {(only.platform, only.tenant_id, only.user_id)}
    else:
        everyone = set(settings) | set(open_by_user) | set(kept) | set(logged)
        people = {key for key in everyone if settings.get(key, DEFAULTS).digest_enabled}
    nothing: Buckets = ([], [], [], [])
    digests = []
    for key in sorted(people):
        overdue, this_week, later, undated = open_by_user.get(key, nothing)
        chosen = settings.get(key, DEFAULTS)
        digests.append(
            DigestData(
                actor=only or Actor(key[0], key[1], key[2]),  # type: ignore[arg-type]
                tz=chosen.tz,
                generated_at=now,
                overdue=overdue,
                due_this_week=this_week,
                later=later,
                undated=undated,
                kept_last_week=kept.get(key, 0),
                incidents_last_week=logged.get(key, 0),
                digest_day=chosen.digest_day,
                digest_hour=chosen.digest_hour,
                incidents_this_week=recent.get(key, ()),
                trend=trends.get(key, NO_TREND),
                all_clear=chosen.all_clear,
            )
        )
    return digests
