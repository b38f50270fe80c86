"""aiohttp middleware: a request id for every request, and counts and ack latency per surface.

The surface is read from the path and the first bytes of the body (a slash
command, an event, a button or modal in Slack; a message or an invoke in
Teams), so the metrics show which door is slow without any listener taking
part. The request id comes from the proxy's X-Request-Id when it sends one,
and goes back in the answer's header.
"""

from __future__ import annotations

import json
import time
from collections.abc import Awaitable, Callable

from aiohttp import web

from bot.observability.logs import REQUEST_ID_HEADER, bind_request_id
from bot.observability.metrics import observe_request

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

SLACK_PATH = "/slack/events"
TEAMS_PATH = "/api/messages"


async def surface_of(request: web.Request) -> str | None:
    """Which platform door a request came through; None for our own endpoints."""
    if request.method != "POST" or request.path not in (SLACK_PATH, TEAMS_PATH):
        return None
    body = await request.read()  # aiohttp keeps it: the handler reads the same bytes
    if request.path == SLACK_PATH:
        if body.startswith(b"{"):
            return "slack_event"
        if b"command=" in body:
            return "slack_command"
        return "slack_interaction"
    try:
        kind = json.loads(body).get("type")
    except (ValueError, AttributeError):
        kind = None
    return "teams_invoke" if kind == "invoke" else "teams_message" if kind == "message" else (
        "teams_other"
    )


@web.middleware
async def observe(request: web.Request, handler: Handler) -> web.StreamResponse:
    started = time.perf_counter()
    request_id = bind_request_id(request.headers.get(REQUEST_ID_HEADER))
    surface = await surface_of(request)
    status = 500
    try:
        response = await handler(request)
        status = response.status
        response.headers[REQUEST_ID_HEADER] = request_id
        return response
    except web.HTTPException as error:
        status = error.status
        raise
    finally:
        if surface is not None:
            observe_request(surface, status, time.perf_counter() - started)
