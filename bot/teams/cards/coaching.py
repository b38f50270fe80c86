"""The coaching result: what to change and why, the promises found, the rewrite.

Each flag quotes the user's own words, because principle 4 applies to the
coach too: people accept advice that shows it read what they wrote.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from bot.coach.labels import counted, flag_label
from bot.coach.types import CoachResult, Flag, Promise
from bot.teams.cards.common import (
    CARD_BUDGET_BYTES,
    Card,
    CardMessage,
    Element,
    action_set,
    card,
    card_bytes,
    escape_markdown,
    heading,
    paragraph,
    shorten,
    submit,
    subtle,
    when,
)

# (flags, promises, rewrite characters) shown; smaller steps until the card fits a message.
SIZE_STEPS: tuple[tuple[int, int, int], ...] = ((12, 8, 6000), (6, 4, 3000), (3, 2, 1500))
# `no <draft>` puts what makes a refusal worse first (principle 1).
REFUSAL_CODES: tuple[str, ...] = ("hard_no", "false_hope", "absolute")
MAX_QUOTE_CHARS = 200

__all__ = ["coaching_card", "coaching_summary", "flag_label", "track_toggle_id"]


def _flag_block(flag: Flag) -> Element:
    quote = shorten(flag.quote, MAX_QUOTE_CHARS)
    items: list[Element] = [
        paragraph(f"**{flag_label(flag.code)}**: “{escape_markdown(quote)}”", markdown=True),
        paragraph(flag.message, spacing="None"),
    ]
    if flag.suggestion:
        items.append(paragraph(f"Try: {flag.suggestion}", spacing="None", color="Good"))
    return {"type": "Container", "items": items, "separator": True}


def _promise_line(promise: Promise, tz: str) -> str:
    if promise.vague or promise.due is None:
        return f"“{shorten(promise.text, MAX_QUOTE_CHARS)}”: no concrete time yet"
    return f"“{shorten(promise.text, MAX_QUOTE_CHARS)}”: due {when(promise.due, tz)}"


def _track_data(promise: Promise, customer: str | None) -> dict[str, Any]:
    data: dict[str, Any] = {"text": promise.text}
    if promise.due is not None:
        data["due"] = promise.due.isoformat()
    if customer:
        data["customer"] = customer
    return data


def track_toggle_id(index: int) -> str:
    """The Input.Toggle of the index-th promise; its value comes back with any submit."""
    return f"track_{index}"


def _promises_section(
    result: CoachResult, tz: str, customer: str | None, limit: int, track: bool, toggles: bool
) -> list[Element]:
    if not result.promises:
        return []
    section: list[Element] = [heading("Promises in this reply")]
    for index, promise in enumerate(result.promises[:limit]):
        if toggles:
            section.append({
                "type": "Input.Toggle", "id": track_toggle_id(index),
                "title": f"Track {_promise_line(promise, tz)}", "value": "false",
                "valueOn": "true", "valueOff": "false", "wrap": True,
            })
            continue
        if not track:
            section.append(paragraph(_promise_line(promise, tz)))
            continue
        section.append(
            {
                "type": "ColumnSet",
                "columns": [
                    {
                        "type": "Column",
                        "width": "stretch",
                        "items": [paragraph(_promise_line(promise, tz))],
                    },
                    {
                        "type": "Column",
                        "width": "auto",
                        "items": [
                            action_set(
                                submit("Track", "track_promise", **_track_data(promise, customer))
                            )
                        ],
                    },
                ],
                "id": f"promise-{index}",
            }
        )
    if len(result.promises) > limit:
        section.append(subtle(f"…and {len(result.promises) - limit} more promises."))
    return section


def coaching_summary(result: CoachResult) -> str:
    """The plain-text fallback: flag labels with quotes, then the rewrite."""
    if not result.flags:
        lines = ["Looks good: nothing here will make things worse."]
    else:
        lines = [f"{counted(len(result.flags), 'thing')} to fix:"]
        lines += [f"- {flag_label(f.code)}: “{shorten(f.quote, 80)}”" for f in result.flags[:5]]
    if result.promises:
        lines.append(f"Promises: {len(result.promises)}")
    if result.rewrite:
        lines.append(f"Suggested rewrite: {shorten(result.rewrite, 600)}")
    return "\n".join(lines)


def coaching_card(
    result: CoachResult,
    *,
    tz: str = "UTC",
    title: str = "Coaching for your draft",
    customer: str | None = None,
    offer_log: bool = True,
    focus: tuple[str, ...] = (),
    track_buttons: bool = True,
    track_toggles: bool = False,
    suggestions: Sequence[str] = (),
) -> CardMessage:
    """Flags (quote, why, suggestion), the copyable rewrite, and promises to track.

    A long draft can carry hundreds of flags and promises; the card shows the
    first ones (refusal flags first under `focus`) and says how many more.
    `track_toggles` shows a "Track" checkbox per promise instead of a button
    (dialogs, where the ticks are saved with the final submit). `suggestions`
    are the model's own ideas of alternatives, listed apart from the rewrite.
    """
    summary = coaching_summary(result)
    options = (title, customer, offer_log, focus, track_buttons, track_toggles,
               tuple(suggestions))
    built = _coaching_card(result, tz, options, SIZE_STEPS[0], summary)
    for step in SIZE_STEPS[1:]:
        if card_bytes(built) <= CARD_BUDGET_BYTES:
            break
        built = _coaching_card(result, tz, options, step, summary)
    return CardMessage(built, summary)


_Options = tuple[str, str | None, bool, tuple[str, ...], bool, bool, tuple[str, ...]]
MAX_SUGGESTIONS = 4
SUGGESTIONS_NOTE = "Ideas from the AI: pick one and add it yourself; they are not in the rewrite."


def rewrite_heading(result: CoachResult) -> str:
    return "Suggested rewrite" + (
        " (AI, re-checked by the rules)" if result.rewrite_source == "llm" else ""
    )


def _literal(text: str) -> str:
    """Model text shown as written: no bold, italics or links made from its characters."""
    return re.sub(r"([\\*_\[\]()`~>#])", r"\\\1", " ".join(text.split()))


def suggestions_section(suggestions: Sequence[str]) -> list[Element]:
    if not suggestions:
        return []
    lines = "\n".join(f"- {_literal(shorten(s, 300))}" for s in suggestions[:MAX_SUGGESTIONS])
    return [heading("Alternatives you could offer"), subtle(SUGGESTIONS_NOTE), paragraph(lines)]


def _coaching_card(
    result: CoachResult, tz: str, options: _Options, step: tuple[int, int, int], summary: str
) -> Card:
    title, customer, offer_log, focus, track_buttons, track_toggles, suggestions = options
    max_flags, max_promises, max_rewrite = step
    body: list[Element] = [heading(title)]
    if result.flags:
        count = len(result.flags)
        flags = sorted(result.flags, key=lambda flag: flag.code not in focus)
        body.append(subtle(f"{count} thing{'s' if count != 1 else ''} will make this worse."))
        body += [_flag_block(flag) for flag in flags[:max_flags]]
        if count > max_flags:
            body.append(subtle(f"…and {count - max_flags} more."))
    else:
        body.append(paragraph("Looks good: nothing here will make things worse.", color="Good"))
    if result.rewrite:
        body += [
            heading(rewrite_heading(result)),
            # Teams cannot put text in the chat box from a bot message: the rewrite sits
            # alone in its block so selecting it copies exactly the rewrite, nothing else.
            subtle("Select the rewrite below and copy it into your reply."),
            {
                "type": "Container",
                "style": "emphasis",
                "items": [
                    paragraph(shorten(result.rewrite, max_rewrite), fontType="Monospace",
                              id="rewrite")
                ],
            },
        ]
        body += suggestions_section(suggestions)
    body += _promises_section(
        result, tz, customer, max_promises, track_buttons, track_toggles
    )
    actions: list[Element] = []
    if offer_log:
        prefill = {"customer": customer} if customer else {}
        actions.append(submit("Log an incident", "open_log_form", **prefill))
    actions.append(submit("Soften a no", "open_soften_form"))
    return card(body, actions=actions, fallback=summary)
