"""What the weekly digest says, decided once for the text, Slack and Teams versions.

Sections in the order people act on them (overdue with how late, due in the
next seven days, later, undated with a nudge to name a date, then this week's
incidents), the trend line (counts and flag codes, never a draft's words),
and the one-line all-clear. The platform views only lay these out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.coach.labels import counted, flag_label
from bot.service.views import DigestData, PersonalTrend, PromiseView

BARS = "▁▂▃▄▅▆▇█"
UNDATED_NUDGE = 'A promise without a time is heard as "soon": give each one a date.'
ALL_CLEAR = "All clear: no open promises this week. Every promise you made is kept or closed."
INCIDENT_KINDS = {
    "problem_customer": "problem customer",
    "customer_with_problem": "customer with a problem",
    "unsure": "not sure yet",
}


@dataclass(frozen=True, slots=True)
class Section:
    key: str
    title: str
    promises: list[PromiseView]
    nudge: str | None = None


def sections(data: DigestData) -> list[Section]:
    """The non-empty promise sections, in the order the digest shows them."""
    found = [
        Section("overdue", "Overdue", data.overdue),
        Section("this_week", "Due in the next 7 days", data.due_this_week),
        Section("later", "Later", data.later),
        Section("undated", "No date yet", data.undated, UNDATED_NUDGE),
    ]
    return [s for s in found if s.promises]


def should_send(data: DigestData) -> bool:
    """Never an empty digest: open promises, or the all-clear line for those who asked for it."""
    return data.open_count > 0 or data.all_clear


def when(moment: datetime, tz: str) -> str:
    local = moment.astimezone(ZoneInfo(tz))
    return f"{local:%a} {local.day} {local:%b}, {local:%H:%M}"


def how_late(due: datetime, now: datetime) -> str:
    """ "3 days late", "5 hours late", or "less than an hour late": whole units, rounded down."""
    late = now - due
    if late >= timedelta(days=1):
        return f"{counted(late.days, 'day')} late"
    hours = int(late / timedelta(hours=1))
    if hours >= 1:
        return f"{counted(hours, 'hour')} late"
    return "less than an hour late"


def due_words(promise: PromiseView, tz: str, now: datetime) -> str:
    """When, as the person reads it: "was due Tue 24 Nov, 17:00 (6 days late)"."""
    if promise.due is None:
        return "no date yet"
    if promise.due < now:
        return f"was due {when(promise.due, tz)} ({how_late(promise.due, now)})"
    return f"due {when(promise.due, tz)}"


def sparkline(counts: tuple[int, ...]) -> str:
    """One bar per week, oldest first; an all-zero run is a flat line, not a crash."""
    top = max(counts, default=0)
    if top == 0:
        return BARS[0] * len(counts)
    return "".join(BARS[round(count / top * (len(BARS) - 1))] for count in counts)


def _flags(pairs: tuple[tuple[str, int], ...]) -> str:
    return ", ".join(f"{flag_label(code)} ({code}) {count}" for code, count in pairs) or "none"


def trend_lines(data: DigestData) -> list[str]:
    """The top line and the flags line: counts and codes only."""
    trend: PersonalTrend = data.trend
    kept = trend.kept_on_time
    head = (
        f"{data.open_count} open · {len(data.overdue)} overdue · "
        f"kept on time {kept[-1]} this week · last 5 weeks {sparkline(kept)} "
        f"({' '.join(str(k) for k in kept)})"
    )
    flags = (
        f"Flags on your drafts this week: {_flags(trend.flags_this_week)}; "
        f"last week: {_flags(trend.flags_last_week)}"
    )
    return [head, flags]


def incident_line(kind: str, customer: str, what: str, severity: str) -> str:
    return f"{customer} · {INCIDENT_KINDS.get(kind, kind)} · {severity}: {what}"


def last_week_line(data: DigestData) -> str:
    kept = counted(data.kept_last_week, "promise kept", "promises kept")
    logged = counted(data.incidents_last_week, "incident logged", "incidents logged")
    return f"Last 7 days: {kept}, {logged}."


def title(data: DigestData) -> str:
    today = data.generated_at.astimezone(ZoneInfo(data.tz))
    return f"Your promises this week ({today:%A} {today.day} {today:%B}, {data.tz})"


def summary(data: DigestData) -> str:
    """The notification line: what is waiting, in one breath."""
    if data.open_count == 0:
        return ALL_CLEAR
    return (
        f"Weekly digest: {counted(data.open_count, 'open promise')}, "
        f"{len(data.overdue)} overdue."
    )
