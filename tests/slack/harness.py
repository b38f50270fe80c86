"""The real server from `create_app` on a free port, wired to the mock Slack API.

Tests talk to it over real HTTP with signed requests, then read what reached
"Slack" (the mock) and what reached the database (the service).
"""

from __future__ import annotations

import itertools
import json
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, closing
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from aiohttp import ClientSession
from aiohttp.test_utils import TestServer

from bot.config import Settings
from bot.server import SERVICE, create_app
from bot.service import Actor, Service
from tests.slack.mock_slack import TEAM_ID, MockSlack
from tests.slack.signing import (
    SECRET,
    command_body,
    event_body,
    interactive_body,
    signed_headers,
)


@dataclass
class Reply:
    status: int
    text: str

    def json(self) -> Any:
        return json.loads(self.text) if self.text else None


@dataclass
class Harness:
    mock: MockSlack
    server: TestServer
    session: ClientSession
    service: Service
    counter: itertools.count
    database: Path

    def rows(self, sql: str, *args: object) -> list[tuple[Any, ...]]:
        """Read the real SQLite file, as an operator would, to see what was stored."""
        with closing(sqlite3.connect(self.database)) as db:
            return db.execute(sql, args).fetchall()

    def url(self, path: str) -> str:
        return str(self.server.make_url(path))

    def next_id(self, prefix: str) -> str:
        return f"{prefix}{next(self.counter)}"

    def actor(self, user: str = "U1") -> Actor:
        return Actor("slack", TEAM_ID, user)

    async def post(
        self,
        body: str,
        content_type: str,
        *,
        secret: str = SECRET,
        timestamp: int | None = None,
        headers: dict[str, str] | None = None,
    ) -> Reply:
        sent = {
            "Content-Type": content_type,
            **signed_headers(body, secret=secret, timestamp=timestamp),
        }
        sent.update(headers or {})
        async with self.session.post(self.url("/slack/events"), data=body, headers=sent) as resp:
            return Reply(resp.status, await resp.text())

    async def command(self, text: str, *, user: str = "U1") -> tuple[Reply, str]:
        """Send `/toughclient text`; returns the ack and the name of its response URL."""
        name = self.next_id("cmd")
        body, ctype = command_body(
            text,
            response_url=self.mock.response_url(name),
            trigger_id=self.next_id("trig"),
            user=user,
        )
        return await self.post(body, ctype), name

    async def event(
        self, event: dict[str, Any], *, event_id: str | None = None, retry: int | None = None
    ) -> Reply:
        body, ctype = event_body(event, event_id=event_id or self.next_id("Ev"))
        headers = (
            {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"}
            if retry
            else None
        )
        return await self.post(body, ctype, headers=headers)

    async def interact(self, payload: dict[str, Any]) -> Reply:
        body, ctype = interactive_body(payload)
        return await self.post(body, ctype)


CLICKS = itertools.count(1)


def dm(text: str, *, user: str = "U1", **extra: Any) -> dict[str, Any]:
    return {
        "type": "message",
        "channel": "D0DM",
        "channel_type": "im",
        "user": user,
        "text": text,
        "ts": "1700000001.000100",
        **extra,
    }


def block_action(
    action_id: str,
    value: str,
    *,
    container: dict[str, Any],
    user: str = "U1",
    response_url: str | None = None,
    message: dict[str, Any] | None = None,
    view: dict[str, Any] | None = None,
    trigger_id: str = "trig-action",
    action_ts: str | None = None,
    selected: dict[str, Any] | None = None,
) -> dict[str, Any]:
    stamp = action_ts or f"1700000002.{next(CLICKS):06d}"
    action: dict[str, Any] = {"action_id": action_id, "block_id": "b", "action_ts": stamp}
    if selected is not None:
        action["selected_option"] = selected
        action["type"] = "static_select"
    else:
        action.update({"value": value, "type": "button"})
    payload: dict[str, Any] = {
        "type": "block_actions",
        "team": {"id": TEAM_ID, "domain": "test"},
        "user": {"id": user, "username": "ada", "team_id": TEAM_ID},
        "api_app_id": "A0001",
        "trigger_id": trigger_id,
        "container": container,
        "actions": [action],
    }
    if response_url:
        payload["response_url"] = response_url
    if message is not None:
        payload["message"] = message
        payload["channel"] = {"id": container.get("channel_id")}
    if view is not None:
        payload["view"] = view
    return payload


def view_submission(
    callback_id: str,
    values: dict[str, dict[str, Any]],
    *,
    view_id: str,
    private_metadata: str = "",
    user: str = "U1",
) -> dict[str, Any]:
    """A modal submission; `values` maps block ids to the element's state."""
    return {
        "type": "view_submission",
        "team": {"id": TEAM_ID, "domain": "test"},
        "user": {"id": user, "username": "ada", "team_id": TEAM_ID},
        "api_app_id": "A0001",
        "trigger_id": f"trig-{view_id}",
        "view": {
            "id": view_id,
            "type": "modal",
            "callback_id": callback_id,
            "private_metadata": private_metadata,
            "team_id": TEAM_ID,
            "app_installed_team_id": TEAM_ID,
            "hash": "h1",
            "title": {"type": "plain_text", "text": "x"},
            "blocks": [],
            "state": {"values": {block: {block: state} for block, state in values.items()}},
        },
    }


def slack_settings(database: Path, mock: MockSlack, **overrides: Any) -> Settings:
    base = Settings(
        database_url=f"sqlite:///{database}",
        slack_bot_token="xoxb-test",
        slack_signing_secret=SECRET,
        slack_api_url=mock.api_url,
    )
    return replace(base, **overrides)


@asynccontextmanager
async def running(
    settings: Settings,
    mock: MockSlack,
    *,
    run_scheduler: bool = False,
    digest_interval: float | None = None,
    service: Service | None = None,
) -> AsyncIterator[Harness]:
    """The server; without the digest schedule unless asked (its DMs would mix into tests).

    A `service` passed in (say, with quicker retries) is used and left open."""
    extra = {} if digest_interval is None else {"digest_interval": digest_interval}
    app = create_app(settings, run_scheduler=run_scheduler, service=service, **extra)
    server = TestServer(app)
    await server.start_server()
    try:
        async with ClientSession() as session:
            database = Path(settings.database_url.removeprefix("sqlite:///"))
            yield Harness(mock, server, session, app[SERVICE], itertools.count(1), database)
    finally:
        await server.close()


@asynccontextmanager
async def slack_harness(tmp: Path, **overrides: Any) -> AsyncIterator[Harness]:
    mock = MockSlack()
    await mock.start()
    try:
        async with running(slack_settings(tmp / "slack.db", mock, **overrides), mock) as harness:
            yield harness
    finally:
        await mock.close()
