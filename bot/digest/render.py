"""The weekly digest as plain text; Slack and Teams wrap it for their platform.

It leads with what needs doing now (overdue), shows times in the person's
own zone, and nudges undated promises towards a date, because a promise
without a time is the vague commitment the coach warns about.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.service.views import DigestData, PromiseView

SHOWN_PER_SECTION = 10


def _when(moment: datetime, tz: ZoneInfo) -> str:
    local = moment.astimezone(tz)
    return f"{local:%a} {local.day} {local:%b}, {local:%H:%M}"


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _line(promise: PromiseView, tz: ZoneInfo, due_word: str) -> str:
    who = f" ({promise.customer})" if promise.customer else ""
    due = f" - {due_word} {_when(promise.due, tz)}" if promise.due else ""
    return f"• {promise.text}{who}{due}"


def _section(title: str, promises: list[PromiseView], tz: ZoneInfo, due_word: str) -> list[str]:
    if not promises:
        return []
    lines = [f"{title} ({len(promises)}):"]
    lines += [_line(p, tz, due_word) for p in promises[:SHOWN_PER_SECTION]]
    if len(promises) > SHOWN_PER_SECTION:
        lines.append(f"…and {len(promises) - SHOWN_PER_SECTION} more")
    return [*lines, ""]


def digest_text(data: DigestData) -> str:
    tz = ZoneInfo(data.tz)
    today = data.generated_at.astimezone(tz)
    lines = [f"Your promises this week ({today:%A} {today.day} {today:%B}, {data.tz})", ""]
    if data.open_count == 0:
        lines += ["No open promises. Every promise you made is kept or closed.", ""]
    lines += _section("Overdue", data.overdue, tz, "was due")
    lines += _section("Due in the next 7 days", data.due_this_week, tz, "due")
    lines += _section("Later", data.later, tz, "due")
    undated = _section("No date yet", data.undated, tz, "due")
    if undated:
        undated.insert(-1, "A promise without a time is heard as \"soon\": give each one a date.")
    lines += undated
    kept = _plural(data.kept_last_week, "promise kept", "promises kept")
    logged = _plural(data.incidents_last_week, "incident logged", "incidents logged")
    lines.append(f"Last 7 days: {kept}, {logged}.")
    return "\n".join(lines)
