"""Shared fixtures of the digest tests."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest_asyncio

from tests.slack.mock_slack import MockSlack


@pytest_asyncio.fixture
async def slack_api() -> AsyncIterator[MockSlack]:
    """Slack's Web API as the local mock, running for one test."""
    mock = MockSlack()
    await mock.start()
    try:
        yield mock
    finally:
        await mock.close()
