"""Hostile requests at /api/messages: the token first, bounded bodies, any proxy refused locally,
and Microsoft's key endpoint hanging never stalls the server.

Microsoft's OpenID endpoint lies outside this machine, so it is the thing
replaced, at its HTTP boundary: a local server, pointed at through the
SDK's own setting for the channel metadata URL.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import jwt
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer
from botframework.connector.auth import ChannelValidation
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

from bot.config import Settings
from bot.service import Service
from bot.teams import signing_keys
from bot.teams.routes import add_teams_routes
from tests.slack.harness import running, slack_settings
from tests.slack.mock_slack import MockSlack
from tests.teams.conftest import (
    MockConnector,
    TeamsBot,
    extension_invoke,
    personal_message,
    start_bot,
)

APP_ID = "3f2504e0-4f89-41d3-9a0c-0305e82c3301"
DEEP = "[" * 1000 + "]" * 1000


def app_settings(tmp_path: Path, **extra: Any) -> Settings:
    return Settings(database_url=f"sqlite:///{tmp_path / 'edge.db'}", microsoft_app_id=APP_ID,
                    microsoft_app_password="secret", **extra)


@asynccontextmanager
async def bot_with_app_id(
    connector: MockConnector, service: Service, tmp_path: Path, *, deadline: float = 3.0
) -> AsyncIterator[TeamsBot]:
    app = web.Application()
    status = add_teams_routes(app, settings=app_settings(tmp_path), service=service,
                              verify_deadline=deadline)
    bot = await start_bot(app, connector, service, status)
    try:
        yield bot
    finally:
        await bot.session.close()
        await bot.server.close()


class KeyEndpoint:
    """Microsoft's OpenID metadata and key set, served here; it can hang like a slow one."""

    def __init__(self, *, hang: bool = False) -> None:
        self.hang = hang
        self.requests = 0
        self.release = asyncio.Event()
        self.private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.server: TestServer | None = None

    @property
    def metadata_url(self) -> str:
        assert self.server is not None
        return str(self.server.make_url("/openid"))

    async def start(self) -> None:
        async def metadata(request: web.Request) -> web.Response:
            self.requests += 1
            if self.hang:
                await self.release.wait()
            return web.json_response({"jwks_uri": str(request.url.with_path("/keys"))})

        async def keys(request: web.Request) -> web.Response:
            jwk = json.loads(RSAAlgorithm.to_jwk(self.private.public_key()))
            jwk.update({"kid": "key-1", "use": "sig", "endorsements": ["msteams"]})
            return web.json_response({"keys": [jwk]})

        app = web.Application()
        app.router.add_get("/openid", metadata)
        app.router.add_get("/keys", keys)
        self.server = TestServer(app)
        await self.server.start_server()

    async def close(self) -> None:
        self.release.set()
        if self.server is not None:
            await self.server.close()

    def token(self, service_url: str, *, kid: str = "key-1") -> str:
        claims = {"iss": "https://api.botframework.com", "aud": APP_ID, "serviceurl": service_url,
                  "exp": int(time.time()) + 600, "nbf": int(time.time()) - 10}
        return jwt.encode(claims, self.private, algorithm="RS256", headers={"kid": kid})


