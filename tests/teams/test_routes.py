"""/api/messages: local mode, the auth-on case, and bad requests answered without a trace."""

from __future__ import annotations

from pathlib import Path

from aiohttp import web

from bot.config import Settings
from bot.service import Service
from bot.teams.routes import TEAMS_RUNTIME, add_teams_routes
from tests.teams.conftest import MockConnector, TeamsBot, personal_message, start_bot

APP_ID = "3f2504e0-4f89-41d3-9a0c-0305e82c3301"


async def test_local_mode_says_so_in_the_startup_line(teams_bot: TeamsBot) -> None:
    assert teams_bot.status_line == (
        "Teams: local mode, no MICROSOFT_APP_ID: unauthenticated requests accepted "
        "from this machine only (loopback peer and serviceUrl)"
    )


async def test_local_mode_refuses_a_service_url_off_this_machine(teams_bot: TeamsBot) -> None:
    for service_url in ("https://smba.trafficmanager.net/emea/", "http://10.0.0.5:8080/",
                        "http://169.254.169.254/latest/", "http://127.0.0.1.nip.io/",
                        "http://localhost@evil.example/", "file:///etc/passwd", ""):
        response = await teams_bot.post(personal_message(service_url, "log Acme: yelled"))
        assert response.status == 401, service_url
        error = (await response.json())["error"]
        assert "accepts only requests from this machine" in error
        assert "MICROSOFT_APP_ID" in error
    assert teams_bot.connector.sent == []
    assert teams_bot.service.conversation_references() == []


async def test_local_mode_refuses_requests_that_came_through_a_proxy(teams_bot: TeamsBot) -> None:
    response = await teams_bot.post(personal_message(teams_bot.connector.url, "help"),
                                    **{"X-Forwarded-For": "203.0.113.7"})
    assert response.status == 401
    assert "accepts only requests from this machine" in (await response.json())["error"]
    assert teams_bot.connector.sent == []


async def test_local_mode_answers_a_loopback_service_url(teams_bot: TeamsBot) -> None:
    response = await teams_bot.post(personal_message(teams_bot.connector.url, "help"))
    assert response.status == 200
    assert len(teams_bot.connector.messages()) == 1


async def test_with_an_app_id_a_request_without_a_token_is_refused(
    connector: MockConnector, teams_service: Service, tmp_path: Path
) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'x.db'}", microsoft_app_id=APP_ID,
                        microsoft_app_password="secret", microsoft_app_type="MultiTenant")
    app = web.Application()
    status = add_teams_routes(app, settings=settings, service=teams_service)
    assert status == f"Teams: app {APP_ID} (MultiTenant)"
    bot = await start_bot(app, connector, teams_service, status)
    try:
        response = await bot.post(personal_message(connector.url, "help"))
        assert response.status == 401
        assert "unauthorized" in (await response.json())["error"]
        empty = await bot.post(personal_message(connector.url, "help"), Authorization="")
        assert empty.status == 401
        malformed = await bot.post(personal_message(connector.url, "help"),
                                   Authorization="Bearer not-a-jwt")
        assert malformed.status == 401
    finally:
        await bot.session.close()
        await bot.server.close()
    assert connector.sent == []


async def test_single_tenant_startup_line_names_the_type(
    teams_service: Service, teams_settings: Settings
) -> None:
    settings = Settings(microsoft_app_id=APP_ID, microsoft_app_password="secret",
                        microsoft_app_type="singletenant", microsoft_app_tenant_id="t-1")
    app = web.Application()
    assert add_teams_routes(app, settings=settings, service=teams_service) == (
        f"Teams: app {APP_ID} (SingleTenant)"
    )
    assert app[TEAMS_RUNTIME].settings is settings


async def test_a_bad_app_type_keeps_the_server_up_and_says_what_to_fix(
    connector: MockConnector, teams_service: Service
) -> None:
    settings = Settings(microsoft_app_id=APP_ID, microsoft_app_password="x",
                        microsoft_app_type="SingleTenant")
    app = web.Application()
    status = add_teams_routes(app, settings=settings, service=teams_service)
    assert status.startswith("Teams: NOT STARTED")
    assert "MICROSOFT_APP_TENANT_ID" in status
    bot = await start_bot(app, connector, teams_service, status)
    try:
        response = await bot.post(personal_message(connector.url, "help"))
        assert response.status == 503
        assert "MICROSOFT_APP_TENANT_ID" in (await response.json())["error"]
    finally:
        await bot.session.close()
        await bot.server.close()


async def test_a_body_that_is_not_json_gets_400(teams_bot: TeamsBot) -> None:
    response = await teams_bot.session.post(
        teams_bot.url, data=b"{not json", headers={"Content-Type": "application/json"}
    )
    assert response.status == 400
    assert (await response.json()) == {"error": "the body is not valid JSON"}


async def test_json_that_is_not_an_activity_gets_400(teams_bot: TeamsBot) -> None:
    for body in ([1, 2], {"text": "no type"}, "hello"):
        response = await teams_bot.session.post(teams_bot.url, json=body)
        assert response.status == 400, body


async def test_a_form_post_gets_415(teams_bot: TeamsBot) -> None:
    response = await teams_bot.session.post(teams_bot.url, data={"text": "hi"})
    assert response.status == 415
    assert teams_bot.connector.sent == []
