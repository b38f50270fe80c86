"""User text is shown as typed in every card kind: never a link, bold text or a list.

Each request is the kind the probe in issue 9 sent: a customer name, incident,
promise and draft carrying `[click](https://evil.example) **bold**`.
"""

from __future__ import annotations

import re
from typing import Any

from bot.teams.cards.common import escape_markdown
from tests.teams.conftest import TeamsBot, card_submit, personal_message

EVIL = "[click](https://evil.example) **bold**"
CUSTOMER = "[click](evil) **bold**"  # no full stop: `incidents <name>` reads it as a name
# Markup that would render: a link or bold made of characters no backslash escapes.
LINK = re.compile(r"(?<!\\)\[click(?<!\\)\]\(")
BOLD = re.compile(r"(?<!\\)\*(?<!\\)\*bold")


def texts(node: Any) -> list[str]:
    """Every string a card renders as markdown: TextBlock text and FactSet values."""
    found: list[str] = []
    if isinstance(node, dict):
        if node.get("type") == "TextBlock" and isinstance(node.get("text"), str):
            found.append(node["text"])
        if node.get("type") == "FactSet":
            found += [str(fact.get("value", "")) for fact in node.get("facts", [])]
        for value in node.values():
            found += texts(value)
    elif isinstance(node, list):
        for value in node:
            found += texts(value)
    return found


def assert_no_markup(card: dict[str, Any]) -> list[str]:
    shown = texts(card)
    leaks = [t for t in shown if LINK.search(t) or BOLD.search(t)]
    assert not leaks, leaks
    return shown


async def say(bot: TeamsBot, text: str) -> list[str]:
    before = len(bot.connector.messages())
    response = await bot.post(personal_message(bot.connector.url, text))
    assert response.status == 200
    [reply] = bot.connector.messages()[before:]
    return assert_no_markup(reply.card)


async def press(bot: TeamsBot, value: dict[str, Any]) -> list[str]:
    before = len(bot.connector.sent)
    response = await bot.post(card_submit(bot.connector.url, value))
    assert response.status == 200
    sent = bot.connector.sent[before:]
    assert sent
    shown: list[str] = []
    for one in sent:
        shown += assert_no_markup(one.card)
    return shown


async def test_every_card_kind_shows_user_markdown_as_typed(teams_bot: TeamsBot) -> None:
    kinds = {
        "incident logged": await say(teams_bot, f"log {CUSTOMER}: {EVIL}\n- a list item"),
        "incidents": await say(teams_bot, "incidents"),
        "customer history": await say(teams_bot, f"incidents {CUSTOMER}"),
        "coaching": await say(teams_bot, f"check I'll send {EVIL} ASAP. We can't do that."),
        "promise tracked": await press(teams_bot, {"action": "track_promise",
                                                   "text": f"Call about {EVIL} by 3pm"}),
        "promises": await say(teams_bot, "promises"),
        "softened": await say(teams_bot, f"no We can't refund {EVIL}."),
        "digest": await say(teams_bot, "digest"),
    }
    for kind, shown in kinds.items():
        assert any(escape_markdown("**bold**") in text or "evil" in text for text in shown), (
            f"{kind}: the user's words are missing: {shown}"
        )


def test_escaping_keeps_the_words_and_drops_the_meaning() -> None:
    assert escape_markdown(EVIL) == r"\[click\](https://evil.example) \*\*bold\*\*"
    assert escape_markdown("- one\n2. two\n# three\n> four") == (
        "\\- one\n2\\. two\n\\# three\n\\> four"
    )
    assert escape_markdown("a_b \\ c") == "a\\_b \\\\ c"
    assert escape_markdown("Plain words, 3 > 2, 10.5 euros.") == "Plain words, 3 > 2, 10.5 euros."
