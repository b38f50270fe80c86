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
from bot.config import load_settings

CONCURRENT = 4  # drafts of a --jsonl file at the model at once


def improve(
    results: Sequence[CoachResult | None], *, now: datetime, tz: ZoneInfo, customer: str = ""
) -> list[tuple[CoachResult | None, tuple[str, ...]]]:
    """Each result with the model's rewrite where it passed, and the model's suggestions."""
    settings = load_settings()
    if not settings.llm_enabled:
        return [(r, ()) for r in results]
    return asyncio.run(_improve_all(results, settings, now=now, tz=tz, customer=customer))


async def _improve_all(
    results: Sequence[CoachResult | None], settings: object, *, now: datetime, tz: ZoneInfo,
    customer: str,
) -> list[tuple[CoachResult | None, tuple[str, ...]]]:
    from bot.config import Settings
    from bot.llm import Rewriter, RewriteRequest

    assert isinstance(settings, Settings)
    rewriter = Rewriter(settings)
    gate = asyncio.Semaphore(CONCURRENT)

    async def one(result: CoachResult | None) -> tuple[CoachResult | None, tuple[str, ...]]:
        if result is None:
            return None, ()
        async with gate:
            improved = await rewriter.improve(RewriteRequest(
                coached=result, now=now, tz=tz.key, customer_message=customer
            ))
        return improved.result, improved.suggestions

    try:
        return list(await asyncio.gather(*(one(r) for r in results)))
    finally:
        await rewriter.close()


def suggestions_text(suggestions: Sequence[str]) -> str:
    """The model's own ideas, apart from the reply: the writer chooses, nothing is sent."""
    lines = ["", "Alternatives you could offer (ideas from the model; your choice):"]
    lines += [f"• {s}" for s in suggestions]
    return "\n".join(lines)
