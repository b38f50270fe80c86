"""The real openai client against the local fake server, and drafts to rewrite."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest

from bot.coach import coach_draft
from bot.config import Settings
from bot.llm import Rewriter, RewriteRequest
from tests.llm.fake_openai import FakeOpenAI

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def llm_settings(fake: FakeOpenAI, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "openai_api_key": "sk-test",
        "openai_base_url": fake.base_url,
        "openai_model": "fake-model",
        "openai_timeout": 5.0,
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


@pytest.fixture
async def rewriter(fake: FakeOpenAI) -> AsyncIterator[Rewriter]:
    made = Rewriter(llm_settings(fake))
    yield made
    await made.close()


def request_for(draft: str, **extra: object) -> RewriteRequest:
    coached = coach_draft(draft, now=NOW, tz="UTC")
    return RewriteRequest(coached=coached, now=NOW, tz="UTC", **extra)  # type: ignore[arg-type]
