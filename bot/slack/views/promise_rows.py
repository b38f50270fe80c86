"""One open promise with its four buttons: Kept, Snooze a week, a date picker, Cancel.

The same row in the weekly digest, `/toughclient promises` and the App Home,
so the same click does the same thing everywhere. The block id names the
promise and where it is shown (a date picker carries no value of its own);
Snooze carries the absolute time it moves the promise to, so a double click
or a retried delivery sets that time twice rather than snoozing two weeks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ConfirmObject,
    DatePickerElement,
    PlainTextObject,
)

from bot.digest.layout import due_words
from bot.service import PromiseView
from bot.service.promise_dates import snooze_target
from bot.slack import ids, limits
from bot.slack.text import escape, link, trim_escaped
from bot.slack.views.common import button, section, zone


@dataclass(frozen=True)
class RowPlace:
    """Which promise a clicked row is about, and where the row was shown."""

    promise_id: int
    surface: str


CANCEL_CONFIRM = ConfirmObject(
    title="Cancel this promise?",
    text="It leaves your list and your digest. The customer may still remember it.",
    confirm="Cancel it",
    deny="Keep it",
)


def row_block_id(promise_id: int, surface: str) -> str:
    return f"{ids.PROMISE_BLOCK}:{promise_id}:{surface}"


def read_block_id(block_id: object) -> RowPlace | None:
    if not isinstance(block_id, str):
        return None
    parts = block_id.split(":")
    if len(parts) != 3 or parts[0] != ids.PROMISE_BLOCK or not parts[1].isdigit():
        return None
    return RowPlace(int(parts[1]), parts[2])


def promise_line(promise: PromiseView, tz: str, now: datetime) -> str:
    """Customer, the words promised, when, and where it was made; all user text escaped."""
    customer = f"*{trim_escaped(promise.customer, 100)}* · " if promise.customer else ""
    late = ":alarm_clock: " if promise.overdue(now) else ""
    source = link(promise.source_link, "where it was made")
    where = f" · {source}" if source else ""
    words = trim_escaped(promise.text, 1500)
    return f"{late}{customer}“{words}”\n_{escape(due_words(promise, tz, now))}_{where}"


def promise_actions(promise: PromiseView, tz: str, now: datetime, surface: str) -> ActionsBlock:
    value = str(promise.id)
    initial = promise.due.astimezone(zone(tz)).date().isoformat() if promise.due else None
    return ActionsBlock(
        block_id=row_block_id(promise.id, surface),
        elements=[
            button("Kept", ids.PROMISE_KEPT, value, style="primary"),
            button(
                "Snooze a week", ids.PROMISE_SNOOZE, snooze_target(promise.due, now, tz).isoformat()
            ),
            DatePickerElement(
                action_id=ids.PROMISE_NEW_DATE,
                initial_date=initial,
                placeholder=PlainTextObject(text="New date"[: limits.PLACEHOLDER]),
            ),
            ButtonElement(
                text=PlainTextObject(text="Cancel", emoji=True),
                action_id=ids.PROMISE_CANCEL,
                value=value,
                style="danger",
                confirm=CANCEL_CONFIRM,
            ),
        ],
    )


def promise_row(promise: PromiseView, tz: str, now: datetime, surface: str) -> list[Block]:
    return [section(promise_line(promise, tz, now)), promise_actions(promise, tz, now, surface)]
