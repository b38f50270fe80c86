"""The "soften a no" form: what they asked for, why not, what you can offer instead."""

from __future__ import annotations

from slack_sdk.models.blocks import Block, InputBlock, PlainTextInputElement
from slack_sdk.models.views import View

from bot.slack import ids
from bot.slack.views.modals import modal, plain

FIELDS = (
    (ids.ASKED_FOR, "What the customer asked for", False, "A refund for last month"),
    (ids.WHY_NOT, "Why not", False, "Refunds only apply within 14 days"),
    (ids.ALTERNATIVES, "Alternatives you could offer", True, "One per line: a credit, an upgrade"),
)


def soften_no_modal(*, private_metadata: str) -> View:
    blocks: list[Block] = [
        InputBlock(
            block_id=block_id,
            label=plain(label, 2000),
            optional=optional,
            element=PlainTextInputElement(
                action_id=block_id,
                multiline=True,
                max_length=1500,
                placeholder=plain(example, 150),
            ),
        )
        for block_id, label, optional, example in FIELDS
    ]
    return modal(
        "Soften a no",
        blocks,
        callback_id=ids.VIEW_SOFTEN_NO,
        submit="Write it",
        close="Cancel",
        private_metadata=private_metadata,
    )
