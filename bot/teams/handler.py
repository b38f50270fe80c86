"""The Teams activity handler: translate activities to answers, and answers to activities.

Business rules live in the service; wording lives in the cards. What stays
here is Teams itself: mentions, HTML, retries, card updates, invokes.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

from botbuilder.core import TurnContext
from botbuilder.core.teams import TeamsActivityHandler
from botbuilder.schema import Activity, ChannelAccount
from botbuilder.schema.teams import MessagingExtensionAction, MessagingExtensionActionResponse

from bot.config import Settings
from bot.service import Actor, Service, bridge
from bot.teams import extension
from bot.teams.answers import (
    SOMETHING_WENT_WRONG,
    Answer,
    Where,
    card_action_answer,
    command_answer,
)
from bot.teams.cards.help import error_card, help_card
from bot.teams.identity import actor_of, reference_json
from bot.teams.outgoing import message_activity
from bot.teams.text import plain_text, without_mention
from bot.teams.timezone import TimezoneAdopter
from bot.undelivered import record_undelivered

log = logging.getLogger(__name__)

# Seconds for bookkeeping writes (dedupe, reference) before we answer anyway.
BOOKKEEPING_BUDGET = 2.0
# Seconds a turn may last in all: Bot Framework gives a message request 15 s, and the
# model's rewrite (which replaces the first card) must be done and sent inside them.
TURN_BUDGET = 13.0


def is_card_submit(activity: Activity) -> bool:
    """Action.Submit arrives as a message with `value` and no text."""
    value = activity.value
    has_action = isinstance(value, dict) and bool(value.get("action"))
    return has_action and not (activity.text or "").strip()


def is_personal(activity: Activity) -> bool:
    conversation = activity.conversation
    kind = conversation.conversation_type if conversation is not None else None
    return kind in (None, "", "personal")


def bot_mentions(activity: Activity) -> list[str]:
    """The markup of every mention of this bot, e.g. `<at>toughclient</at>`."""
    bot_id = activity.recipient.id if activity.recipient else None
    found: list[str] = []
    for entity in activity.entities or []:
        if (entity.type or "").lower() != "mention":
            continue
        props = entity.additional_properties or {}
        mentioned = props.get("mentioned") or {}
        if isinstance(mentioned, dict) and mentioned.get("id") == bot_id:
            found.append(str(props.get("text") or f"<at>{mentioned.get('name', '')}</at>"))
    return found


def incoming_text(activity: Activity) -> str:
    return plain_text(without_mention(activity.text or "", bot_mentions(activity)))


class ToughClientTeamsBot(TeamsActivityHandler):
    def __init__(self, *, service: Service, settings: Settings) -> None:
        self.service = service
        self.settings = settings
        self.timezones = TimezoneAdopter(service)

    # --- chat messages ------------------------------------------------------------------

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        activity = turn_context.activity
        actor = actor_of(activity)
        if not await self._first_delivery(actor, activity):
            log.info("Teams retry of activity %s ignored", activity.id)
            return
        try:
            await self._answer_message(turn_context, actor)
        except BaseException:
            # Not done after all: Teams' retry of this activity must do it, not be dropped.
            await self._release_delivery(actor, activity)
            raise

    async def _answer_message(self, turn_context: TurnContext, actor: Actor) -> None:
        started = time.monotonic()
        activity = turn_context.activity
        personal = is_personal(activity)
        if personal:
            await self._remember_reference(actor, activity)
        # Before coaching, so "by EOD" and the digest read in the Teams client's zone.
        await self.timezones.adopt(actor, activity)
        # Everyone in a channel or group chat sees the answer: private lists stay in personal chat.
        where = Where(personal=personal,
                      bot_id=activity.recipient.id if activity.recipient else None,
                      admin=self.is_tenant_admin(activity))
        if is_card_submit(activity):
            answer = await card_action_answer(
                self.service, actor, activity.value, delivery_key=activity.id, where=where
            )
        else:
            answer = await command_answer(
                self.service, actor, incoming_text(activity), delivery_key=activity.id,
                where=where,
            )
        try:
            sent = await self._send(turn_context, answer)
        except Exception as err:
            raise record_undelivered("teams", "reply", repr(err)) from err
        if answer.later is not None and sent:
            await self._replace_later(turn_context, sent, answer, started)

    def is_tenant_admin(self, activity: Activity) -> bool:
        """Named in TOUGHCLIENT_TEAMS_ADMINS by Entra object id or Teams user id."""
        sender = activity.from_property
        if sender is None or not self.settings.teams_admins:
            return False
        ids = {str(sender.aad_object_id or "").lower(), str(sender.id or "").lower()}
        return bool(ids & self.settings.teams_admins)

    async def _bookkeeping(self, fn: Any, *args: Any) -> Any:
        # Through the shared worker limit; the wait for a worker counts against the budget.
        return await asyncio.wait_for(bridge.run(fn, *args), timeout=BOOKKEEPING_BUDGET)

    async def _first_delivery(self, actor: Actor, activity: Activity) -> bool:
        """Teams retries a message it thinks timed out; answer each activity id once."""
        if not activity.id:
            return True
        try:
            return bool(await self._bookkeeping(self.service.claim_delivery, actor, activity.id))
        except Exception as err:  # a database hiccup must not cost the user an answer
            log.warning("could not record delivery %s: %r", activity.id, err)
            return True

    async def _release_delivery(self, actor: Actor, activity: Activity) -> None:
        if not activity.id:
            return
        try:
            await self._bookkeeping(self.service.release_delivery, actor, activity.id)
        except Exception as err:
            log.warning("could not release delivery %s for a retry: %r", activity.id, err)

    async def _remember_reference(self, actor: Actor, activity: Activity) -> None:
        """The weekly digest reaches people proactively through this reference."""
        try:
            await self._bookkeeping(
                self.service.save_conversation_reference, actor, reference_json(activity)
            )
        except Exception as err:
            log.warning("could not save the conversation reference of %s: %r", actor.user_id, err)

    async def _send(self, turn_context: TurnContext, answer: Answer) -> str | None:
        """Send (or update) the card; the id of the message that shows it, when known."""
        outgoing = message_activity(answer.message)
        replaced = turn_context.activity.reply_to_id
        if answer.replace and replaced:
            outgoing.id = replaced
            try:
                await turn_context.update_activity(outgoing)
                return replaced
            except Exception as err:  # the card may be gone; a new message still answers
                log.info("could not update card %s: %r", replaced, err)
                outgoing.id = None
        response = await turn_context.send_activity(outgoing)
        return response.id if response is not None else None

    async def _replace_later(
        self, turn_context: TurnContext, message_id: str, answer: Answer, started: float
    ) -> None:
        """The model's card in place of the first one, if it comes inside the turn's budget.

        The user already has the rules answer; when the model is late, fails or is
        rejected, that answer simply stays.
        """
        assert answer.later is not None
        left = TURN_BUDGET - (time.monotonic() - started)
        try:
            better = await asyncio.wait_for(answer.later(), timeout=max(left, 0.0))
        except TimeoutError:
            log.info("the model's rewrite missed the turn's %.0f s budget", TURN_BUDGET)
            return
        if better is None:
            return
        outgoing = message_activity(better)
        outgoing.id = message_id
        try:
            await turn_context.update_activity(outgoing)
        except Exception as err:  # the first card stays; the user has an answer
            log.warning("could not replace card %s with the model's rewrite: %r", message_id, err)

    # --- installation ---------------------------------------------------------------------

    async def on_members_added_activity(
        self, members_added: list[ChannelAccount], turn_context: TurnContext
    ) -> None:
        bot_id = turn_context.activity.recipient.id if turn_context.activity.recipient else None
        if any(member.id == bot_id for member in members_added) and is_personal(
            turn_context.activity
        ):
            await turn_context.send_activity(message_activity(help_card()))

    # --- message extensions -----------------------------------------------------------------

    async def on_teams_messaging_extension_fetch_task(
        self, turn_context: TurnContext, action: MessagingExtensionAction
    ) -> MessagingExtensionActionResponse:
        try:
            return extension.fetch_task(action)
        except Exception:
            log.exception("Teams fetchTask failed")
            return extension.error_dialog(SOMETHING_WENT_WRONG)

    async def on_teams_messaging_extension_submit_action(
        self, turn_context: TurnContext, action: MessagingExtensionAction
    ) -> MessagingExtensionActionResponse:
        activity = turn_context.activity
        try:
            actor = actor_of(activity)
            await self.timezones.adopt(actor, activity)
            return await extension.submit_action(
                self.service, actor, action, delivery_key=activity.id
            )
        except Exception:  # an invoke must always get an answer Teams can show
            log.exception("Teams submitAction failed")
            return extension.error_dialog(SOMETHING_WENT_WRONG)

    # --- errors -----------------------------------------------------------------------------

    async def on_turn_error(self, turn_context: TurnContext, error: Exception) -> None:
        """Last resort: log the trace for us, send the person one friendly line."""
        activity = turn_context.activity
        log.error("Teams turn failed for activity %s", activity.id, exc_info=error)
        if activity.type == "message":
            try:
                await turn_context.send_activity(message_activity(error_card(SOMETHING_WENT_WRONG)))
            except Exception as send_error:
                log.warning("could not send the error message: %r", send_error)
