"""Drafts that try to ping everyone, run very long, or are mostly emoji."""

from __future__ import annotations

import pytest

from tests.slack.harness import Harness
from tests.slack.rendered import no_raw_pings
from tests.slack.test_commands import answer_to, shown

pytestmark = pytest.mark.asyncio(loop_scope="module")


async def test_a_channel_ping_in_a_draft_is_shown_not_sent(slack: Harness) -> None:
    # Slack itself escapes what people type; a mention arrives as a raw token.
    answer = await answer_to(slack, "check <!channel> <@U123> we can't do that &amp; won't")
    no_raw_pings(answer)
    assert "&lt;!channel&gt;" in shown(answer)


async def test_a_very_long_draft_fits_slacks_limits(slack: Harness) -> None:
    draft = "check " + ("I'll get right back to you soon. We can't do that! " * 80)[:3900]
    answer = await answer_to(slack, draft)
    assert len(answer["blocks"]) <= 50
    for block in answer["blocks"]:
        assert len((block.get("text") or {}).get("text", "")) <= 3000
        for element in block.get("elements", []) if block["type"] == "actions" else []:
            assert len(element.get("value", "")) <= 2000
            assert len((element.get("text") or {}).get("text", "")) <= 75


async def test_unicode_and_emoji_survive(slack: Harness) -> None:
    answer = await answer_to(slack, "check Désolé 😡 NO WAY!!! ça ne marche jamais 🙏")
    assert "😡" in shown(answer) or "Shouting" in shown(answer)
