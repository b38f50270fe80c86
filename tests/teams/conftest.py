"""Teams test rig: the real aiohttp app on a free port, a mock Bot Framework connector.

The connector is the one thing outside this machine, so it is the one thing
mocked, at its HTTP boundary: an aiohttp server that records what the bot
posts (replies, new messages) and puts (card updates), answering {"id": ...}
like the real one. Activities go to the bot as real JSON over HTTP.
"""

from __future__ import annotations

import itertools
import json
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from bot.config import Settings
from bot.service import Service, build_service
from bot.teams.routes import add_teams_routes
from tests.teams.card_schema import assert_valid_message

TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47"
USER_AAD = "29:aad-user-ada"
BOT_ID = "28:toughclient-bot"


@dataclass
class Sent:
    """One request the bot made to the connector."""

    method: str
    path: str
    body: dict[str, Any]

    @property
    def card(self) -> dict[str, Any]:
        attachments = self.body.get("attachments") or []
        assert attachments, f"no card in {self.body}"
        content: dict[str, Any] = attachments[0]["content"]
        return content

    @property
    def card_json(self) -> str:
        return json.dumps(self.card, ensure_ascii=False)


@dataclass
class MockConnector:
    """Records the bot's calls to /v3/conversations/... and answers like the connector."""

    server: TestServer | None = None
    sent: list[Sent] = field(default_factory=list)
    ids: Iterator[int] = field(default_factory=lambda: itertools.count(1))
    fail_updates: bool = False
    fail_posts: int = 0  # the next N posts get 500, as a connector having a bad minute

    @property
    def url(self) -> str:
        assert self.server is not None
        return str(self.server.make_url("")).rstrip("/") + "/"

    def app(self) -> web.Application:
        async def post(request: web.Request) -> web.Response:
            if self.fail_posts > 0:
                self.fail_posts -= 1
                return web.json_response({"error": {"code": "ServiceError"}}, status=500)
            self.sent.append(Sent("POST", request.path, await request.json()))
            return web.json_response({"id": f"bot-msg-{next(self.ids)}"})

        async def put(request: web.Request) -> web.Response:
            self.sent.append(Sent("PUT", request.path, await request.json()))
            if self.fail_updates:
                return web.json_response({"error": {"code": "NotFound"}}, status=404)
            return web.json_response({"id": request.match_info["activity_id"]})

        app = web.Application()
        app.router.add_post("/v3/conversations/{conversation_id}/activities", post)
        app.router.add_post("/v3/conversations/{conversation_id}/activities/{activity_id}", post)
        app.router.add_put("/v3/conversations/{conversation_id}/activities/{activity_id}", put)
        return app

    def messages(self) -> list[Sent]:
        return [s for s in self.sent if s.method == "POST"]

    def updates(self) -> list[Sent]:
        return [s for s in self.sent if s.method == "PUT"]


@pytest.fixture
def teams_settings(tmp_path: Path) -> Settings:
    return Settings(database_url=f"sqlite:///{tmp_path / 'teams.db'}")


@pytest.fixture
def teams_service(teams_settings: Settings) -> Iterator[Service]:
    built = build_service(teams_settings)
    built.migrate()
    try:
        yield built
    finally:
        built.close()


@asynccontextmanager
async def running_connector() -> AsyncIterator[MockConnector]:
    """A mock connector listening on a free port for as long as the block runs."""
    mock = MockConnector()
    mock.server = TestServer(mock.app())
    await mock.server.start_server()
    try:
        yield mock
    finally:
        await mock.server.close()


@pytest.fixture
async def connector() -> AsyncIterator[MockConnector]:
    async with running_connector() as mock:
        yield mock
    # Whatever a test made the bot send, it had to be a valid card in a small message.
    for sent in mock.sent:
        assert_valid_message(sent.body)


