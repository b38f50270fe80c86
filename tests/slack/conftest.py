"""One real server and one mock Slack per test module: fast, and still end to end."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import pytest_asyncio

from tests.slack.harness import Harness, slack_harness


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def slack(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Harness]:
    async with slack_harness(tmp_path_factory.mktemp("slack")) as harness:
        yield harness


@pytest.fixture(autouse=True)
def _fresh_mock(request: pytest.FixtureRequest) -> None:
    """Each test reads only the Slack calls it caused."""
    if "slack" in request.fixturenames:
        request.getfixturevalue("slack").mock.clear()
