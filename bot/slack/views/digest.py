"""The weekly digest in Block Kit: the message people clear with a click per promise.

The same view is sent, previewed (`/toughclient digest`) and swapped in place
after each click, so counts and sections are always rebuilt from the records.
"""

from __future__ import annotations

from slack_sdk.models.blocks import Block

from bot.coach.labels import counted
from bot.digest import layout
from bot.service import DigestData
from bot.slack import ids
from bot.slack.text import escape, trim_escaped
from bot.slack.views.common import SlackMessage, note, section
from bot.slack.views.promise_rows import promise_row

# Two blocks a promise; the rest of the message needs about a dozen of Slack's fifty.
MAX_ROWS = 17
SHOWN_INCIDENTS = 8


def _incidents(data: DigestData) -> list[Block]:
    if not data.incidents_this_week:
        return []
    lines = [
        "• "
        + trim_escaped(layout.incident_line(i.kind, i.customer, i.what_happened, i.severity), 300)
        for i in data.incidents_this_week[:SHOWN_INCIDENTS]
    ]
    title = f"*This week's incidents* ({len(data.incidents_this_week)})"
    return [section(title), section("\n".join(lines))]


def digest_message(data: DigestData, *, preview: bool = False, notice: str = "") -> SlackMessage:
    """`notice` says what the last click did, at the top of the updated message."""
    head: list[Block] = [note(notice)] if notice else []
    if data.open_count == 0:
        clear = section(escape(layout.ALL_CLEAR))
        return SlackMessage(text=layout.ALL_CLEAR, blocks=[*head, clear])
    label = "Preview of your weekly digest" if preview else "Your weekly digest"
    blocks: list[Block] = [
        *head,
        section(f"*{escape(label)}* · {escape(layout.title(data))}"),
        note("\n".join(layout.trend_lines(data))),
    ]
    rows_left = MAX_ROWS
    hidden = 0
    for part in layout.sections(data):
        blocks.append(section(f"*{escape(part.title)}* ({len(part.promises)})"))
        if part.nudge:
            blocks.append(note(part.nudge))
        shown = part.promises[: max(rows_left, 0)]
        for promise in shown:
            blocks += promise_row(promise, data.tz, data.generated_at, ids.SURFACE_DIGEST)
        rows_left -= len(shown)
        hidden += len(part.promises) - len(shown)
    if hidden:
        blocks.append(note(f"{counted(hidden, 'more open promise')}: /toughclient promises"))
    blocks += _incidents(data)
    blocks.append(
        note(
            f"{layout.last_week_line(data)} Change the day, hour or zone in my App Home "
            "or with /toughclient settings."
        )
    )
    return SlackMessage(text=layout.summary(data), blocks=blocks)
