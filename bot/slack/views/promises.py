"""Open promises with buttons to mark them kept or cancel them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from slack_sdk.models.blocks import Block

from bot.coach.labels import counted
from bot.service import PromiseView
from bot.slack import ids
from bot.slack.text import escape, trim_escaped
from bot.slack.views.common import SlackMessage, note, section, when
from bot.slack.views.promise_rows import promise_row

MAX_LISTED = 20


def promise_blocks(
    promises: Sequence[PromiseView], tz: str, now: datetime, *, surface: str = ids.SURFACE_LIST
) -> list[Block]:
    """Two blocks per promise (its line, then its buttons), at most MAX_LISTED promises."""
    blocks: list[Block] = []
    for promise in promises[:MAX_LISTED]:
        blocks += promise_row(promise, tz, now, surface)
    if len(promises) > MAX_LISTED:
        hidden = counted(len(promises) - MAX_LISTED, "more open promise")
        blocks.append(note(f"{hidden} not shown."))
    return blocks


def promises_message(
    promises: Sequence[PromiseView], tz: str, now: datetime, *, notice: str = ""
) -> SlackMessage:
    head: list[Block] = [note(notice)] if notice else []
    if not promises:
        text = "No open promises. Nice work keeping your word."
        return SlackMessage(text=text, blocks=[*head, section(escape(text))])
    overdue = sum(1 for p in promises if p.overdue(now))
    title = f"*Your open promises* ({len(promises)}, {overdue} overdue)"
    blocks = [*head, section(title), *promise_blocks(promises, tz, now)]
    return SlackMessage(text=f"You have {counted(len(promises), 'open promise')}.", blocks=blocks)


def promise_tracked_message(promise: PromiseView, tz: str) -> SlackMessage:
    due = escape(when(promise.due, tz))
    text = f":pushpin: Tracking: {trim_escaped(promise.text, 1500)}\n_due {due}_"
    return SlackMessage(text=f"Tracking: {promise.text}", blocks=[section(text)])
