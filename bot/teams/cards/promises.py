"""Open promises, overdue first as the service orders them, each with its four buttons."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from bot.coach.labels import counted
from bot.teams.cards.common import (
    CARD_BUDGET_BYTES,
    CardMessage,
    Element,
    card,
    card_bytes,
    heading,
    paragraph,
    shorten,
    submit,
    subtle,
    when,
)
from bot.teams.cards.promise_rows import SURFACE_LIST, promise_row

if TYPE_CHECKING:
    from bot.service import PromiseView

ROW_STEPS = (15, 10, 6, 3, 1)  # promises shown, fewer until the card fits


def promises_card(
    promises: Sequence[PromiseView], *, tz: str, now: datetime, note: str | None = None
) -> CardMessage:
    """As many promises as fit Teams' message size (rows with long words are big)."""
    message = _promises_card(promises, tz, now, note, ROW_STEPS[0])
    for rows in ROW_STEPS[1:]:
        if card_bytes(message.card) <= CARD_BUDGET_BYTES:
            break
        message = _promises_card(promises, tz, now, note, rows)
    return message


def _promises_card(
    promises: Sequence[PromiseView], tz: str, now: datetime, note: str | None, shown: int
) -> CardMessage:
    body: list[Element] = [heading("Your open promises")]
    if note:
        body.append(paragraph(note, color="Good"))
    if not promises:
        empty = "No open promises. Nothing is waiting on you."
        body.append(paragraph(empty))
        return CardMessage(card(body, fallback=empty), f"{note}\n{empty}" if note else empty)
    overdue = sum(1 for p in promises if p.overdue(now))
    body.append(subtle(f"{len(promises)} open, {overdue} overdue."))
    body += [
        promise_row(p, tz=tz, now=now, surface=SURFACE_LIST)
        for p in promises[:shown]
    ]
    if len(promises) > shown:
        body.append(subtle(f"…and {len(promises) - shown} more."))
    text = f"{counted(len(promises), 'open promise')}, {overdue} overdue."
    if note:
        text = f"{note}\n{text}"
    return CardMessage(card(body, fallback=text), text)


def promise_tracked_card(promise: PromiseView, *, tz: str) -> CardMessage:
    due = "no date yet" if promise.due is None else f"due {when(promise.due, tz)}"
    text = f"Tracking: {shorten(promise.text, 300)} ({due})"
    body: list[Element] = [
        heading("Promise tracked"),
        paragraph(shorten(promise.text, 600)),
        subtle(f"{due[0].upper()}{due[1:]}. It will be in your weekly digest until it is kept."),
    ]
    return CardMessage(
        card(body, actions=[submit("My promises", "show_promises")], fallback=text), text
    )
