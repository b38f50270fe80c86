"""Builds the Bolt app for whichever way Slack is connected, or says why it is off.

Three ways in: one workspace (bot token + signing secret, HTTP), many
workspaces (OAuth client id/secret, installations in our database), or
Socket Mode (app-level token, no public URL). Every Web API client gets
`SLACK_API_URL` and retries server errors and rate limits (bot.slack.retries).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Literal

from aiohttp import ClientSession
from slack_bolt.async_app import AsyncApp
from slack_bolt.oauth.async_oauth_flow import AsyncOAuthFlow
from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings
from slack_sdk.web.async_client import AsyncWebClient

from bot.config import Settings
from bot.service import Service
from bot.slack.deps import Deps
from bot.slack.errors import handle_error
from bot.slack.installations import ThreadedInstallationStore, ThreadedOAuthStateStore
from bot.slack.listeners import register_listeners
from bot.slack.middleware import attach_deps
from bot.slack.retries import RATE_LIMIT_RETRIES, answer_retry_handlers

Mode = Literal["off", "single", "oauth", "socket"]
DEFAULT_API_URL = "https://slack.com/api/"
INSTALL_PATH = "/slack/install"
REDIRECT_PATH = "/slack/oauth_redirect"

OFF_REASON = (
    "Slack is off: no Slack settings. Set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET for one "
    "workspace, SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_SIGNING_SECRET for OAuth, "
    "or SLACK_APP_TOKEN and SLACK_BOT_TOKEN for Socket Mode."
)


@dataclass(frozen=True)
class SlackSurface:
    """The Bolt app (None when off), how it is connected, and one line for the startup log."""

    app: AsyncApp | None
    mode: Mode
    status: str
    app_token: str = ""
    deps: Deps | None = None
    signing_secret: str = ""


def api_url(settings: Settings) -> str:
    url = settings.slack_api_url or DEFAULT_API_URL
    return url if url.endswith("/") else url + "/"


def web_client(
    settings: Settings,
    token: str | None = None,
    *,
    session: ClientSession | None = None,
    rate_limit_retries: int = RATE_LIMIT_RETRIES,
) -> AsyncWebClient:
    """A Web API client that waits out 429s (Retry-After) and retries dropped connections.

    `session` shares one connection pool across many calls (the weekly digest round).
    """
    return AsyncWebClient(
        token=token or None,
        base_url=api_url(settings),
        session=session,
        retry_handlers=answer_retry_handlers(rate_limit_retries=rate_limit_retries),
    )


def choose_mode(settings: Settings) -> tuple[Mode, str]:
    """The connection mode, or "off" with the reason in words a person can act on."""
    if settings.slack_app_token:
        if not settings.slack_bot_token:
            return "off", "Slack is off: SLACK_APP_TOKEN (Socket Mode) also needs SLACK_BOT_TOKEN."
        return "socket", "Slack: Socket Mode (no public URL needed)"
    if settings.slack_oauth_enabled:
        if not settings.slack_signing_secret:
            return "off", "Slack is off: OAuth needs SLACK_SIGNING_SECRET as well."
        return "oauth", f"Slack: OAuth for many workspaces, install at {INSTALL_PATH}"
    if settings.slack_bot_token or settings.slack_signing_secret:
        missing = "SLACK_SIGNING_SECRET" if settings.slack_bot_token else "SLACK_BOT_TOKEN"
        if not (settings.slack_bot_token and settings.slack_signing_secret):
            return "off", f"Slack is off: {missing} is not set."
        return "single", "Slack: one workspace over HTTP at POST /slack/events"
    return "off", OFF_REASON


def oauth_flow(settings: Settings, service: Service) -> AsyncOAuthFlow:
    oauth = AsyncOAuthSettings(
        client_id=settings.slack_client_id,
        client_secret=settings.slack_client_secret,
        scopes=list(settings.slack_scopes),
        installation_store=ThreadedInstallationStore(
            service.slack_installation_store(settings.slack_client_id)
        ),
        state_store=ThreadedOAuthStateStore(service.slack_oauth_state_store()),
        install_path=INSTALL_PATH,
        redirect_uri_path=REDIRECT_PATH,
    )
    return AsyncOAuthFlow(client=web_client(settings), settings=oauth)


def _without_token_warning(record: logging.LogRecord) -> bool:
    """Bolt reads SLACK_BOT_TOKEN from the environment on its own and then warns
    that our client (which carries that same token) makes it unused: true, and
    alarming to read at every start, so the line is dropped."""
    return "`token` will be unused" not in record.getMessage()


def build_slack(
    settings: Settings, service: Service, *, logger: logging.Logger | None = None
) -> SlackSurface:
    mode, status = choose_mode(settings)
    if mode == "off":
        return SlackSurface(None, mode, status)
    log = logger or logging.getLogger("toughclient.slack")
    log.addFilter(_without_token_warning)
    # Bolt awaits each listener and answers when it returns; `reported` (bot.slack.safety)
    # returns right after ack() and moves the work to a background task of its own.
    if mode == "oauth":
        app = AsyncApp(
            logger=log,
            signing_secret=settings.slack_signing_secret,
            client=web_client(settings),
            oauth_flow=oauth_flow(settings, service),
            process_before_response=True,
        )
    else:
        app = AsyncApp(
            logger=log,
            signing_secret=settings.slack_signing_secret,
            client=web_client(settings, settings.slack_bot_token),
            request_verification_enabled=mode != "socket" or bool(settings.slack_signing_secret),
            process_before_response=True,
        )
    deps = Deps(settings=settings, service=service)
    app.use(attach_deps(deps))
    app.error(handle_error)
    register_listeners(app)
    token = settings.slack_app_token if mode == "socket" else ""
    return SlackSurface(app, mode, status, token, deps, settings.slack_signing_secret)
