"""What service calls return: frozen dataclasses, never ORM objects.

Adapters render these without a database session in reach, and every
datetime in them is aware (UTC from the store; render in `tz`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal, NamedTuple

from bot.coach.types import CoachResult

Platform = Literal["slack", "teams", "cli"]


@dataclass(frozen=True, slots=True)
class Actor:
    """Who is asking, and the workspace or tenant every read and write is scoped to."""

    platform: Platform
    tenant_id: str
    user_id: str
    user_name: str | None = None


@dataclass(frozen=True, slots=True)
class CoachOutcome:
    result: CoachResult
    tz: str
    event_id: int | None


@dataclass(frozen=True, slots=True)
class IncidentView:
    id: int
    platform: str
    tenant_id: str
    user_id: str
    customer: str
    channel_id: str | None
    what_happened: str
    what_agreed: str
    severity: str
    kind: str
    status: str
    created_at: datetime
    resolved_at: datetime | None
    source_link: str | None
    user_name: str | None = None


class PromiseView(NamedTuple):
    """An immutable promise, like the other views, but a NamedTuple.

    The weekly digest builds 100,000+ of these at once, and a tuple is built
    three times faster than a frozen dataclass. Use `_replace` / `_asdict`
    where a dataclass would use `replace` / `asdict`.
    """

    id: int
    platform: str
    tenant_id: str
    user_id: str
    customer: str | None
    text: str
    due: datetime | None
    status: str
    created_at: datetime
    closed_at: datetime | None
    source_link: str | None
    incident_id: int | None

    def overdue(self, now: datetime) -> bool:
        return self.status == "open" and self.due is not None and self.due < now


@dataclass(frozen=True, slots=True)
class CustomerHistory:
    customer: str
    incident_count: int
    recent_incidents: list[IncidentView]
    open_promises: list[PromiseView]
    problem_customer: bool
    reason: str


WEEKS_OF_TREND = 5
"""This week and the four before it, as rolling 7-day windows ending now."""


@dataclass(frozen=True, slots=True)
class PersonalTrend:
    """Counts and flag codes only: never a word of any draft.

    `kept_on_time` is oldest first, this week last; a week is a rolling 7 days
    ending at the digest's time, so no daylight-saving change or chosen day
    makes one longer or shorter.
    """

    kept_on_time: tuple[int, ...] = (0,) * WEEKS_OF_TREND
    flags_this_week: tuple[tuple[str, int], ...] = ()
    flags_last_week: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True, slots=True)
class DigestData:
    actor: Actor
    tz: str
    generated_at: datetime
    overdue: list[PromiseView]
    due_this_week: list[PromiseView]
    later: list[PromiseView]
    undated: list[PromiseView]
    kept_last_week: int
    incidents_last_week: int
    digest_day: int = 0
    digest_hour: int = 9
    incidents_this_week: tuple[IncidentView, ...] = ()
    trend: PersonalTrend = PersonalTrend()
    all_clear: bool = False

    @property
    def open_count(self) -> int:
        return len(self.overdue) + len(self.due_this_week) + len(self.later) + len(self.undated)


@dataclass(frozen=True, slots=True)
class UserSettingsView:
    tz: str
    digest_day: int
    digest_hour: int
    digest_enabled: bool
    all_clear: bool = False


@dataclass(frozen=True, slots=True)
class TeamTrends:
    """A workspace's weeks, oldest first: aggregates only, no person and no draft.

    Each list has one entry per rolling 7-day window (WEEKS_OF_TREND of them).
    """

    tenant_id: str
    kept_on_time: tuple[int, ...]
    overdue_now: int
    open_now: int
    incidents_by_kind: tuple[dict[str, int], ...]
    flags: tuple[dict[str, int], ...]
    week_starts: tuple[datetime, ...]


@dataclass(frozen=True, slots=True)
class PurgeReport:
    """What `purge_expired` removed, for the log line of `forget --expired`."""

    drafts_cleared: int
    promises_deleted: int
    incidents_deleted: int
    deliveries_deleted: int


@dataclass(frozen=True, slots=True)
class ForgetReport:
    """What `forget_user` erased."""

    coaching_events_deleted: int
    drafts_deleted: int


@dataclass(frozen=True, slots=True)
class ExportData:
    incidents: list[IncidentView]
    promises: list[PromiseView]
