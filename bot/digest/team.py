"""The team's trends in words, the same on Slack and Teams: aggregates, never a person.

Who may see them is decided by the adapters (a Slack workspace admin or
owner, a Teams tenant admin); what they may see is decided here: weekly
counts for the whole workspace, with no names, no drafts and no customers.
"""

from __future__ import annotations

from collections import Counter

from bot.coach.labels import flag_label
from bot.digest.layout import INCIDENT_KINDS, sparkline
from bot.service import TeamTrends

NOT_ADMIN = (
    "Team trends are for workspace admins and owners (in Teams, tenant admins). "
    "Your own trends are at the top of your weekly digest: try “digest”."
)
OFF_FOR_ADMIN = (
    "Team trends are off in this workspace. Turn them on for the admins with “team on”: "
    "they show weekly counts for the whole workspace, never a person's drafts or name."
)
TURNED_ON = "Team trends are on. Admins see them with “team”; “team off” turns them off."
TURNED_OFF = "Team trends are off. Nothing about the team is shown until an admin turns them on."
TOP_CODES = 4


def _weeks(values: tuple[int, ...]) -> str:
    return f"{sparkline(values)}  {' · '.join(str(v) for v in values)}"


def team_lines(trends: TeamTrends) -> list[str]:
    """Plain lines, oldest week first; each platform view escapes and lays them out."""
    lines = [
        "Weeks are the last five rolling 7-day periods, oldest first.",
        f"Promises kept on time per week: {_weeks(trends.kept_on_time)}",
        f"Open now: {trends.open_now}, overdue now: {trends.overdue_now}",
    ]
    kinds = sorted({k for week in trends.incidents_by_kind for k in week})
    if kinds:
        for kind in kinds:
            per_week = tuple(week.get(kind, 0) for week in trends.incidents_by_kind)
            lines.append(f"Incidents, {INCIDENT_KINDS.get(kind, kind)}: {_weeks(per_week)}")
    else:
        lines.append("Incidents: none in five weeks")
    total: Counter[str] = Counter()
    for week in trends.flags:
        total.update(week)
    if not total:
        lines.append("Flags raised: none in five weeks")
    for code, _count in sorted(total.items(), key=lambda item: (-item[1], item[0]))[:TOP_CODES]:
        per_week = tuple(week.get(code, 0) for week in trends.flags)
        lines.append(f"Flag {flag_label(code)} ({code}): {_weeks(per_week)}")
    return lines
