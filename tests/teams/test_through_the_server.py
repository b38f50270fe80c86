"""The whole server (`python app.py serve`'s app) answers Teams on /api/messages."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.config import Settings
from bot.server import create_app
from bot.service import Service
from tests.teams.conftest import MockConnector, TeamsBot, personal_message, start_bot


@pytest.fixture
async def served(
    connector: MockConnector, teams_service: Service, teams_settings: Settings
) -> AsyncIterator[TeamsBot]:
    app = create_app(teams_settings, service=teams_service)
    bot = await start_bot(app, connector, teams_service, "")
    try:
        yield bot
    finally:
        await bot.session.close()
        await bot.server.close()


async def test_a_draft_posted_to_the_server_is_coached(served: TeamsBot) -> None:
    activity = personal_message(served.connector.url, "We'll look into it and get back to you.")
    response = await served.post(activity)
    assert response.status == 200
    [reply] = served.connector.messages()
    assert reply.path.endswith(f"/activities/{activity['id']}")
    assert "Coaching for your draft" in reply.card_json
    assert "Vague promise" in reply.card_json


async def test_the_health_check_reports_the_teams_mode(served: TeamsBot) -> None:
    health = await served.session.get(served.server.make_url("/healthz"))
    body = await health.json()
    assert body["teams"].startswith("Teams: local mode")
