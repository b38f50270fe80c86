"""The one aiohttp application: Slack, Teams and the health check on a single port.

`create_app` is the factory the command line and the tests share, so the
end-to-end tests run exactly what `python app.py serve` runs.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Sequence
from datetime import UTC, datetime

from aiohttp import ClientSession, web
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.adapter.socket_mode.aiohttp import AsyncSocketModeHandler
from slack_bolt.request.async_request import AsyncBoltRequest

from bot.config import Settings
from bot.digest.schedule import INTERVAL as DIGEST_INTERVAL
from bot.digest.schedule import DigestSchedule
from bot.digest.senders import digest_senders
from bot.observability.health import Check, as_json, database_checks
from bot.observability.http import observe
from bot.service import Service, ServiceError, build_service
from bot.slack.app import INSTALL_PATH, REDIRECT_PATH, SlackSurface, build_slack
from bot.slack.app import OFF_REASON as SLACK_OFF_REASON
from bot.slack.edge import Refusal, admit

log = logging.getLogger("toughclient.server")

SERVICE = web.AppKey("service", Service)
SETTINGS = web.AppKey("settings", Settings)
SLACK = web.AppKey("slack", SlackSurface)
STATUS = web.AppKey("status", dict[str, str])
DIGESTS = web.AppKey("digests", DigestSchedule)
PLATFORM_CHECKS = web.AppKey("platform_checks", list[Check])
TEAMS_FAILED = ("Teams: NOT STARTED", "Teams is off")
HEALTH_TIMEOUT = 5.0
SHUTDOWN_GRACE = 10.0  # seconds for acknowledged Slack work to finish on shutdown


async def healthz(request: web.Request) -> web.Response:
    """Alive: 200 whenever this process answers, with the database's state in the body.

    A database outage is not this replica's fault and restarting it would not
    help, so it shows here as information and in /readyz as "not ready".
    """
    service = request.app[SERVICE]
    status: dict[str, str] = request.app[STATUS]
    body: dict[str, object] = {**status, "ok": True}
    try:
        await asyncio.wait_for(asyncio.to_thread(service.ping), HEALTH_TIMEOUT)
        body["database"] = "ok"
    except (ServiceError, TimeoutError, OSError) as error:
        log.warning("health check: database unreachable: %s", error)
        body["database"] = "unreachable"
    except Exception as error:  # a driver or URL problem: still alive, and said so
        log.warning("health check: database error: %r", error)
        body["database"] = "error"
    return web.json_response(body)


async def readyz(request: web.Request) -> web.Response:
    """Ready for traffic: the database answers at the newest schema, the platforms are as meant."""
    service = request.app[SERVICE]
    platforms: list[Check] = request.app[PLATFORM_CHECKS]
    checks = list(platforms)
    try:
        checks += await asyncio.wait_for(
            asyncio.to_thread(database_checks, service), HEALTH_TIMEOUT
        )
    except TimeoutError:
        checks.append(Check("database", False, f"no answer within {HEALTH_TIMEOUT:g} s"))
    body = as_json(checks)
    return web.json_response(body, status=200 if body["ready"] else 503)


async def metrics(request: web.Request) -> web.Response:
    """Prometheus metrics: bot.observability.metrics, the model's, undelivered answers
    (bot.undelivered), and the process's own."""
    return web.Response(body=generate_latest(), headers={"Content-Type": CONTENT_TYPE_LATEST})


def platform_checks(surface: SlackSurface, teams: str) -> list[Check]:
    """Slack and Teams as the settings intend: off because nothing is set is fine; off
    because a setting is missing or wrong is not."""
    slack_ok = surface.mode != "off" or surface.status == SLACK_OFF_REASON
    teams_ok = not teams.startswith(TEAMS_FAILED)
    return [Check("slack", slack_ok, surface.status), Check("teams", teams_ok, teams)]


def slack_off(surface: SlackSurface) -> web.Response:
    reason = surface.status
    if surface.mode == "socket":
        reason = "Slack runs in Socket Mode here; events arrive over the socket, not this URL."
    return web.json_response(
        {"ok": False, "error": "slack_unavailable", "reason": reason}, status=503
    )


def bolt_headers(request: web.Request) -> dict[str, str | Sequence[str]]:
    """The request's headers, without Bolt's internal ones (a client must not set those)."""
    return {
        name: value for name, value in request.headers.items()
        if not name.lower().startswith("x-slack-bolt-")
    }


async def slack_events(request: web.Request) -> web.Response:
    surface = request.app[SLACK]
    if surface.app is None or surface.mode == "socket":
        return slack_off(surface)
    gate = surface.deps.gate if surface.deps is not None else None
    if gate is not None:
        gate.enter()  # post-ack work waits while this request waits for its ack
    try:
        admitted = admit(await request.read(), request.headers, surface.signing_secret)
        if isinstance(admitted, Refusal):
            return web.json_response({"ok": False, "error": admitted.reason},
                                     status=admitted.status)
        bolt_request = AsyncBoltRequest(
            body=admitted, query=request.query_string, headers=bolt_headers(request)
        )
        response = await surface.app.async_dispatch(bolt_request)
        return await to_aiohttp_response(response)
    finally:
        if gate is not None:
            gate.leave()


