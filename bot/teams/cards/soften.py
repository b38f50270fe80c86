"""Soften a no: the form (asked for / why not / alternatives) and the softened reply."""

from __future__ import annotations

from collections.abc import Sequence

from bot.teams.cards.coaching import suggestions_section
from bot.teams.cards.common import CardMessage, Element, card, heading, paragraph, submit, subtle

FORM_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("asked_for", "What the customer asked for", "e.g. a refund after the 30-day window"),
    ("why_not", "Why not", "the real reason, said plainly"),
    ("alternatives", "What you can offer instead", "one per line: store credit, a repair…"),
)


def soften_form_card(
    *, values: dict[str, str] | None = None, error: str | None = None
) -> CardMessage:
    """The three questions that turn a flat no into a no with a way forward."""
    values = values or {}
    body: list[Element] = [
        heading("Soften a no"),
        subtle("Keep the no, give the reason, offer alternatives, end with a choice."),
    ]
    if error:
        body.append(paragraph(error, color="Attention"))
    for field_id, label, placeholder in FORM_FIELDS:
        body.append(
            {
                "type": "Input.Text",
                "id": field_id,
                "label": label,
                "placeholder": placeholder,
                "isMultiline": field_id != "asked_for",
                "isRequired": field_id != "alternatives",
                "errorMessage": f"{label} is needed",
                "maxLength": 2000,
                "value": values.get(field_id, ""),
            }
        )
    text = "Soften a no: tell me what they asked for, why not, and what you can offer."
    return CardMessage(
        card(body, actions=[submit("Write my reply", "soften", style="positive")], fallback=text),
        text,
    )


def softened_card(
    reply: str, *, asked_for: str, suggestions: Sequence[str] = (), from_model: bool = False
) -> CardMessage:
    """The softened reply, copyable, with a way back to the form to try again."""
    title = "Your softened reply" + (" (AI, re-checked by the rules)" if from_model else "")
    body: list[Element] = [
        heading(title),
        subtle(f"For: {asked_for}"),
        {
            "type": "Container",
            "style": "emphasis",
            "items": [paragraph(reply, fontType="Monospace", id="softened")],
        },
        subtle("Select the text to copy it."),
        *suggestions_section(suggestions),
    ]
    return CardMessage(
        card(body, actions=[submit("Soften another no", "open_soften_form")], fallback=reply),
        f"Softened reply: {reply}",
    )