@pytest.fixture
async def key_endpoint(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[KeyEndpoint]:
    yield await _endpoint(monkeypatch, hang=False)


async def _endpoint(monkeypatch: pytest.MonkeyPatch, *, hang: bool) -> KeyEndpoint:
    endpoint = KeyEndpoint(hang=hang)
    await endpoint.start()
    monkeypatch.setattr(ChannelValidation, "open_id_metadata_endpoint", endpoint.metadata_url)
    return endpoint


def forged_token(service_url: str) -> str:
    """A made-up RS256 token with the right issuer: it gets as far as the key lookup."""
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    claims = {"iss": "https://api.botframework.com", "aud": APP_ID, "serviceurl": service_url,
              "exp": int(time.time()) + 600}
    return jwt.encode(claims, other, algorithm="RS256", headers={"kid": "made-up"})


async def test_a_deep_body_without_a_token_is_401_before_it_is_read(
    connector: MockConnector, teams_service: Service, tmp_path: Path
) -> None:
    async with bot_with_app_id(connector, teams_service, tmp_path) as bot:
        response = await bot.session.post(bot.url, data=DEEP,
                                          headers={"Content-Type": "application/json"})
        assert response.status == 401
        basic = await bot.session.post(bot.url, data=DEEP, headers={
            "Content-Type": "application/json", "Authorization": "Basic abc"})
        assert basic.status == 401
        with_token = await bot.session.post(bot.url, data=DEEP, headers={
            "Content-Type": "application/json", "Authorization": "Bearer abc"})
        assert with_token.status == 400
        assert "deeper" in (await with_token.json())["error"]
    assert connector.sent == []


@pytest.mark.parametrize("body", [DEEP.encode(), b'{"type": "message", "x": ' + b"[" * 5000 + b"]"
                                  * 5000 + b"}", b"\xff\xfe", b"null"])
async def test_a_malformed_body_in_local_mode_is_400(teams_bot: TeamsBot, body: bytes) -> None:
    response = await teams_bot.session.post(teams_bot.url, data=body,
                                            headers={"Content-Type": "application/json"})
    assert response.status == 400
    assert (await teams_bot.post(personal_message(teams_bot.connector.url, "help"))).status == 200


async def test_a_body_over_the_size_limit_is_413(teams_bot: TeamsBot) -> None:
    activity = personal_message(teams_bot.connector.url, "x" * (300 * 1024))
    response = await teams_bot.post(activity)
    assert response.status == 413
    assert teams_bot.connector.sent == []


@pytest.mark.parametrize("header", [
    "Forwarded", "X-Forwarded-For", "X-Real-IP", "X-Forwarded-Host", "Via", "X-Forwarded-Proto",
    "CF-Connecting-IP", "True-Client-IP", "X-Client-IP", "X-Original-Forwarded-For",
    "X-Forwarded-Port", "Fastly-Client-IP", "X-Cluster-Client-IP",
])
async def test_local_mode_refuses_any_proxy_header(teams_bot: TeamsBot, header: str) -> None:
    response = await teams_bot.post(personal_message(teams_bot.connector.url, "help"),
                                    **{header: "203.0.113.7"})
    assert response.status == 401
    assert "accepts only requests from this machine" in (await response.json())["error"]
    assert teams_bot.connector.sent == []


async def test_a_token_signed_with_microsofts_published_key_is_accepted(
    connector: MockConnector, teams_service: Service, tmp_path: Path, key_endpoint: KeyEndpoint
) -> None:
    async with bot_with_app_id(connector, teams_service, tmp_path) as bot:
        activity = extension_invoke(connector.url, "composeExtension/fetchTask",
                                    {"commandId": "coachDraft", "commandContext": "compose",
                                     "data": {}})
        token = key_endpoint.token(connector.url)
        response = await bot.post(activity, Authorization=f"Bearer {token}")
        assert response.status == 200, await response.text()
        assert (await response.json())["task"]["type"] == "continue"
        # A token naming a key Microsoft does not publish: refused, and at most one refetch.
        forged = await bot.post(activity, Authorization=f"Bearer {forged_token(connector.url)}")
        assert forged.status == 401
        again = await bot.post(activity, Authorization=f"Bearer {forged_token(connector.url)}")
        assert again.status == 401
        assert key_endpoint.requests == 1
    await key_endpoint.close()


async def test_a_hanging_key_endpoint_stalls_nothing_but_the_tokens_it_cannot_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ten forged tokens while Microsoft hangs: /healthz and a signed Slack command answer
    while they wait, Microsoft is asked once, and each forged request gets a quick 503."""
    endpoint = await _endpoint(monkeypatch, hang=True)
    mock = MockSlack()
    await mock.start()
    settings = slack_settings(tmp_path / "both.db", mock, microsoft_app_id=APP_ID,
                              microsoft_app_password="secret")
    try:
        async with running(settings, mock) as server:
            teams_url = server.url("/api/messages")
            activity = personal_message("https://smba.trafficmanager.net/emea/", "help")

            async def forged() -> tuple[int, float]:
                started = time.perf_counter()
                token = forged_token(activity["serviceUrl"])
                async with server.session.post(teams_url, json=activity, headers={
                        "Authorization": f"Bearer {token}"}) as resp:
                    return resp.status, time.perf_counter() - started

            pending = [asyncio.create_task(forged()) for _ in range(10)]
            while endpoint.requests == 0:
                await asyncio.sleep(0.01)
            started = time.perf_counter()
            async with server.session.get(server.url("/healthz")) as health:
                assert health.status == 200
            reply, name = await server.command("help")
            assert reply.status == 200
            served_in = time.perf_counter() - started
            assert not any(task.done() for task in pending), "healthz waited for the tokens"
            results = await asyncio.gather(*pending)
            assert [status for status, _ in results] == [503] * 10
            assert endpoint.requests == 1
            print(f"\nhealthz + signed Slack command: {served_in * 1000:.0f} ms while keys hung; "
                  f"forged tokens answered 503 in {max(t for _, t in results):.2f} s")
            await mock.wait_for(lambda: mock.answers(name))
    finally:
        await endpoint.close()
        await mock.close()


def test_install_routes_every_key_lookup_through_the_cache() -> None:
    from botframework.connector.auth.jwt_token_extractor import JwtTokenExtractor

    signing_keys.install()
    assert JwtTokenExtractor.get_open_id_metadata is signing_keys.signing_keys
