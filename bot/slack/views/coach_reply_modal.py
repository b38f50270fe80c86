"""The "Coach a reply" modal: the customer's message above, your draft below."""

from __future__ import annotations

from collections.abc import Sequence

from slack_sdk.models.blocks import Block, InputBlock, PlainTextInputElement
from slack_sdk.models.views import View

from bot.coach.types import CoachResult
from bot.slack import ids
from bot.slack.text import escape, quote
from bot.slack.views.coaching import coaching_blocks
from bot.slack.views.common import mrkdwn_sections, section
from bot.slack.views.modals import modal, plain

DRAFT_MAX = 3000


def customer_message_blocks(message: str) -> list[Block]:
    shown = message.strip() or "(the message has no text)"
    return [section("*The customer wrote*"), *mrkdwn_sections(quote(escape(shown)), max_blocks=3)]


def coach_reply_modal(message: str, *, private_metadata: str, draft: str = "") -> View:
    blocks: list[Block] = [
        *customer_message_blocks(message),
        InputBlock(
            block_id=ids.DRAFT,
            label=plain("Your draft reply", 2000),
            element=PlainTextInputElement(
                action_id=ids.DRAFT,
                multiline=True,
                max_length=DRAFT_MAX,
                initial_value=draft[:DRAFT_MAX] or None,
                placeholder=plain("Write what you would send; I'll coach it.", 150),
            ),
        ),
    ]
    return modal(
        "Coach a reply",
        blocks,
        callback_id=ids.VIEW_COACH_REPLY,
        submit="Coach it",
        close="Cancel",
        private_metadata=private_metadata,
    )


def coaching_result_modal(
    result: CoachResult,
    tz: str,
    *,
    private_metadata: str | None = None,
    title: str = "Your coached reply",
    heading: str = "Coaching for your draft",
    lead: Sequence[Block] = (),
    suggestions: Sequence[str] = (),
) -> View:
    """The result in a modal; its buttons track promises and log an incident from here.

    `private_metadata` carries the customer's message along, so those buttons
    can prefill what they open.
    """
    blocks = [*lead, *coaching_blocks(result, tz, heading=heading, suggestions=suggestions)]
    return modal(title, blocks, callback_id=ids.VIEW_RESULT, private_metadata=private_metadata)
