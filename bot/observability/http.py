"""aiohttp middleware: a request id for every request, and counts and ack latency per surface.

The surface is read from the path and, for Slack, the first bytes of the
body (a slash command, an event, a button or modal); Teams' route names a
message or an invoke once it has checked the token and read the activity
(`teams_refused` when it never got that far). So the metrics show which door
is slow. The request id comes from the proxy's X-Request-Id when it sends one,
and goes back in the answer's header.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable

from aiohttp import web

from bot.observability.logs import REQUEST_ID_HEADER, bind_request_id
from bot.observability.metrics import observe_request

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

SLACK_PATH = "/slack/events"
TEAMS_PATH = "/api/messages"


# Teams' route names its surface once it has read the activity (after the token check:
# the body is not read here), under this key of the request.
SURFACE = "toughclient_surface"
TEAMS_SURFACES = {"message": "teams_message", "invoke": "teams_invoke"}


def teams_surface(activity_type: str | None) -> str:
    return TEAMS_SURFACES.get(activity_type or "", "teams_other")


async def slack_surface(request: web.Request) -> str | None:
    """A slash command, an event or an interaction, from the first bytes of the body."""
    if request.method != "POST" or request.path != SLACK_PATH:
        return None
    body = await request.read()  # aiohttp keeps it: Slack's handler reads the same bytes
    if body.startswith(b"{"):
        return "slack_event"
    return "slack_command" if b"command=" in body else "slack_interaction"


def surface_of(request: web.Request, slack: str | None) -> str | None:
    """Which platform door a request came through; None for our own endpoints."""
    if request.path == TEAMS_PATH and request.method == "POST":
        return str(request.get(SURFACE, "teams_refused"))
    return slack


@web.middleware
async def observe(request: web.Request, handler: Handler) -> web.StreamResponse:
    started = time.perf_counter()
    request_id = bind_request_id(request.headers.get(REQUEST_ID_HEADER))
    slack = await slack_surface(request)
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
        surface = surface_of(request, slack)
        if surface is not None:
            observe_request(surface, status, time.perf_counter() - started)
