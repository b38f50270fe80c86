"""The data of the weekly digest, for one person or for everyone at once.

Everyone at once is four queries in total (settings, open promises, kept
counts, incident counts), grouped in Python: a query per user would make the
weekly run slower with every new user.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement

from bot.service.promises import due_order
from bot.service.records import PROMISE_COLUMNS, promise_view_from_columns
from bot.service.user_settings import DEFAULTS
from bot.service.views import Actor, DigestData, PromiseView
from bot.store.models import Incident, Promise, UserSetting

WEEK = timedelta(days=7)
UserKey = tuple[str, str, str]


def _only(model: type[Promise | Incident | UserSetting], actor: Actor | None) -> list[
    ColumnElement[bool]
]:
    if actor is None:
        return []
    return [
        model.platform == actor.platform,
        model.tenant_id == actor.tenant_id,
        model.user_id == actor.user_id,
    ]


def build_digests(
    session: Session, *, now: datetime, only: Actor | None = None
) -> list[DigestData]:
    """Digest data per person: everyone with the digest on, or just `only` (even if off)."""
    settings: dict[UserKey, tuple[str, bool]] = {
        (p, t, u): (tz, enabled)
        for p, t, u, tz, enabled in session.execute(
            select(
                UserSetting.platform,
                UserSetting.tenant_id,
                UserSetting.user_id,
                UserSetting.tz,
                UserSetting.digest_enabled,
            ).where(*_only(UserSetting, only))
        )
    }
    open_by_user: dict[UserKey, list[PromiseView]] = defaultdict(list)
    promises = session.execute(
        select(*PROMISE_COLUMNS)
        .where(Promise.status == "open", *_only(Promise, only))
        .order_by(*due_order())
    )
    for row in promises:
        open_by_user[(row[1], row[2], row[3])].append(promise_view_from_columns(row))
    since = now - WEEK
    kept: dict[UserKey, int] = {
        (p, t, u): n
        for p, t, u, n in session.execute(
            select(Promise.platform, Promise.tenant_id, Promise.user_id, func.count())
            .where(Promise.status == "kept", Promise.closed_at >= since, *_only(Promise, only))
            .group_by(Promise.platform, Promise.tenant_id, Promise.user_id)
        )
    }
    logged: dict[UserKey, int] = {
        (p, t, u): n
        for p, t, u, n in session.execute(
            select(Incident.platform, Incident.tenant_id, Incident.user_id, func.count())
            .where(Incident.created_at >= since, *_only(Incident, only))
            .group_by(Incident.platform, Incident.tenant_id, Incident.user_id)
        )
    }
    people: set[UserKey]
    if only is not None:
        people = {(only.platform, only.tenant_id, only.user_id)}
    else:
        everyone = set(settings) | set(open_by_user) | set(kept) | set(logged)
        people = {key for key in everyone if settings.get(key, ("", True))[1]}
    digests = []
    for key in sorted(people):
        tz = settings.get(key, (DEFAULTS.tz, True))[0]
        actor = only or Actor(key[0], key[1], key[2])  # type: ignore[arg-type]
        digests.append(
            _digest(actor, tz, now, open_by_user.get(key, []), kept.get(key, 0), logged.get(key, 0))
        )
    return digests


def _digest(
    actor: Actor, tz: str, now: datetime, promises: list[PromiseView], kept: int, logged: int
) -> DigestData:
    overdue: list[PromiseView] = []
    this_week: list[PromiseView] = []
    later: list[PromiseView] = []
    undated: list[PromiseView] = []
    week_end = now + WEEK
    for promise in promises:
        due = promise.due
        if due is None:
            undated.append(promise)
        elif due < now:
            overdue.append(promise)
        elif due < week_end:
            this_week.append(promise)
        else:
            later.append(promise)
    return DigestData(
        actor=actor,
        tz=tz,
        generated_at=now,
        overdue=overdue,
        due_this_week=this_week,
        later=later,
        undated=undated,
        kept_last_week=kept,
        incidents_last_week=logged,
    )
