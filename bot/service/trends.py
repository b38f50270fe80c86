"""Trends from counts and flag codes: a person's (in their digest) and a team's.

Weeks are rolling 7-day windows ending at `now`, so the figures mean the same
whatever day a digest goes out and however a clock changed for daylight
saving. Nothing here reads a draft's words: coaching events give only their
flag codes, promises only their dates and status.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.service.views import WEEKS_OF_TREND, PersonalTrend, TeamTrends
from bot.store.models import CoachingEvent, Incident, Promise

WEEK = timedelta(days=7)
TOP_FLAGS = 3
UserKey = tuple[str, str, str]


def week_index(moment: datetime | None, now: datetime) -> int | None:
    """0 for the oldest window ... WEEKS_OF_TREND - 1 for the last 7 days; None outside."""
    if moment is None or moment > now:
        return None
    back = int((now - moment) / WEEK)
    return None if back >= WEEKS_OF_TREND else WEEKS_OF_TREND - 1 - back


def kept_on_time(closed_at: datetime | None, due: datetime | None) -> bool:
    """Kept by its time, or kept with no time named (nobody can call that late)."""
    return closed_at is not None and (due is None or closed_at <= due)


def top_flags(codes: Counter[str]) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(codes.items(), key=lambda item: (-item[1], item[0]))[:TOP_FLAGS])


def _split_codes(text: str | None) -> list[str]:
    return [code for code in (text or "").split(",") if code]


def _where(model: Any, platform: str | None, tenant_id: str | None) -> list[Any]:
    found = []
    if platform is not None:
        found.append(model.platform == platform)
    if tenant_id is not None:
        found.append(model.tenant_id == tenant_id)
    return found


def personal_trends(
    session: Session,
    *,
    now: datetime,
    platform: str | None = None,
    tenant_id: str | None = None,
    user_id: str | None = None,
) -> dict[UserKey, PersonalTrend]:
    """Every person's trend in two queries (kept promises, coaching events).

    Read through the connection, so UTCDateTime hands back aware datetimes.
    """
    since = now - WEEK * WEEKS_OF_TREND
    scope = _where(Promise, platform, tenant_id)
    if user_id is not None:
        scope.append(Promise.user_id == user_id)
    kept: dict[UserKey, list[int]] = {}
    for p, t, u, closed, due in session.connection().execute(
        select(Promise.platform, Promise.tenant_id, Promise.user_id, Promise.closed_at, Promise.due)
        .where(Promise.status == "kept", Promise.closed_at >= since, *scope)
    ):
        index = week_index(closed, now)
        if index is None or not kept_on_time(closed, due):
            continue
        kept.setdefault((p, t, u), [0] * WEEKS_OF_TREND)[index] += 1
    events = _where(CoachingEvent, platform, tenant_id)
    if user_id is not None:
        events.append(CoachingEvent.user_id == user_id)
    this_week: dict[UserKey, Counter[str]] = {}
    last_week: dict[UserKey, Counter[str]] = {}
    for p, t, u, created, codes in session.connection().execute(
        select(
            CoachingEvent.platform,
            CoachingEvent.tenant_id,
            CoachingEvent.user_id,
            CoachingEvent.created_at,
            CoachingEvent.flag_codes,
        ).where(CoachingEvent.created_at >= now - 2 * WEEK, CoachingEvent.flag_count > 0, *events)
    ):
        if created > now:
            continue
        bucket = this_week if now - created < WEEK else last_week
        bucket.setdefault((p, t, u), Counter()).update(_split_codes(codes))
    people = set(kept) | set(this_week) | set(last_week)
    return {
        key: PersonalTrend(
            kept_on_time=tuple(kept.get(key, [0] * WEEKS_OF_TREND)),
            flags_this_week=top_flags(this_week.get(key, Counter())),
            flags_last_week=top_flags(last_week.get(key, Counter())),
        )
        for key in people
    }


def _per_week(rows: Iterable[tuple[Any, ...]], now: datetime) -> list[Counter[str]]:
    weeks: list[Counter[str]] = [Counter() for _ in range(WEEKS_OF_TREND)]
    for moment, labels in rows:
        index = week_index(moment, now)
        if index is not None:
            weeks[index].update(labels)
    return weeks


def team_trends(session: Session, platform: str, tenant_id: str, *, now: datetime) -> TeamTrends:
    """One workspace's weeks: kept on time, overdue now, incidents by kind, flags raised."""
    since = now - WEEK * WEEKS_OF_TREND
    kept = [0] * WEEKS_OF_TREND
    for closed, due in session.connection().execute(
        select(Promise.closed_at, Promise.due).where(
            Promise.platform == platform,
            Promise.tenant_id == tenant_id,
            Promise.status == "kept",
            Promise.closed_at >= since,
        )
    ):
        index = week_index(closed, now)
        if index is not None and kept_on_time(closed, due):
            kept[index] += 1
    open_now, overdue_now = session.connection().execute(
        select(func.count(), func.count().filter(Promise.due < now)).where(
            Promise.platform == platform, Promise.tenant_id == tenant_id, Promise.status == "open"
        )
    ).one()
    incidents = _per_week(
        (
            (created, [kind])
            for created, kind in session.connection().execute(
                select(Incident.created_at, Incident.kind).where(
                    Incident.platform == platform,
                    Incident.tenant_id == tenant_id,
                    Incident.created_at >= since,
                )
            )
        ),
        now,
    )
    flags = _per_week(
        (
            (created, _split_codes(codes))
            for created, codes in session.connection().execute(
                select(CoachingEvent.created_at, CoachingEvent.flag_codes).where(
                    CoachingEvent.platform == platform,
                    CoachingEvent.tenant_id == tenant_id,
                    CoachingEvent.created_at >= since,
                    CoachingEvent.flag_count > 0,
                )
            )
        ),
        now,
    )
    starts = tuple(now - WEEK * (WEEKS_OF_TREND - i) for i in range(WEEKS_OF_TREND))
    return TeamTrends(
        tenant_id=tenant_id,
        kept_on_time=tuple(kept),
        overdue_now=int(overdue_now),
        open_now=int(open_now),
        incidents_by_kind=tuple(dict(week) for week in incidents),
        flags=tuple(dict(week) for week in flags),
        week_starts=starts,
    )
