"""The one aiohttp app: health, Slack switched off, OAuth install, and `python app.py serve`."""

from __future__ import annotations

import asyncio
import json
import os
import re
import socket
import subprocess
import sys
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

import aiohttp
import pytest_asyncio

from bot.config import Settings
from tests.slack.harness import Harness, running, slack_settings
from tests.slack.mock_slack import MockSlack
from tests.slack.signing import command_body

ROOT = Path(__file__).resolve().parents[2]


@pytest_asyncio.fixture
async def mock() -> AsyncIterator[MockSlack]:
    fake = MockSlack()
    await fake.start()
    yield fake
    await fake.close()


async def test_healthz_reports_the_database_and_what_is_on(tmp_path: Path, mock: MockSlack) -> None:
    settings = slack_settings(tmp_path / "h.db", mock)
    async with (
        running(settings, mock) as server,
        server.session.get(server.url("/healthz")) as resp,
    ):
        body = await resp.json()
    assert resp.status == 200
    assert body["ok"] is True and body["database"] == "ok"
    assert "one workspace" in body["slack"]


async def test_without_slack_settings_the_server_starts_and_says_why(
    tmp_path: Path, mock: MockSlack
) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'off.db'}")
    async with running(settings, mock) as server:
        async with server.session.get(server.url("/healthz")) as resp:
            health = await resp.json()
        async with server.session.post(server.url("/slack/events"), data="x") as resp:
            events = (resp.status, await resp.json())
        async with server.session.get(server.url("/slack/install")) as resp:
            install = resp.status
    assert health["ok"] is True and "SLACK_BOT_TOKEN" in health["slack"]
    assert events[0] == 503 and "Slack is off" in events[1]["reason"]
    assert install == 404


async def test_a_half_configured_slack_names_the_missing_setting(
    tmp_path: Path, mock: MockSlack
) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'half.db'}", slack_bot_token="xoxb-1")
    async with (
        running(settings, mock) as server,
        server.session.post(server.url("/slack/events"), data="x") as resp,
    ):
        body = await resp.json()
    assert resp.status == 503 and "SLACK_SIGNING_SECRET" in body["reason"]


async def install(server: Harness) -> None:
    async with server.session.get(server.url("/slack/install"), allow_redirects=False) as resp:
        page = await resp.text()
        cookie = resp.headers.get("Set-Cookie", "").split(";")[0]
    assert resp.status == 200
    state = re.search(r"state=([\w-]+)", page)
    assert state, page
    redirect = server.url(f"/slack/oauth_redirect?code=the-code&state={state.group(1)}")
    async with server.session.get(redirect, headers={"Cookie": cookie}) as resp:
        assert resp.status == 200, await resp.text()


async def test_oauth_installs_a_workspace_that_can_then_use_the_bot(
    tmp_path: Path, mock: MockSlack
) -> None:
    settings = replace(
        slack_settings(tmp_path / "oauth.db", mock),
        slack_bot_token="",
        slack_client_id="111.222",
        slack_client_secret="client-secret",
    )
    async with running(settings, mock) as server:
        await install(server)
        assert [c.params.get("code") for c in mock.of("oauth.v2.access")] == ["the-code"]
        body, ctype = command_body(
            "help",
            response_url=mock.response_url("oauth-help"),
            trigger_id="t-oauth",
            team="T0OAUTH",
        )
        reply = await server.post(body, ctype)
        assert reply.status == 200
        await mock.wait_for(lambda: mock.answers("oauth-help"))
        store = server.service.slack_installation_store("111.222")
        assert store.find_bot(enterprise_id=None, team_id="T0OAUTH") is not None
        uninstall = {
            "token": "t",
            "team_id": "T0OAUTH",
            "api_app_id": "A0001",
            "type": "event_callback",
            "event_id": "EvUninstall",
            "event_time": 1,
            "event": {"type": "app_uninstalled"},
        }
        reply = await server.post(json.dumps(uninstall), "application/json")
        assert reply.status == 200
        await mock.wait_for(lambda: store.find_bot(enterprise_id=None, team_id="T0OAUTH") is None)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def test_python_app_py_serve_answers_healthz(tmp_path: Path) -> None:
    port = free_port()
    env = {
        "PATH": os.environ.get("PATH", ""),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'serve.db'}",
        "PORT": str(port),
    }
    # Run from an empty directory: a developer's `.env` in the repository must not leak in.
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "app.py"), "serve", "--host", "127.0.0.1"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        status = None
        async with aiohttp.ClientSession() as session:
            for _ in range(100):
                try:
                    async with session.get(f"http://127.0.0.1:{port}/healthz") as resp:
                        status = resp.status
                        break
                except aiohttp.ClientError:
                    await asyncio.sleep(0.1)
        assert status == 200
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=10)
    assert "Slack is off" in output
    assert f"listening on 127.0.0.1:{port}" in output
