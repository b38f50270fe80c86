"""Message extensions: "Coach this draft" (compose box) and "Coach a reply" (on a message).

Both open the same dialog; submitting it coaches the draft and shows the
result inside the dialog, whose buttons insert the rewrite (or the draft as
written) into the compose box. Every answer here is an invoke response, due
within Teams' 5 seconds, hence the short database budget.
"""

from __future__ import annotations

import asyncio
import logging
import time
from datetime import datetime
from typing import Any

from botbuilder.schema.teams import (
    MessagingExtensionAction,
    MessagingExtensionActionResponse,
    MessagingExtensionAttachment,
    MessagingExtensionResult,
    TaskModuleContinueResponse,
    TaskModuleTaskInfo,
)

from bot.coach.types import CoachResult
from bot.service import Actor, CoachOutcome, RewriteAsk, Service, ServiceError, bridge
from bot.teams.cards.coaching import track_toggle_id
from bot.teams.cards.common import Card
from bot.teams.cards.extension import (
    LOG_TOGGLE_ID,
    draft_dialog_card,
    extension_result_card,
    inserted_reply_card,
)
from bot.teams.coaching import (
    INVOKE_DB_BUDGET,
    INVOKE_DEADLINE,
    CoachingTooSlow,
    DraftRejected,
    coach_text,
)
from bot.teams.outgoing import card_attachment
from bot.teams.text import plain_text

COACH_DRAFT_COMMAND = "coachDraft"
COACH_REPLY_COMMAND = "coachReply"
DIALOG_TITLE = "toughclient: coach a reply"
ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive"
MAX_LINK_CHARS = 2000
UNKNOWN_CUSTOMER = "Unknown customer"
NOT_SAVED = (
    "I could not save what you ticked just now, so nothing was inserted. "
    "Your reply is below: coach it again in a minute."
)

# Seconds from the invoke's arrival by which the model's rewrite must be back; the rest
# of Teams' 5 s is for the card and the network. Below MIN_MODEL_SECONDS left, not asked.
INVOKE_MODEL_DEADLINE = 4.0
MIN_MODEL_SECONDS = 0.5

log = logging.getLogger(__name__)


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


def _safe_link(raw: Any) -> str:
    """Only an https link is kept: it is stored with records and shown back to people."""
    link = raw.strip() if isinstance(raw, str) else ""
    return link if link.lower().startswith("https://") and len(link) <= MAX_LINK_CHARS else ""


def source_link_of(action: MessagingExtensionAction) -> str:
    """`messagePayload.linkToMessage`: the link to the message "Coach a reply" was used on."""
    payload = action.message_payload
    return _safe_link(payload.link_to_message if payload is not None else None)


def sender_name_of(action: MessagingExtensionAction) -> str:
    payload = action.message_payload
    sender = payload.from_property if payload is not None else None
    user = sender.user if sender is not None else None
    name = user.display_name if user is not None else None
    return name.strip() if isinstance(name, str) else ""


def error_dialog(message: str) -> MessagingExtensionActionResponse:
    return _dialog(draft_dialog_card(error=message))


def fetch_task(action: MessagingExtensionAction) -> MessagingExtensionActionResponse:
    """Open the dialog; for "Coach a reply", show the customer's message above the draft box."""
    if action.command_id != COACH_REPLY_COMMAND:
        return _dialog(draft_dialog_card())
    return _dialog(draft_dialog_card(
        customer_message=customer_message_of(action), source_link=source_link_of(action),
        customer=sender_name_of(action),
    ))


def _data(action: MessagingExtensionAction) -> dict[str, Any]:
    return action.data if isinstance(action.data, dict) else {}


