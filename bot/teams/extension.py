"""Message extensions: "Coach this draft" (compose box) and "Coach a reply" (on a message).

Both open the same dialog; submitting it coaches the draft and shows the
result inside the dialog, whose buttons insert the rewrite (or the draft as
written) into the compose box. Every answer here is an invoke response, due
within Teams' 5 seconds, hence the short database budget.
"""

from __future__ import annotations

from typing import Any

from botbuilder.schema.teams import (
    MessagingExtensionAction,
    MessagingExtensionActionResponse,
    MessagingExtensionAttachment,
    MessagingExtensionResult,
    TaskModuleContinueResponse,
    TaskModuleTaskInfo,
)

from bot.service import Actor, Service
from bot.teams.cards.common import Card
from bot.teams.cards.extension import (
    draft_dialog_card,
    extension_result_card,
    inserted_reply_card,
)
from bot.teams.coaching import INVOKE_DB_BUDGET, DraftRejected, coach_text
from bot.teams.outgoing import card_attachment
from bot.teams.text import plain_text

COACH_DRAFT_COMMAND = "coachDraft"
COACH_REPLY_COMMAND = "coachReply"
DIALOG_TITLE = "toughclient: coach a reply"
ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive"


def _dialog(card: Card) -> MessagingExtensionActionResponse:
    info = TaskModuleTaskInfo(
        title=DIALOG_TITLE,
        card=card_attachment(card),
        height="large",
        width="medium",
    )
    return MessagingExtensionActionResponse(task=TaskModuleContinueResponse(value=info))


def _insert(reply: str) -> MessagingExtensionActionResponse:
    attachment = MessagingExtensionAttachment(
        content_type=ADAPTIVE_CARD, content=inserted_reply_card(reply)
    )
    result = MessagingExtensionResult(
        type="result", attachment_layout="list", attachments=[attachment]
    )
    return MessagingExtensionActionResponse(compose_extension=result)


def customer_message_of(action: MessagingExtensionAction) -> str:
    payload = action.message_payload
    if payload is None or payload.body is None:
        return ""
    return plain_text(payload.body.content)


def error_dialog(message: str) -> MessagingExtensionActionResponse:
    return _dialog(draft_dialog_card(error=message))


def fetch_task(action: MessagingExtensionAction) -> MessagingExtensionActionResponse:
    """Open the dialog; for "Coach a reply", show the customer's message above the draft box."""
    customer_message = (
        customer_message_of(action) if action.command_id == COACH_REPLY_COMMAND else ""
    )
    return _dialog(draft_dialog_card(customer_message=customer_message))


def _data(action: MessagingExtensionAction) -> dict[str, Any]:
    return action.data if isinstance(action.data, dict) else {}


def _field(data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    return value.strip() if isinstance(value, str) else ""


async def submit_action(
    service: Service, actor: Actor, action: MessagingExtensionAction, *, delivery_key: str | None
) -> MessagingExtensionActionResponse:
    data = _data(action)
    step = _field(data, "action")
    customer_message = _field(data, "customer_message") or (
        customer_message_of(action) if action.command_id == COACH_REPLY_COMMAND else ""
    )
    if step == "insert_reply":
        reply = _field(data, "reply")
        if reply:
            return _insert(reply)
    draft = plain_text(_field(data, "draft"))
    if step == "edit_draft" or not draft:
        error = None if step == "edit_draft" else "Write the reply you want coached."
        return _dialog(
            draft_dialog_card(customer_message=customer_message, draft=draft, error=error)
        )
    try:
        result, tz = await coach_text(
            service, actor, draft, delivery_key=delivery_key, budget=INVOKE_DB_BUDGET
        )
    except DraftRejected as err:
        return _dialog(
            draft_dialog_card(customer_message=customer_message, draft=draft, error=str(err))
        )
    return _dialog(extension_result_card(result, tz=tz, customer_message=customer_message))
