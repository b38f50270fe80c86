"""Coaching in Teams: the bridge's deadlines and fallback, and the cards for what goes wrong.

The deadline policy itself is pinned in tests/service/test_bridge.py."""

from __future__ import annotations

from typing import Any

import pytest

from bot.service import Actor, StorageUnavailable
from bot.teams import coaching
from bot.teams.coaching import CoachingTooSlow, DraftRejected, coach_text, rules_coach

ADA = Actor("teams", "t", "ada")


class DownService:
    def coach(self, actor: Actor, text: str, *, delivery_key: str | None = None) -> Any:
        raise StorageUnavailable("The database is unreachable.")


async def test_with_the_database_down_a_chat_draft_is_coached_by_the_rules_in_utc() -> None:
    result, tz = await coach_text(DownService(), ADA, "I'll fix it ASAP.",  # type: ignore[arg-type]
                                  delivery_key=None, budget=1, deadline=10)
    assert tz == "UTC" and "vague_commitment" in {flag.code for flag in result.flags}


async def test_a_draft_the_coach_refuses_is_rejected_with_its_reason() -> None:
    with pytest.raises(DraftRejected):
        await coach_text(DownService(), ADA, "   ",  # type: ignore[arg-type]
                         delivery_key=None, budget=1, deadline=2)
    with pytest.raises(DraftRejected):
        rules_coach("")


async def test_teams_deadlines_fit_inside_what_teams_allows() -> None:
    assert coaching.INVOKE_DEADLINE < 5 and coaching.MESSAGE_DEADLINE < 15


async def test_a_too_complex_chat_draft_gets_the_friendly_card(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from bot.teams import answers

    async def too_slow(*args: Any, **kwargs: Any) -> Any:
        raise CoachingTooSlow()

    monkeypatch.setattr(answers, "coach_text", too_slow)
    answer = await answers.command_answer(
        DownService(), ADA, "check a very long draft", delivery_key=None  # type: ignore[arg-type]
    )
    assert "too complex to coach quickly" in answer.message.text
    assert "shorter" in str(answer.message.card)
