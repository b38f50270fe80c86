"""One open promise with Kept, Snooze a week, New date (a date picker) and Cancel.

The same row in the weekly digest card and the `promises` card, so a click
does the same thing in both. Every button says which promise and which card
(`surface`) it belongs to, so the answer can redraw that card in place; Snooze
carries the absolute time it moves the promise to, so a double click sets the
same time twice. User words are escaped before our own bold and link go round them.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from bot.digest.layout import due_words
from bot.service.promise_dates import snooze_target
from bot.teams.cards.common import (
    Element,
    action_set,
    escape_markdown,
    paragraph,
    shorten,
    submit,
    subtle,
    zone,
)

if TYPE_CHECKING:
    from bot.service import PromiseView

SURFACE_DIGEST = "digest"
SURFACE_LIST = "list"
DATE_INPUT_PREFIX = "due_"


def date_input_id(promise_id: int) -> str:
    """Inputs share one namespace per card: each promise's date picker needs its own id."""
    return f"{DATE_INPUT_PREFIX}{promise_id}"


def source_link(url: str | None) -> str:
    """A Markdown link to an http(s) address, or nothing; brackets cannot break out of it."""
    if not url or not url.startswith(("https://", "http://")):
        return ""
    safe = url.replace("(", "%28").replace(")", "%29").replace(" ", "%20")
    return f" · [where it was made]({safe})"


def _new_date_card(promise: PromiseView, tz: str, surface: str) -> Element:
    value = promise.due.astimezone(zone(tz)).date().isoformat() if promise.due else None
    date_input: Element = {
        "type": "Input.Date",
        "id": date_input_id(promise.id),
        "label": "New date",
        "isRequired": True,
        "errorMessage": "Pick a date.",
    }
    if value:
        date_input["value"] = value
    return {
        "type": "AdaptiveCard",
        "body": [date_input],
        "actions": [
            submit(
                "Set the date", "reschedule_promise", promise_id=promise.id, surface=surface
            )
        ],
    }


def promise_row(promise: PromiseView, *, tz: str, now: datetime, surface: str) -> Element:
    overdue = promise.overdue(now)
    customer = ""
    if promise.customer:
        customer = f"**{escape_markdown(shorten(promise.customer, 100))}** · "
    words = escape_markdown(shorten(promise.text, 400))
    return {
        "type": "Container",
        "separator": True,
        "items": [
            paragraph(
                f"{customer}“{words}”", markdown=True,
                weight="Bolder" if overdue else "Default",
            ),
            subtle(
                f"{'⏰ ' if overdue else ''}{due_words(promise, tz, now)}"
                f"{source_link(promise.source_link)}",
                markdown=True,
            ),
            action_set(
                submit(
                    "Kept", "close_promise", style="positive",
                    promise_id=promise.id, status="kept", surface=surface,
                ),
                submit(
                    "Snooze a week", "snooze_promise", promise_id=promise.id,
                    until=snooze_target(promise.due, now, tz).isoformat(), surface=surface,
                ),
                {"type": "Action.ShowCard", "title": "New date",
                 "card": _new_date_card(promise, tz, surface)},
                submit(
                    "Cancel", "close_promise", style="destructive",
                    promise_id=promise.id, status="cancelled", surface=surface,
                ),
            ),
        ],
    }
