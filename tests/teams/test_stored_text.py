"""What Teams users write is stored without control characters and within its limit,
on SQLite and on PostgreSQL (which refuses a NUL byte outright)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiohttp import web

from bot.config import Settings
from bot.service import Actor, Service
from bot.service.limits import WHAT_HAPPENED_CHARS
from bot.teams.routes import add_teams_routes
from tests.teams.conftest import TENANT, MockConnector, TeamsBot, personal_message, start_bot

ADA = Actor("teams", TENANT, "00000000-0000-0000-0000-0000000000ad")


@pytest.fixture
async def bot(connector: MockConnector, service: Service, settings: Settings
              ) -> AsyncIterator[TeamsBot]:
    app = web.Application()
    status = add_teams_routes(app, settings=settings, service=service)
    running = await start_bot(app, connector, service, status)
    try:
        yield running
    finally:
        await running.session.close()
        await running.server.close()


async def say(bot: TeamsBot, text: str) -> str:
    before = len(bot.connector.messages())
    response = await bot.post(personal_message(bot.connector.url, text))
    assert response.status == 200
    replies = bot.connector.messages()[before:]
    assert len(replies) == 1
    return replies[0].card_json


async def test_control_characters_are_dropped_before_anything_is_stored(bot: TeamsBot) -> None:
    card = await say(bot, "log Ac\x00me: shouted\x00 at \x1bsupport\x7f\r\nand hung up\ud800")
    assert "something went wrong" not in card.lower()
    [incident] = bot.service.list_incidents(ADA)
    assert incident.customer == "Acme"
    assert incident.what_happened == "shouted at support\nand hung up"


async def test_a_log_over_the_limit_says_so_and_stores_nothing(bot: TeamsBot) -> None:
    card = await say(bot, "log Acme: " + "x" * (WHAT_HAPPENED_CHARS + 1))
    assert f"at most {WHAT_HAPPENED_CHARS:,}" in card
    assert "nothing was saved" in card
    assert bot.service.list_incidents(ADA) == []
