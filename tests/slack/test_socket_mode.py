"""Socket Mode: with SLACK_APP_TOKEN the bot dials out to Slack and works with no public URL.

A local stand-in for Slack answers `apps.connections.open` with a WebSocket
URL on this machine and pushes envelopes down that socket, as Slack does; the
bot must acknowledge each envelope and answer the command on its response URL.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest_asyncio
from aiohttp import WSMsgType, web
from aiohttp.test_utils import TestServer

from bot.config import Settings
from bot.server import SERVICE, create_app
from bot.service import Actor


@dataclass
class SocketSlack:
    """Slack's side of a Socket Mode connection, recording what the bot sends back."""

    server: TestServer | None = None
    acks: list[dict[str, Any]] = field(default_factory=list)
    answers: list[dict[str, Any]] = field(default_factory=list)
    opened_with: list[str] = field(default_factory=list)
    connected: asyncio.Event = field(default_factory=asyncio.Event)
    socket: web.WebSocketResponse | None = None

    def url(self, path: str) -> str:
        assert self.server is not None
        return str(self.server.make_url(path))

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/api/apps.connections.open", self.open_connection)
        app.router.add_get("/link", self.link)
        app.router.add_post("/response/{name}", self.response)
        app.router.add_route("*", "/api/{method}", self.other_api)
        self.server = TestServer(app)
        await self.server.start_server()

    async def open_connection(self, request: web.Request) -> web.Response:
        self.opened_with.append(request.headers.get("Authorization", ""))
        ws_url = self.url("/link").replace("http://", "ws://")
        return web.json_response({"ok": True, "url": ws_url})

    async def link(self, request: web.Request) -> web.WebSocketResponse:
        socket = web.WebSocketResponse()
        await socket.prepare(request)
        self.socket = socket
        await socket.send_json({"type": "hello", "num_connections": 1})
        self.connected.set()
        async for message in socket:
            if message.type == WSMsgType.TEXT:
                self.acks.append(json.loads(message.data))
        return socket

    async def response(self, request: web.Request) -> web.Response:
        self.answers.append({**await request.json(), "_to": request.match_info["name"]})
        return web.Response(text="ok")

    async def other_api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        if method == "auth.test":
            return web.json_response(
                {"ok": True, "team_id": "T0001", "user_id": "UBOT", "bot_id": "BBOT"}
            )
        if method == "users.info":
            return web.json_response({"ok": True, "user": {"id": "U1", "tz": "UTC"}})
        return web.json_response({"ok": True})

    async def push(self, envelope: dict[str, Any]) -> None:
        assert self.socket is not None
        await self.socket.send_json(envelope)

    async def wait_for(self, check: Any, timeout: float = 10.0) -> None:
        async with asyncio.timeout(timeout):
            while not check():
                await asyncio.sleep(0.02)


@pytest_asyncio.fixture
async def slack_side() -> AsyncIterator[SocketSlack]:
    side = SocketSlack()
    await side.start()
    try:
        yield side
    finally:
        assert side.server is not None
        await side.server.close()


def slash_command(slack_side: SocketSlack, text: str, envelope_id: str) -> dict[str, Any]:
    return {
        "envelope_id": envelope_id,
        "type": "slash_commands",
        "accepts_response_payload": True,
        "payload": {
            "token": "legacy",
            "team_id": "T0001",
            "channel_id": "C1",
            "user_id": "U1",
            "user_name": "ada",
            "command": "/toughclient",
            "text": text,
            "api_app_id": "A0001",
            "response_url": slack_side.url(f"/response/{envelope_id}"),
            "trigger_id": f"trigger-{envelope_id}",
        },
    }


async def test_a_command_over_the_socket_is_acknowledged_and_answered(
    slack_side: SocketSlack, tmp_path: Path
) -> None:
    settings = Settings(
        database_url=f"sqlite:///{tmp_path / 'socket.db'}",
        slack_app_token="xapp-test",
        slack_bot_token="xoxb-test",
        slack_api_url=slack_side.url("/api/"),
    )
    server = TestServer(create_app(settings, run_scheduler=False))
    await server.start_server()
    try:
        await slack_side.wait_for(slack_side.connected.is_set)
        assert slack_side.opened_with == ["Bearer xapp-test"]

        await slack_side.push(slash_command(slack_side, "log Acme shouted at support", "env-1"))
        await slack_side.wait_for(lambda: slack_side.answers)

        assert [ack["envelope_id"] for ack in slack_side.acks] == ["env-1"]
        [answer] = slack_side.answers
        assert answer["_to"] == "env-1" and answer.get("response_type") == "ephemeral"
        service = server.app[SERVICE]
        [incident] = service.list_incidents(Actor("slack", "T0001", "U1"))
        assert incident.customer == "Acme" and "shouted at support" in incident.what_happened
    finally:
        await server.close()
