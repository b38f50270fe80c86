"""The weekly digest as plain text: the command line's dry run and every card's fallback.

It leads with what needs doing now (overdue, and how late), shows times in
the person's own zone, and nudges undated promises towards a date, because
a promise without a time is the vague commitment the coach warns about.
"""

from __future__ import annotations

from bot.digest import layout
from bot.service.views import DigestData, PromiseView

SHOWN_PER_SECTION = 10
SHOWN_INCIDENTS = 10


def _line(promise: PromiseView, data: DigestData) -> str:
    who = f"{promise.customer}: " if promise.customer else ""
    source = f" <{promise.source_link}>" if promise.source_link else ""
    due = layout.due_words(promise, data.tz, data.generated_at)
    return f"• #{promise.id} {who}{promise.text} - {due}{source}"


def digest_text(data: DigestData) -> str:
    if data.open_count == 0:
        return layout.ALL_CLEAR
    lines = [layout.title(data), *layout.trend_lines(data), ""]
    for section in layout.sections(data):
        lines.append(f"{section.title} ({len(section.promises)}):")
        if section.nudge:
            lines.append(section.nudge)
        lines += [_line(p, data) for p in section.promises[:SHOWN_PER_SECTION]]
        if len(section.promises) > SHOWN_PER_SECTION:
            lines.append(f"…and {len(section.promises) - SHOWN_PER_SECTION} more")
        lines.append("")
    if data.incidents_this_week:
        lines.append(f"This week's incidents ({len(data.incidents_this_week)}):")
        lines += [
            "• " + layout.incident_line(i.kind, i.customer, i.what_happened, i.severity)
            for i in data.incidents_this_week[:SHOWN_INCIDENTS]
        ]
        lines.append("")
    lines.append(layout.last_week_line(data))
    return "\n".join(lines)
