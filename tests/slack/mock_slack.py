"""A local stand-in for Slack's Web API and response URLs, on a free port.

It records every call and answers the way Slack does (`{"ok": true, ...}`),
so the end-to-end tests and the load benchmark need no Slack account. Only
what is outside this machine is faked, and only at the HTTP boundary.
"""

from __future__ import annotations

import asyncio
import itertools
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

from aiohttp import web
from aiohttp.test_utils import TestServer

TEAM_ID = "T0001"
BOT_USER = "UBOT"


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    token: str | None


@dataclass
class MockSlack:
    calls: list[Call] = field(default_factory=list)
    responses: list[dict[str, Any]] = field(default_factory=list)
    user_tz: dict[str, str] = field(default_factory=dict)
    admins: set[str] = field(default_factory=set)  # users.info says is_admin for these
    throttle: dict[str, int] = field(default_factory=dict)
    failing: dict[str, str] = field(default_factory=dict)
    failing_for: dict[str, str] = field(default_factory=dict)  # DM target user -> error
    posted: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # DM channel -> msgs
    post_delay: float = 0.0  # seconds chat.postMessage waits after recording, before answering
    throttle_every: int = 0  # every Nth chat.postMessage call answers 429 (0: never)
    counts: dict[str, int] = field(default_factory=dict)  # calls per method
    # HTTP statuses the next calls get, in order: per API method, and for every response URL.
    statuses: dict[str, list[tuple[int, str | None]]] = field(default_factory=dict)
    response_statuses: list[tuple[int, str | None]] = field(default_factory=list)
    refused_responses: int = 0
    server: TestServer | None = None
    _ts: itertools.count = field(default_factory=lambda: itertools.count(1))

    # -- what tests read -------------------------------------------------------------

    @property
    def api_url(self) -> str:
        assert self.server is not None
        return str(self.server.make_url("/api/"))

    def response_url(self, name: str) -> str:
        assert self.server is not None
        return str(self.server.make_url(f"/response/{name}"))

    def of(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    def answers(self, name: str) -> list[dict[str, Any]]:
        return [r for r in self.responses if r["_to"] == name]

    def rate_limit(self, method: str, times: int = 1) -> None:
        """The next `times` calls of `method` get 429 with Retry-After, as Slack throttles."""
        self.throttle[method] = times

    def fail(self, method: str, error: str) -> None:
        """Every later call of `method` gets `{"ok": false, "error": error}` (until cleared)."""
        self.failing[method] = error

    def fail_for(self, user: str, error: str) -> None:
        """chat.postMessage to `user` gets `{"ok": false, "error": error}`."""
        self.failing_for[user] = error

    @staticmethod
    def dm_channel(user: str) -> str:
        return "D" + user.removeprefix("U")
    def http_error(
        self, method: str, status: int, times: int = 1, *, retry_after: str | None = None
    ) -> None:
        """The next `times` calls of `method` get HTTP `status` (Slack down or throttling)."""
        self.statuses.setdefault(method, []).extend([(status, retry_after)] * times)

    def fail_responses(self, status: int, times: int = 1, *, retry_after: str | None = None
                       ) -> None:
        """The next `times` posts to any response URL get HTTP `status`."""
        self.response_statuses.extend([(status, retry_after)] * times)

    def clear(self) -> None:
        self.counts.clear()
        self.calls.clear()
        self.responses.clear()
        self.failing.clear()
        self.statuses.clear()
        self.response_statuses.clear()
        self.refused_responses = 0

    async def wait_for(self, check: Callable[[], object], timeout: float = 5.0) -> None:
        """Poll until `check()` is true: listeners work after the ack, so results come later."""
        deadline = asyncio.get_running_loop().time() + timeout
        while not check():
            if asyncio.get_running_loop().time() > deadline:
                methods = [c.method for c in self.calls]
                raise AssertionError(
                    f"timed out; {len(self.responses)} response_url posts, calls so far: {methods}"
                )
            await asyncio.sleep(0.01)

    # -- the fake server -------------------------------------------------------------

    async def start(self) -> None:
        app = web.Application()
        app.router.add_route("*", "/api/{method}", self._api)
        app.router.add_post("/response/{name}", self._response)
        app.router.add_get("/_stats", self._stats)
        self.server = TestServer(app)
        await self.server.start_server()

    async def close(self) -> None:
        if self.server is not None:
            await self.server.close()

    async def _params(self, request: web.Request) -> dict[str, Any]:
        params: dict[str, Any] = dict(request.query)
        raw = await request.text()
        if raw and request.content_type == "application/json":
            params.update(json.loads(raw))
        elif raw:
            params.update(parse_qsl(raw))
        for key in ("view", "blocks"):
            if isinstance(params.get(key), str):
                params[key] = json.loads(params[key])
        return params

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        auth = request.headers.get("Authorization", "")
        token = auth.removeprefix("Bearer ") or None
        params = await self._params(request)
        self.calls.append(Call(method, params, token))
        self.counts[method] = self.counts.get(method, 0) + 1
        every = self.throttle_every
        if method == "chat.postMessage" and every and self.counts[method] % every == 0:
            return web.json_response(
                {"ok": False, "error": "ratelimited"}, status=429, headers={"Retry-After": "1"}
            )
        if self.throttle.get(method, 0) > 0:
            self.throttle[method] -= 1
            return web.json_response(
                {"ok": False, "error": "ratelimited"}, status=429, headers={"Retry-After": "1"}
            )
        if self.statuses.get(method):
            status, retry_after = self.statuses[method].pop(0)
            headers = {"Retry-After": retry_after} if retry_after else None
            return web.json_response({"ok": False, "error": "fatal_error"}, status=status,
                                     headers=headers)
        if method in self.failing:
            return web.json_response({"ok": False, "error": self.failing[method]})
        target = str(params.get("channel") or "")
        if method == "chat.postMessage" and target in self.failing_for:
            return web.json_response({"ok": False, "error": self.failing_for[target]})
        answer = self._answer(method, params)
        if method == "chat.postMessage" and self.post_delay:
            await asyncio.sleep(self.post_delay)  # Slack has it; the answer is still on its way
        return web.json_response(answer)

    def _answer(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        if method == "auth.test":
            return {
                "ok": True,
                "team_id": TEAM_ID,
                "team": "Test team",
                "user_id": BOT_USER,
                "bot_id": "BBOT",
                "user": "toughclient",
                "url": "https://test.slack.com/",
            }
        if method == "users.info":
            user = str(params.get("user"))
            admin = user in self.admins
            return {"ok": True, "user": {"id": user, "tz": self.user_tz.get(user, "UTC"),
                                         "is_admin": admin, "is_owner": False}}
        if method == "conversations.open":
            return {"ok": True, "channel": {"id": self.dm_channel(str(params.get("users")))}}
        if method == "conversations.history":
            found = self.posted.get(str(params.get("channel")), [])
            return {"ok": True, "messages": list(reversed(found))[: int(params.get("limit", 100))]}
        if method == "chat.postMessage" and str(params.get("channel", "")).startswith("U"):
            channel = self.dm_channel(str(params["channel"]))
            ts = f"1700000000.{next(self._ts):06d}"
            metadata = params.get("metadata")
            if isinstance(metadata, str):
                metadata = json.loads(metadata)
            self.posted.setdefault(channel, []).append({"ts": ts, "metadata": metadata})
            return {"ok": True, "channel": channel, "ts": ts}
        if method in {"chat.postMessage", "chat.update", "chat.postEphemeral"}:
            ts = f"1700000000.{next(self._ts):06d}"
            return {"ok": True, "channel": params.get("channel"), "ts": params.get("ts") or ts}
        if method == "chat.getPermalink":
            channel, ts = str(params.get("channel")), str(params.get("message_ts"))
            link = f"https://test.slack.com/archives/{channel}/p{ts.replace('.', '')}"
            return {"ok": True, "channel": channel, "permalink": link}
        if method.startswith("views."):
            view = params.get("view") or {}
            view_id = params.get("view_id") or f"V{next(self._ts):08d}"
            return {"ok": True, "view": {**view, "id": view_id, "hash": "h1"}}
        if method == "oauth.v2.access":
            return {
                "ok": True,
                "access_token": "xoxb-installed",
                "token_type": "bot",
                "scope": "commands,chat:write",
                "bot_user_id": BOT_USER,
                "app_id": "A0001",
                "team": {"id": "T0OAUTH", "name": "OAuth team"},
                "enterprise": None,
                "is_enterprise_install": False,
                "authed_user": {"id": "U0INSTALLER"},
            }
        return {"ok": True}

    async def _stats(self, request: web.Request) -> web.Response:
        """What a mock in another process received, for the benchmarks."""
        posted = {channel: len(messages) for channel, messages in self.posted.items()}
        return web.json_response({"counts": self.counts, "posted": posted})

    async def _response(self, request: web.Request) -> web.Response:
        body = await request.json()
        if self.response_statuses:
            status, retry_after = self.response_statuses.pop(0)
            self.refused_responses += 1
            headers = {"Retry-After": retry_after} if retry_after else None
            return web.Response(status=status, text="service_unavailable", headers=headers)
        self.responses.append({**body, "_to": request.match_info["name"]})
        return web.Response(text="ok")
