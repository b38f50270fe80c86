"""Message-extension dialogs: write a draft, see the coaching, insert the reply.

The dialog carries the customer's message, the link to it and its sender in
the submit data, so every step of the task module has what it needs without
server-side session state.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.coach.limits import MAX_DRAFT_CHARS
from bot.coach.types import CoachResult
from bot.service.limits import CUSTOMER_CHARS
from bot.teams.cards.coaching import SIZE_STEPS, coaching_card
from bot.teams.cards.common import (
    MAX_BLOCK_CHARS,
    Card,
    Element,
    card,
    heading,
    paragraph,
    shorten,
    submit,
    subtle,
)

MAX_TRACKED = SIZE_STEPS[0][1]  # promises a dialog offers to track: as many as it shows
LOG_TOGGLE_ID = "log_incident"


def dialog_context(
    *, customer_message: str = "", source_link: str = "", customer: str = ""
) -> dict[str, str]:
    """What every step of the dialog carries in its submit data: the customer's message,
    the link to it (kept with promises and incidents) and who wrote it. Empty parts are left out.
    """
    context = {
        "customer_message": shorten(customer_message, 2000) if customer_message else "",
        "source_link": source_link,
        "customer": shorten(customer, 200) if customer else "",
    }
    return {key: value for key, value in context.items() if value}


def draft_dialog_card(
    *, customer_message: str = "", draft: str = "", error: str | None = None,
    source_link: str = "", customer: str = "",
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
    data = dialog_context(customer_message=customer_message, source_link=source_link,
                          customer=customer)
    return card(
        body,
        actions=[submit("Coach it", "coach_draft", style="positive", **data)],
        fallback="Write your draft reply and I will coach it.",
    )


def _tracked_promises(result: CoachResult) -> list[dict[str, str]]:
    """The promises behind the Track checkboxes, in the same order (the index is the link)."""
    listed: list[dict[str, str]] = []
    for promise in result.promises[:MAX_TRACKED]:
        item = {"text": promise.text}
        if promise.due is not None:
            item["due"] = promise.due.isoformat()
        listed.append(item)
    return listed


def extension_result_card(
    result: CoachResult, *, tz: str, customer_message: str = "", source_link: str = "",
    customer: str = "", suggestions: Sequence[str] = (),
) -> Card:
    """The coaching, then buttons to insert the rewrite (or the draft as written).

    Each promise has a Track checkbox, and a reply to a customer's message can
    be logged as an incident: what is ticked is saved, with the link to the
    customer's message, when the reply is inserted, so nothing costs an extra step.
    """
    built = coaching_card(result, tz=tz, offer_log=False, track_buttons=False,
                          track_toggles=True, suggestions=suggestions).card
    context = dialog_context(customer_message=customer_message, source_link=source_link,
                             customer=customer)
    if customer_message:
        built["body"] += [
            heading("The customer's message"),
            {
                "type": "Input.Toggle", "id": LOG_TOGGLE_ID, "value": "false",
                "valueOn": "true", "valueOff": "false", "wrap": True,
                "title": "Log this exchange as an incident",
            },
            {
                "type": "Input.Text", "id": "customer", "label": "Customer",
                "maxLength": CUSTOMER_CHARS,
                "placeholder": "Company or person", "value": customer,
            },
        ]
    promises = _tracked_promises(result)
    if promises or customer_message:
        built["body"].append(subtle("What you tick is saved when you insert your reply."))
    saved: dict[str, Any] = {"promises": promises} if promises else {}
    actions: list[Element] = []
    if result.rewrite:
        actions.append(submit("Insert the rewrite", "insert_reply", style="positive",
                              reply=result.rewrite, **context, **saved))
    actions.append(submit("Insert my draft as written", "insert_reply", reply=result.text,
                          **context, **saved))
    actions.append(submit("Edit the draft", "edit_draft", draft=result.text, **context))
    built["actions"] = actions
    return built


def inserted_reply_card(reply: str) -> Card:
    """What lands in the compose box: the reply itself, nothing else."""
    return card([paragraph(shorten(reply, MAX_BLOCK_CHARS))], fallback=reply)
