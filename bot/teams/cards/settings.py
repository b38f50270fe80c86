"""Answers to `settings` and `team`: a person's digest schedule, the team's trends."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.digest.team import team_lines
from bot.settings_command import USAGE
from bot.teams.cards.common import (
    CardMessage,
    Element,
    card,
    heading,
    paragraph,
    subtle,
)

if TYPE_CHECKING:
    from bot.service import TeamTrends


def settings_card(said: str, *, changed: bool) -> CardMessage:
    body: list[Element] = [
        heading("Settings saved" if changed else "Your settings"),
        paragraph(said),
        subtle(USAGE),
    ]
    return CardMessage(card(body, fallback=said), said)


def team_card(trends: TeamTrends | None, message: str | None) -> CardMessage:
    """The trends, or the one line that says why there are none (not an admin, turned off)."""
    if trends is None:
        text = message or ""
        return CardMessage(card([paragraph(text)], fallback=text), text)
    lines = team_lines(trends)
    body: list[Element] = [heading("Team trends")]
    body += [
        paragraph(line, fontType="Monospace", spacing="Small") for line in lines
    ]
    text = "\n".join(lines)
    return CardMessage(card(body, fallback=text), text)