async def slack_oauth(request: web.Request) -> web.Response:
    """The install page and the redirect back from Slack, both handled by Bolt's OAuth flow."""
    surface = request.app[SLACK]
    flow = surface.app.oauth_flow if surface.app else None
    if flow is None:
        return slack_off(surface)
    bolt_request = await to_bolt_request(request)
    if request.path == INSTALL_PATH:
        response = await flow.handle_installation(bolt_request)
    else:
        response = await flow.handle_callback(bolt_request)
    return await to_aiohttp_response(response)


def add_teams(app: web.Application, settings: Settings, service: Service) -> str:
    try:
        from bot.teams.routes import add_teams_routes
    except ImportError as error:
        return f"Teams is off: the Teams adapter could not be loaded ({error})."
    return add_teams_routes(app, settings=settings, service=service)


def llm_status(settings: Settings) -> str:
    """One line on the model rewriter, for the start-up log and /healthz (no secrets)."""
    if not settings.llm_enabled:
        return "Model rewrites are off: no OPENAI_API_KEY; every rewrite comes from the rules."
    where = settings.openai_base_url or "the OpenAI API"
    return (
        f"Model rewrites are on: {settings.openai_model} at {where}, "
        f"{settings.openai_timeout:g} s per rewrite (a workspace can turn them off)."
    )


def warm_up_coach() -> None:
    """Import the coach and compile its rules now, not in the first burst of requests."""
    from bot.coach import coach_draft

    coach_draft("Warm-up: I'll call you by 3pm tomorrow.", now=datetime.now(UTC), tz=UTC, id=None)


async def lifecycle(app: web.Application) -> AsyncIterator[None]:
    """Migrate, warm up, connect Socket Mode, start the digest schedule, log what is on and off;
    undo it on shutdown."""
    settings, service, surface = app[SETTINGS], app[SERVICE], app[SLACK]
    if settings.migrate_on_start:
        try:
            await asyncio.to_thread(service.migrate)
        except ServiceError as error:
            log.error("database migration failed: %s", error)
    try:
        await asyncio.to_thread(warm_up_coach)
    except Exception as error:  # a broken coach must not keep /healthz and Teams down
        log.error("the coach failed its warm-up; coaching will answer with an error: %r", error)
    http: ClientSession | None = None
    if surface.app is not None:
        # One pooled session for every Web API call instead of a new one per call.
        http = ClientSession()
        surface.app.client.session = http
        if surface.deps is not None:
            surface.deps.http = http  # respond() posts to response URLs through it too
    socket: AsyncSocketModeHandler | None = None
    if surface.app is not None and surface.mode == "socket":
        socket = AsyncSocketModeHandler(surface.app, surface.app_token)
        await socket.connect_async()
    digests = app.get(DIGESTS)
    if digests is not None:
        digests.start()
    for line in app[STATUS].values():
        log.info("%s", line)
    yield
    if digests is not None:
        await digests.stop()
    if socket is not None:
        await socket.close_async()
    if surface.deps is not None:
        # Requests already acknowledged still get their answers before the session closes.
        await surface.deps.background.drain(SHUTDOWN_GRACE)
    if http is not None:
        await http.close()


def create_app(
    settings: Settings,
    *,
    service: Service | None = None,
    run_scheduler: bool = True,
    digest_interval: float | None = None,
) -> web.Application:
    """The whole server. A service passed in stays open (the caller owns it); ours is closed.

    `run_scheduler` runs the weekly digest in the server (bot.digest.schedule), a
    round every `digest_interval` seconds (default TOUGHCLIENT_DIGEST_INTERVAL, else
    ten minutes); tests that do not want it turn it off.
    """
    if digest_interval is None:
        digest_interval = settings.digest_interval or DIGEST_INTERVAL
    owned = service is None
    service = service or build_service(settings)
    app = web.Application(middlewares=[observe])
    surface = build_slack(settings, service)
    app[SETTINGS], app[SERVICE], app[SLACK] = settings, service, surface
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
    app.router.add_get("/metrics", metrics)
    app.router.add_post("/slack/events", slack_events)
    if surface.mode == "oauth":
        app.router.add_get(INSTALL_PATH, slack_oauth)
        app.router.add_get(REDIRECT_PATH, slack_oauth)
    teams = add_teams(app, settings, service)
    app[STATUS] = {"slack": surface.status, "teams": teams, "llm": llm_status(settings)}
    app[PLATFORM_CHECKS] = platform_checks(surface, teams)
    if settings.llm_enabled:
        import bot.llm.metrics  # noqa: F401 - the model's series show at 0 before the first call
    if run_scheduler:
        app[DIGESTS] = DigestSchedule(
            service, lambda: digest_senders(settings, service), interval=digest_interval
        )
        app[STATUS]["digest"] = (
            f"Weekly digest: sent from this server, a round every {digest_interval:g} s"
        )
    app.cleanup_ctx.append(lifecycle)
    if owned:
        app.on_cleanup.append(lambda _app: service.aclose())
    return app
