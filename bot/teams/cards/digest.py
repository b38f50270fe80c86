"""The weekly digest as a card: the same sections as the plain-text digest."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.teams.cards.common import (
    CardMessage,
    Element,
    card,
    heading,
    shorten,
    submit,
    subtle,
    when,
)

if TYPE_CHECKING:
    from bot.service import DigestData, PromiseView

MAX_PER_SECTION = 15


def _plural(count: int, one: str, many: str) -> str:
    """The same words as bot.digest.render.digest_text: "1 promise kept", "2 promises kept"."""
    return f"{count} {one if count == 1 else many}"


def _section(title: str, promises: Sequence[PromiseView], tz: str) -> list[Element]:
    if not promises:
        return []
    lines: list[Element] = [heading(f"{title} ({len(promises)})")]
    for promise in promises[:MAX_PER_SECTION]:
        due = "" if promise.due is None else f" (due {when(promise.due, tz)})"
        who = f" · {promise.customer}" if promise.customer else ""
        lines.append(subtle(f"• {shorten(promise.text, 300)}{due}{who}"))
    if len(promises) > MAX_PER_SECTION:
        lines.append(subtle(f"…and {len(promises) - MAX_PER_SECTION} more."))
    return lines


def digest_card(data: DigestData, *, text: str, preview: bool = False) -> CardMessage:
    """`text` is bot.digest.render.digest_text(data): the fallback says exactly the same."""
    title = "Your weekly digest (preview)" if preview else "Your weekly digest"
    body: list[Element] = [heading(title)]
    body += _section("Overdue", data.overdue, data.tz)
    body += _section("Due this week", data.due_this_week, data.tz)
    body += _section("Later", data.later, data.tz)
    body += _section("No date yet", data.undated, data.tz)
    if len(body) == 1:
        body.append(subtle("No open promises. Nothing is waiting on you."))
    kept = _plural(data.kept_last_week, "promise kept", "promises kept")
    logged = _plural(data.incidents_last_week, "incident logged", "incidents logged")
    body.append(subtle(f"Last 7 days: {kept}, {logged}."))
    return CardMessage(
        card(body, actions=[submit("Review promises", "show_promises")], fallback=text), text
    )