def _field(data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    return value.strip() if isinstance(value, str) else ""


def _context(action: MessagingExtensionAction, data: dict[str, Any]) -> dict[str, str]:
    """The customer's message, its link and sender: from the dialog's data, else the payload."""
    reply = action.command_id == COACH_REPLY_COMMAND
    return {
        "customer_message": _field(data, "customer_message")
        or (customer_message_of(action) if reply else ""),
        "source_link": _safe_link(data.get("source_link"))
        or (source_link_of(action) if reply else ""),
        "customer": _field(data, "customer") or (sender_name_of(action) if reply else ""),
    }


def _ticked(data: dict[str, Any], key: str) -> bool:
    return str(data.get(key, "")).strip().lower() == "true"


def _parse_due(raw: Any) -> datetime | None:
    if not isinstance(raw, str) or not raw.strip():
        return None
    try:
        return datetime.fromisoformat(raw.strip().replace("Z", "+00:00"))
    except ValueError:
        return None


def _save_ticked(
    service: Service, actor: Actor, data: dict[str, Any], context: dict[str, str],
    delivery_key: str | None,
) -> int:
    """Track the ticked promises and log the incident if ticked, each with the source link.

    Synchronous (run it in a worker thread); returns how many records were saved.
    """
    link = context["source_link"] or None
    customer = context["customer"] or None
    saved = 0
    promises = data.get("promises")
    for index, promise in enumerate(promises if isinstance(promises, list) else []):
        if not (isinstance(promise, dict) and _ticked(data, track_toggle_id(index))):
            continue
        text = promise.get("text")
        if not isinstance(text, str) or not text.strip():
            continue
        service.track_promise(
            actor, text=text.strip(), due=_parse_due(promise.get("due")), customer=customer,
            source_link=link,
            delivery_key=f"{delivery_key}:promise:{index}" if delivery_key else None,
        )
        saved += 1
    if _ticked(data, LOG_TOGGLE_ID):
        happened = context["customer_message"] or "See the customer's message (source link)."
        service.log_incident(
            actor, customer=customer or UNKNOWN_CUSTOMER, what_happened=happened,
            source_link=link,
            delivery_key=f"{delivery_key}:incident" if delivery_key else None,
        )
        saved += 1
    return saved


async def with_model_rewrite(
    service: Service, actor: Actor, result: CoachResult, tz: str, *, customer_message: str,
    started: float,
) -> tuple[CoachResult, tuple[str, ...]]:
    """The model's rewrite if it is checked and back inside Teams' 5 seconds, else the rules'.

    An invoke cannot be updated after it is answered, so the model gets what
    is left of `INVOKE_MODEL_DEADLINE` and not a moment more.
    """
    left = INVOKE_MODEL_DEADLINE - (time.monotonic() - started)
    if not service.llm_configured or result.rewrite is None or left < MIN_MODEL_SECONDS:
        return result, ()
    ask = RewriteAsk(customer_message=customer_message)
    try:
        rewritten = await asyncio.wait_for(
            service.rewrite(actor, CoachOutcome(result, tz, None), ask), timeout=left
        )
    except TimeoutError:
        log.info("the model's rewrite missed the message extension's deadline (%.1f s)", left)
        return result, ()
    return rewritten.result, rewritten.suggestions


async def submit_action(
    service: Service, actor: Actor, action: MessagingExtensionAction, *, delivery_key: str | None
) -> MessagingExtensionActionResponse:
    started = time.monotonic()
    data = _data(action)
    step = _field(data, "action")
    context = _context(action, data)
    if step == "insert_reply":
        reply = _field(data, "reply")
        if reply:
            try:
                await asyncio.wait_for(
                    bridge.run(_save_ticked, service, actor, data, context, delivery_key),
                    timeout=INVOKE_DB_BUDGET,
                )
            except (TimeoutError, ServiceError, OSError) as err:
                log.warning("could not save the ticked items of %s: %r", actor.user_id, err)
                return _dialog(draft_dialog_card(draft=reply, error=NOT_SAVED, **context))
            return _insert(reply)
    draft = plain_text(_field(data, "draft"))
    if step == "edit_draft" or not draft:
        error = None if step == "edit_draft" else "Write the reply you want coached."
        return _dialog(draft_dialog_card(draft=draft, error=error, **context))
    try:
        result, tz = await coach_text(
            service, actor, draft, delivery_key=delivery_key, budget=INVOKE_DB_BUDGET,
            deadline=INVOKE_DEADLINE,
        )
    except (DraftRejected, CoachingTooSlow) as err:
        return _dialog(draft_dialog_card(draft=draft, error=str(err), **context))
    result, suggestions = await with_model_rewrite(
        service, actor, result, tz, customer_message=context["customer_message"], started=started
    )
    return _dialog(extension_result_card(result, tz=tz, suggestions=suggestions, **context))
