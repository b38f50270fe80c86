"""The model rewrite for `python app.py coach`, when OPENAI_API_KEY is set and --no-llm is not.

The command line has no workspace, so only the key decides. Each draft is
coached by the rules first; the model's rewrite replaces the rules one only
when it passes the guardrails, and `rewrite_source` says which one it is.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.coach.types import CoachResult
from bot.config import Settings, load_settings


def improve(
    result: CoachResult, *, now: datetime, tz: ZoneInfo, customer: str = ""
) -> tuple[CoachResult, tuple[str, ...]]:
    """The result with the model's rewrite where it passed, and the model's own suggestions."""
    settings = load_settings()
    if not settings.llm_enabled or result.rewrite is None:
        return result, ()
    return asyncio.run(_improve(result, settings, now=now, tz=tz, customer=customer))


async def _improve(
    result: CoachResult, settings: Settings, *, now: datetime, tz: ZoneInfo, customer: str
) -> tuple[CoachResult, tuple[str, ...]]:
    from bot.llm import Rewriter, RewriteRequest

    rewriter = Rewriter(settings)
    try:
        improved = await rewriter.improve(
            RewriteRequest(coached=result, now=now, tz=tz.key, customer_message=customer)
        )
    finally:
        await rewriter.close()
    return improved.result, improved.suggestions


def suggestions_text(suggestions: Sequence[str]) -> str:
    """The model's own ideas, apart from the reply: the writer chooses, nothing is sent."""
    lines = ["", "Alternatives you could offer (ideas from the model; your choice):"]
    lines += [f"• {s}" for s in suggestions]
    return "\n".join(lines)
