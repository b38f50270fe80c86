"""A local OpenAI-compatible server for tests: the real openai client talks HTTP to it.

Each test scripts the answers in order (`good`, `slow`, `status`, `raw`,
`refusal`); every request body is kept, so a test can read exactly what left
the process. Like the mock Slack API, it stands in for what lies outside this
machine, at the HTTP boundary.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web
from aiohttp.test_utils import TestServer


@dataclass
class Scripted:
    kind: str  # "json" | "raw" | "status" | "refusal"
    content: Any = None
    delay: float = 0.0
    status: int = 200


@dataclass
class FakeOpenAI:
    script: list[Scripted] = field(default_factory=list)
    requests: list[dict[str, Any]] = field(default_factory=list)
    server: TestServer | None = None

    @property
    def base_url(self) -> str:
        assert self.server is not None
        return str(self.server.make_url("/v1"))

    # -- scripting -----------------------------------------------------------------------

    def answers(self, rewrite: str, *, alternatives: list[str] | None = None,
                changes: list[dict[str, str]] | None = None, delay: float = 0.0) -> None:
        body = {"rewrite": rewrite, "alternatives": alternatives or [],
                "changes": changes or [{"what": "reworded", "why": "clearer"}]}
        self.script.append(Scripted("json", json.dumps(body), delay=delay))

    def raw(self, content: str) -> None:
        self.script.append(Scripted("raw", content))

    def fails(self, status: int, times: int = 1) -> None:
        self.script.extend(Scripted("status", status=status) for _ in range(times))

    def refuses(self, why: str = "I can't help with that.") -> None:
        self.script.append(Scripted("refusal", why))

    # -- reading -------------------------------------------------------------------------

    def sent_text(self) -> str:
        """Everything every request carried, as one string."""
        return json.dumps(self.requests, ensure_ascii=False)

    def user_messages(self) -> list[str]:
        return [m["content"] for r in self.requests for m in r["messages"] if m["role"] == "user"]

    def system_messages(self) -> list[str]:
        return [m["content"] for r in self.requests for m in r["messages"]
                if m["role"] == "system"]

    # -- serving -------------------------------------------------------------------------

    async def _completions(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.requests.append(body)
        if not self.script:
            return web.json_response({"error": {"message": "nothing scripted"}}, status=500)
        step = self.script.pop(0)
        if step.delay:
            await asyncio.sleep(step.delay)
        if step.kind == "status":
            return web.json_response(
                {"error": {"message": "scripted failure", "type": "server_error"}},
                status=step.status, headers={"retry-after-ms": "5"},
            )
        message: dict[str, Any] = {"role": "assistant", "content": step.content, "refusal": None}
        if step.kind == "refusal":
            message = {"role": "assistant", "content": None, "refusal": step.content}
        return web.json_response({
            "id": f"chatcmpl-{len(self.requests)}",
            "object": "chat.completion",
            "created": 1764547200,
            "model": body.get("model", "fake"),
            "choices": [{"index": 0, "message": message, "finish_reason": "stop",
                         "logprobs": None}],
            "usage": {"prompt_tokens": 120, "completion_tokens": 40, "total_tokens": 160},
        })


@asynccontextmanager
async def fake_openai() -> AsyncIterator[FakeOpenAI]:
    fake = FakeOpenAI()
    app = web.Application()
    app.router.add_post("/v1/chat/completions", fake._completions)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    fake.server = server
    try:
        yield fake
    finally:
        await server.close()
