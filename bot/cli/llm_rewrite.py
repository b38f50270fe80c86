"""The model rewrite for `python app.py coach`, when OPENAI_API_KEY is set and --no-llm is not.

The command line has no workspace, so only the key decides. Each draft is
coached by the rules first; the model's rewrite replaces the rules one only
when it passes the guardrails, and `rewrite_source` says which one it is.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.coach.types import CoachResult
from bot.config import Settings, load_settings

KEY = "OPENAI_API_KEY"
DOTENV = ".env"  # where load_settings also reads settings from


def improve(
    result: CoachResult, *, now: datetime, tz: ZoneInfo, customer: str = ""
) -> tuple[CoachResult, tuple[str, ...]]:
    """The result with the model's rewrite where it passed, and the model's own suggestions."""
    if result.rewrite is None or not _key_may_be_set():
        # No model to ask: the settings are not loaded at all, as checking the database
        # URL imports SQLAlchemy, most of the command's cold start.
        return result, ()
    settings = load_settings()
    if not settings.llm_enabled:
        return result, ()
    import asyncio

    return asyncio.run(_improve(result, settings, now=now, tz=tz, customer=customer))


def _key_may_be_set() -> bool:
    """Whether the model's key is in the environment, or may be in the .env file."""
    return bool(os.environ.get(KEY)) or Path(DOTENV).is_file()


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
