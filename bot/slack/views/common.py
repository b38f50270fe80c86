"""Shared pieces of every view: a message with its fallback, sections that fit."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from slack_sdk.models.blocks import (
    Block,
    ButtonElement,
    ContextBlock,
    MarkdownTextObject,
    PlainTextObject,
    SectionBlock,
)

from bot.coach.labels import counted
from bot.slack import limits
from bot.slack.text import split_chunks, trim, trim_escaped


@dataclass(frozen=True)
class SlackMessage:
    """A message: blocks for people, `text` for notifications and screen readers."""

    text: str
    blocks: list[Block] = field(default_factory=list)

    def as_kwargs(self) -> dict[str, Any]:
        """Render for the Web API; `to_dict` runs slack_sdk's limit checks first."""
        blocks = fit_blocks(self.blocks, limits.MESSAGE_BLOCKS)
        return {
            "text": trim_escaped(self.text, limits.MESSAGE_TEXT),
            "blocks": [block.to_dict() for block in blocks],
        }


def fit_blocks(blocks: list[Block], limit: int) -> list[Block]:
    """Keep at most `limit` blocks, saying that the rest was left out."""
    if len(blocks) <= limit:
        return blocks
    kept = blocks[: limit - 1]
    left = len(blocks) - len(kept)
    return [*kept, note(f"{counted(left, 'more block')} left out to fit in Slack.")]


def mrkdwn_sections(
    escaped: str, *, block_id: str | None = None, max_blocks: int = 5
) -> list[Block]:
    """Sections for long, already-escaped mrkdwn: split at 3,000 characters, trimmed after."""
    chunks = split_chunks(escaped, limits.SECTION_TEXT)
    if len(chunks) > max_blocks:
        chunks = chunks[:max_blocks]
        chunks[-1] = trim(chunks[-1], limits.SECTION_TEXT - 20) + " (trimmed)"
    return [
        SectionBlock(
            text=MarkdownTextObject(text=chunk or " ", verbatim=True),
            block_id=f"{block_id}_{index}" if block_id else None,
        )
        for index, chunk in enumerate(chunks)
    ]


def section(escaped: str, *, accessory: ButtonElement | None = None) -> SectionBlock:
    """One section of already-escaped mrkdwn, trimmed to Slack's 3,000 characters."""
    return SectionBlock(
        text=MarkdownTextObject(text=trim(escaped, limits.SECTION_TEXT) or " ", verbatim=True),
        accessory=accessory,
    )


def note(plain: str) -> ContextBlock:
    """A small grey line of plain, user-safe text."""
    return ContextBlock(
        elements=[MarkdownTextObject(text=trim_escaped(plain, limits.CONTEXT_TEXT), verbatim=True)]
    )


def button(
    label: str, action_id: str, value: str = "", *, style: str | None = None
) -> ButtonElement:
    """A button whose label and value always fit Slack's limits."""
    return ButtonElement(
        text=PlainTextObject(text=trim(label, limits.BUTTON_TEXT), emoji=True),
        action_id=action_id,
        value=value[: limits.BUTTON_VALUE] or None,
        style=style,
    )


def zone(tz: str) -> ZoneInfo:
    """The user's zone, falling back to UTC for a name this machine does not know."""
    try:
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def when(moment: datetime | None, tz: str) -> str:
    """A due time as the user reads it, in their own zone."""
    if moment is None:
        return "no date"
    local = moment.astimezone(zone(tz))
    return local.strftime("%a %d %b %Y, %H:%M") + f" ({tz})"
