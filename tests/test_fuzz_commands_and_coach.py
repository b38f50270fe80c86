"""Hypothesis over the command parser and the coach (only through `coach_draft`):
whatever people type, nothing crashes, offsets point into the draft, and what the
Slack and Teams answers show of it is escaped. Bounded in examples and time for CI."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.coach import MAX_DRAFT_CHARS, DraftError, coach_draft
from bot.commands import SUBCOMMANDS, parse_command, split_customer
from bot.slack.views.coaching import coaching_message
from bot.teams.cards.coaching import coaching_card

NOW = datetime(2026, 3, 4, 10, 0, tzinfo=UTC)
BOUNDED = settings(max_examples=150, deadline=None,
                   suppress_health_check=[HealthCheck.too_slow])

# Words that steer the parser and the coach, markup each platform gives meaning to,
# and characters that broke things before (NUL, surrogates, RTL marks, emoji).
HOSTILE = st.sampled_from([
    *SUBCOMMANDS, "promsies", "ASAP", "EOD", "by Friday", "I'll call you", "can't", "never",
    "I understand", "NO!!!", "[zz](https://evil.example)", "**bold**", "<!channel>",
    "<@U123>", "&amp;", "\x00", "\u202e", "\ud800", "👍🏽", "\n", "\t", ":", '"', "  ",
])
TEXT = st.lists(st.one_of(HOSTILE, st.text(max_size=20)), max_size=25).map(" ".join)
LINK = re.compile(r"(?<!\\)\[zz(?<!\\)\]\(")


@BOUNDED
@given(TEXT)
def test_the_parser_reads_anything(raw: str) -> None:
    command = parse_command(raw)
    assert command.name in (*SUBCOMMANDS, "unknown")
    customer, rest = split_customer(command.text)
    assert isinstance(customer, str) and isinstance(rest, str)


@BOUNDED
@given(TEXT)
def test_the_coach_answers_anything_within_the_draft(raw: str) -> None:
    try:
        result = coach_draft(raw, now=NOW, tz=UTC, id="fuzz")
    except DraftError:
        assert not raw.strip() or len(raw) > MAX_DRAFT_CHARS
        return
    for flag in result.flags:
        assert 0 <= flag.start <= flag.end <= len(raw)
    for promise in result.promises:
        assert 0 <= promise.start <= promise.end <= len(raw)
    json.dumps(result.to_dict())


@BOUNDED
@given(TEXT)
def test_what_the_answers_show_of_a_draft_is_escaped(raw: str) -> None:
    draft = f"We can't do that <!channel> [zz](https://evil.example). {raw}"[:MAX_DRAFT_CHARS]
    result = coach_draft(draft, now=NOW, tz=UTC, id=None)
    slack = coaching_message(result, "UTC").as_kwargs()
    assert "<!channel>" not in "\n".join([slack["text"], *_shown(slack, "mrkdwn")])
    teams = coaching_card(result, tz="UTC").card
    assert not [t for t in _shown(teams, "TextBlock") if LINK.search(t)], "a link leaked"


def _shown(node: object, kind: str) -> list[str]:
    """The text of every element of `kind` (Slack "mrkdwn", Teams "TextBlock")."""
    found: list[str] = []
    if isinstance(node, dict):
        if node.get("type") == kind and isinstance(node.get("text"), str):
            found.append(node["text"])
        for value in node.values():
            found += _shown(value, kind)
    elif isinstance(node, list):
        for value in node:
            found += _shown(value, kind)
    return found
