"""Message-extension dialogs: write a draft, see the coaching, insert the reply.

The dialog carries the customer's message in the submit data, so every step
of the task module has what it needs without server-side session state.
"""

from __future__ import annotations

from bot.coach.limits import MAX_DRAFT_CHARS
from bot.coach.types import CoachResult
from bot.teams.cards.coaching import coaching_card
from bot.teams.cards.common import (
    MAX_BLOCK_CHARS,
    Card,
    Element,
    card,
    heading,
    paragraph,
    shorten,
    submit,
)


def draft_dialog_card(
    *, customer_message: str = "", draft: str = "", error: str | None = None
) -> Card:
    """A multiline draft box; above it, the customer's message when replying to one."""
    body: list[Element] = []
    if customer_message:
        body += [
            heading("The customer wrote"),
            {
                "type": "Container",
                "style": "emphasis",
                "items": [paragraph(shorten(customer_message, 2000))],
            },
        ]
    body.append(heading("Your draft reply"))
    if error:
        body.append(paragraph(error, color="Attention"))
    body.append(
        {
            "type": "Input.Text",
            "id": "draft",
            "isMultiline": True,
            "isRequired": True,
            "errorMessage": "Write the reply you want coached",
            "maxLength": MAX_DRAFT_CHARS,
            "placeholder": "Write the reply you are about to send",
            "value": draft,
        }
    )
    data = {"customer_message": shorten(customer_message, 2000)} if customer_message else {}
    return card(
        body,
        actions=[submit("Coach it", "coach_draft", style="positive", **data)],
        fallback="Write your draft reply and I will coach it.",
    )


def extension_result_card(result: CoachResult, *, tz: str, customer_message: str = "") -> Card:
    """The coaching, then buttons to insert the rewrite (or the draft as written)."""
    built = coaching_card(result, tz=tz, offer_log=False, track_buttons=False).card
    actions: list[Element] = []
    if result.rewrite:
        actions.append(submit("Insert the rewrite", "insert_reply", style="positive",
                              reply=result.rewrite))
    actions.append(submit("Insert my draft as written", "insert_reply", reply=result.text))
    data = {"customer_message": customer_message} if customer_message else {}
    actions.append(submit("Edit the draft", "edit_draft", draft=result.text, **data))
    built["actions"] = actions
    return built


def inserted_reply_card(reply: str) -> Card:
    """What lands in the compose box: the reply itself, nothing else."""
    return card([paragraph(shorten(reply, MAX_BLOCK_CHARS))], fallback=reply)