@dataclass
class TeamsBot:
    """The bot's HTTP endpoint and a client that posts activities to it."""

    server: TestServer
    session: aiohttp.ClientSession
    connector: MockConnector
    service: Service
    status_line: str

    @property
    def url(self) -> str:
        return str(self.server.make_url("/api/messages"))

    async def post(self, activity: dict[str, Any], **headers: str) -> aiohttp.ClientResponse:
        response = await self.session.post(self.url, json=activity, headers=headers)
        await response.read()
        return response

    async def invoke(self, activity: dict[str, Any]) -> dict[str, Any]:
        response = await self.post(activity)
        assert response.status == 200, await response.text()
        body: dict[str, Any] = await response.json()
        return body


async def start_bot(
    app: web.Application, connector: MockConnector, service: Service, status: str
) -> TeamsBot:
    server = TestServer(app)
    await server.start_server()
    return TeamsBot(server, aiohttp.ClientSession(), connector, service, status)


@pytest.fixture
async def teams_bot(
    connector: MockConnector, teams_service: Service, teams_settings: Settings
) -> AsyncIterator[TeamsBot]:
    app = web.Application()
    status = add_teams_routes(app, settings=teams_settings, service=teams_service)
    bot = await start_bot(app, connector, teams_service, status)
    try:
        yield bot
    finally:
        await bot.session.close()
        await bot.server.close()


# --- Bot Framework activity JSON, shaped like what Teams sends ---------------------------------


def _base(service_url: str, conversation: dict[str, Any], **extra: Any) -> dict[str, Any]:
    activity: dict[str, Any] = {
        "id": extra.pop("id", None) or f"1{uuid.uuid4().int % 10**12:012d}",
        "timestamp": "2026-03-04T10:00:00.000Z",
        "localTimestamp": "2026-03-04T11:00:00.000+01:00",
        "serviceUrl": service_url,
        "channelId": "msteams",
        "from": {"id": extra.pop("user_id", USER_AAD), "name": "Ada Lovelace",
                 "aadObjectId": extra.pop("aad", "00000000-0000-0000-0000-0000000000ad")},
        "conversation": conversation,
        "recipient": {"id": BOT_ID, "name": "toughclient"},
        "entities": [{"locale": "en-US", "country": "US", "platform": "Web",
                      "timezone": "Europe/Paris", "type": "clientInfo"}],
        "channelData": {"tenant": {"id": extra.pop("channel_tenant", TENANT)}},
        "locale": "en-US",
    }
    activity.update(extra)
    return activity


def personal_conversation(tenant: str | None = TENANT) -> dict[str, Any]:
    conversation: dict[str, Any] = {"conversationType": "personal", "id": "a:1personal-chat-ada"}
    if tenant:
        conversation["tenantId"] = tenant
    return conversation


def personal_message(service_url: str, text: str, **extra: Any) -> dict[str, Any]:
    tenant = extra.pop("tenant", TENANT)
    return _base(service_url, personal_conversation(tenant), type="message",
                 text=text, **{"textFormat": "plain", **extra})


def card_submit(service_url: str, value: dict[str, Any], *, reply_to: str = "bot-msg-1",
                **extra: Any) -> dict[str, Any]:
    """What Teams sends when someone presses an Action.Submit on the bot's card."""
    return _base(service_url, personal_conversation(), type="message", text="",
                 value=value, replyToId=reply_to, **extra)


def channel_message(service_url: str, html: str, **extra: Any) -> dict[str, Any]:
    """A message in a team channel that @mentions the bot; no conversation.tenantId."""
    conversation = {
        "isGroup": True, "conversationType": "channel",
        "id": "19:general@thread.tacv2;messageid=1700000000000",
    }
    activity = _base(service_url, conversation, type="message", text=html, textFormat="plain",
                     **extra)
    activity["entities"].append({
        "type": "mention", "text": "<at>toughclient</at>",
        "mentioned": {"id": BOT_ID, "name": "toughclient"},
    })
    activity["channelData"].update({
        "teamsChannelId": "19:general@thread.tacv2", "teamsTeamId": "19:team@thread.tacv2",
        "channel": {"id": "19:general@thread.tacv2"}, "team": {"id": "19:team@thread.tacv2"},
    })
    return activity


def extension_invoke(service_url: str, name: str, value: dict[str, Any],
                     **extra: Any) -> dict[str, Any]:
    return _base(service_url, personal_conversation(), type="invoke", name=name,
                 value=value, **extra)
