"""`POST /api/messages`: where Teams (and the Emulator) deliver activities.

We parse the request ourselves instead of calling `CloudAdapter.process`, so
bad input gets a short JSON error (400/415) and a refused token a clean 401,
never an aiohttp traceback page. In local mode (no MICROSOFT_APP_ID) there is
no token to check, so only this machine is served: a loopback peer, not
proxied, with a loopback serviceUrl (see `bot.teams.auth.local_request_allowed`).
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from aiohttp import web
from botbuilder.core import serializer_helper
from botbuilder.integration.aiohttp import CloudAdapter
from botbuilder.schema import Activity

from bot.bounded_json import Malformed, load_json_object
from bot.config import Settings
from bot.teams.auth import (
    LOCAL_MODE_REFUSED,
    TeamsConfigError,
    build_adapter,
    is_local_mode,
    is_loopback_address,
    local_request_allowed,
    proxy_headers_in,
    status_line,
)
from bot.teams.handler import ToughClientTeamsBot
from bot.teams.signing_keys import KeysUnavailable
from bot.user_text import clean_tree

if TYPE_CHECKING:
    from bot.service import Service

log = logging.getLogger(__name__)

MESSAGES_PATH = "/api/messages"
# Teams activities and invokes are tens of KB at most (a message is capped at ~28 KB).
MAX_ACTIVITY_BYTES = 256 * 1024
# A token whose signing keys cannot be had by then gets 503; Teams retries, others flow on.
VERIFY_DEADLINE = 3.0
UNAUTHORIZED = "unauthorized: a valid Bot Framework token is required"
UNVERIFIABLE = "could not reach the Bot Framework to check the token; try again shortly"


@dataclass(frozen=True)
class TeamsRuntime:
    """What a running server holds for Teams: the adapter (proactive sends reuse it) and bot."""

    adapter: CloudAdapter
    bot: ToughClientTeamsBot
    settings: Settings


TEAMS_RUNTIME: web.AppKey[TeamsRuntime] = web.AppKey("toughclient_teams", TeamsRuntime)


def _error(status: int, message: str) -> web.Response:
    return web.json_response({"error": message}, status=status)


def _read_activity(raw: Any) -> Activity | None:
    """An activity the bot can answer: typed, from someone, to us, in a conversation.
    Anything less is a 400 here, not a failure mid-turn. (Where it may be answered, the
    serviceUrl, is checked by local mode or by the token's serviceurl claim.)"""
    if not isinstance(raw, dict):
        return None
    try:
        activity = Activity().deserialize(raw)
    except Exception:  # msrest raises several types for mistyped fields
        return None
    if not (isinstance(activity.type, str) and activity.type):
        return None
    parties = (activity.conversation, activity.from_property, activity.recipient)
    if any(party is None or not isinstance(party.id, str) for party in parties):
        return None
    return activity


def _bearer_token(request: web.Request) -> str:
    """The token of `Authorization: Bearer <token>`, or "" when there is none."""
    scheme, _, token = request.headers.get("Authorization", "").strip().partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


async def _read_body(request: web.Request) -> Activity | web.Response:
    """The activity in the body, or the 4xx that says why there is none."""
    if "application/json" not in request.headers.get("Content-Type", ""):
        return _error(415, "send the activity as application/json")
    if (request.content_length or 0) > MAX_ACTIVITY_BYTES:
        return _error(413, f"an activity is at most {MAX_ACTIVITY_BYTES // 1024} KB")
    try:
        raw = await request.content.read(MAX_ACTIVITY_BYTES + 1)
    except web.HTTPException as refused:  # aiohttp's own size limit
        return _error(refused.status, refused.reason)
    if len(raw) > MAX_ACTIVITY_BYTES:
        return _error(413, f"an activity is at most {MAX_ACTIVITY_BYTES // 1024} KB")
    try:
        body = load_json_object(raw.decode("utf-8"), "the body")
    except UnicodeDecodeError:
        return _error(400, "the body is not valid JSON")
    except Malformed as error:
        if "not valid JSON" in str(error):
            return _error(400, "the body is not valid JSON")
        return _error(400, str(error))
    activity = _read_activity(clean_tree(body))  # control characters go at the door
    if activity is None:
        return _error(400, "the body is not a Bot Framework activity")
    return activity


def messages_handler(runtime: TeamsRuntime, *, verify_deadline: float = VERIFY_DEADLINE) -> Any:
    local_mode = is_local_mode(runtime.settings)

    async def handle(request: web.Request) -> web.Response:
        proxied = proxy_headers_in(request.headers)
        if local_mode and (proxied or not is_loopback_address(request.remote)):
            log.warning("Teams local mode refused a request from %s (proxy headers: %s)",
                        request.remote, ", ".join(proxied) or "none")
            return _error(401, LOCAL_MODE_REFUSED)
        auth_header = request.headers.get("Authorization", "")
        if not local_mode and not _bearer_token(request):
            # Nothing is read or parsed for a caller who did not even present a token.
            log.info("Teams request refused: no Bearer token")
            return _error(401, UNAUTHORIZED)
        activity = await _read_body(request)
        if isinstance(activity, web.Response):
            log.info("Teams request refused (%d): %s", activity.status, activity.text)
            return activity
        if local_mode and not local_request_allowed(request.remote, activity.service_url,
                                                    proxied=bool(proxied)):
            log.warning("Teams local mode refused serviceUrl %r", activity.service_url)
            return _error(401, LOCAL_MODE_REFUSED)
        try:
            authenticated = await asyncio.wait_for(
                runtime.adapter.bot_framework_authentication.authenticate_request(
                    activity, auth_header
                ),
                verify_deadline,
            )
        except (KeysUnavailable, TimeoutError) as err:
            log.warning("could not check a Teams token in time: %r", err)
            return _error(503, UNVERIFIABLE)
        except PermissionError as err:  # an OSError subclass: test it first
            log.info("Teams request refused: %r", err)
            return _error(401, UNAUTHORIZED)
        except OSError as err:  # the key endpoint is away
            log.warning("could not check a Teams token: %r", err)
            return _error(503, UNVERIFIABLE)
        except Exception as err:  # jwt errors and ValueError for a malformed token
            log.info("Teams request refused: %r", err)
            return _error(401, UNAUTHORIZED)
        try:
            invoke = await runtime.adapter.process_activity(
                authenticated, activity, runtime.bot.on_turn
            )
        except Exception:
            log.exception("Teams activity %s (%s) failed", activity.id, activity.type)
            return _error(500, "the bot could not handle this activity")
        if invoke is not None:
            body = invoke.body
            if body is not None and not isinstance(body, (dict, list)):
                body = serializer_helper(body)
            return web.json_response(body, status=int(invoke.status))
        return web.Response(status=200)

    return handle


def _misconfigured_handler(message: str) -> Any:
    async def handle(request: web.Request) -> web.Response:
        return _error(503, f"Teams is not configured: {message}")

    return handle


def add_teams_routes(
    app: web.Application,
    *,
    settings: Settings,
    service: Service,
    verify_deadline: float = VERIFY_DEADLINE,
) -> str:
    """Register the Teams endpoint and return the line the server logs at startup.

    A bad combination of MICROSOFT_APP_* settings does not stop Slack on the
    same server: the endpoint answers 503 and the returned line says what to fix.
    """
    try:
        adapter = build_adapter(settings)
        line = status_line(settings)
    except TeamsConfigError as err:
        app.router.add_post(MESSAGES_PATH, _misconfigured_handler(str(err)))
        return f"Teams: NOT STARTED, {err}"
    runtime = TeamsRuntime(
        adapter=adapter, bot=ToughClientTeamsBot(service=service, settings=settings),
        settings=settings,
    )
    adapter.on_turn_error = runtime.bot.on_turn_error
    app[TEAMS_RUNTIME] = runtime
    app.router.add_post(MESSAGES_PATH, messages_handler(runtime, verify_deadline=verify_deadline))
    return line
