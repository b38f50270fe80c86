"""The weekly digest as a card people clear with a click per promise.

Sent, previewed (`digest`) and redrawn in place after each click, always
rebuilt from the records, so the counts and sections are current.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.coach.labels import counted
from bot.digest import layout
from bot.teams.cards.common import (
    CARD_BUDGET_BYTES,
    CardMessage,
    Element,
    card,
    card_bytes,
    escape_markdown,
    heading,
    paragraph,
    shorten,
    subtle,
)
from bot.teams.cards.promise_rows import SURFACE_DIGEST, promise_row

if TYPE_CHECKING:
    from bot.service import DigestData

# A promise with its buttons is 1.3 to 2.5 KB: as many rows as fit Teams' 28 KB, in steps.
ROW_STEPS = (12, 8, 5, 3, 1)
SHOWN_INCIDENTS = 8


def _incidents(data: DigestData) -> list[Element]:
    if not data.incidents_this_week:
        return []
    lines = [
        "- " + escape_markdown(
            shorten(layout.incident_line(i.kind, i.customer, i.what_happened, i.severity), 300)
        )
        for i in data.incidents_this_week[:SHOWN_INCIDENTS]
    ]
    return [
        heading(f"This week's incidents ({len(data.incidents_this_week)})"),
        paragraph("\n".join(lines), markdown=True, spacing="Small"),
    ]


def digest_card(
    data: DigestData, *, text: str, preview: bool = False, notice: str | None = None
) -> CardMessage:
    """`text` is bot.digest.render.digest_text(data): the fallback says exactly the same.

    Long promises and customer names make rows big: fewer rows are shown until the
    card fits, and the rest are counted with a pointer to `promises`.
    """
    message = _digest_card(data, text, preview, notice, ROW_STEPS[0])
    for rows in ROW_STEPS[1:]:
        if card_bytes(message.card) <= CARD_BUDGET_BYTES:
            break
        message = _digest_card(data, text, preview, notice, rows)
    return message


def _digest_card(
    data: DigestData, text: str, preview: bool, notice: str | None, max_rows: int
) -> CardMessage:
    body: list[Element] = []
    if notice:
        body.append(paragraph(notice, color="Good"))
    if data.open_count == 0:
        body.append(paragraph(layout.ALL_CLEAR))
        return CardMessage(card(body, fallback=text), text)
    body.append(heading("Your weekly digest (preview)" if preview else "Your weekly digest"))
    body.append(subtle(layout.title(data)))
    trend, flags = layout.trend_lines(data)
    body.append(paragraph(trend, fontType="Monospace", spacing="Small"))
    body.append(subtle(flags))
    rows_left, hidden = max_rows, 0
    for part in layout.sections(data):
        body.append(heading(f"{part.title} ({len(part.promises)})"))
        if part.nudge:
            body.append(subtle(part.nudge))
        shown = part.promises[: max(rows_left, 0)]
        body += [
            promise_row(p, tz=data.tz, now=data.generated_at, surface=SURFACE_DIGEST)
            for p in shown
        ]
        rows_left -= len(shown)
        hidden += len(part.promises) - len(shown)
    if hidden:
        body.append(subtle(f"{counted(hidden, 'more open promise')}: type “promises”."))
    body += _incidents(data)
    body.append(subtle(layout.last_week_line(data)))
    body.append(subtle("Change the day, hour or zone: type “settings”."))
    return CardMessage(card(body, fallback=text), layout.summary(data))
