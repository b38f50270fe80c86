"""Bridge our Settings to the configuration object botbuilder reads.

botbuilder's `ConfigurationBotFrameworkAuthentication` looks up upper-case
attributes (APP_ID, APP_PASSWORD, APP_TYPE, APP_TENANTID) on any object;
mapping them here keeps environment reading in bot/config.py alone, and lets
us explain a bad combination in one sentence instead of an SDK traceback.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from botbuilder.integration.aiohttp import (
    CloudAdapter,
    ConfigurationBotFrameworkAuthentication,
)

from bot.config import Settings
from bot.teams import signing_keys

APP_TYPES: dict[str, str] = {
    "singletenant": "SingleTenant",
    "multitenant": "MultiTenant",
    "userassignedmsi": "UserAssignedMSI",
}


class TeamsConfigError(ValueError):
    """The Microsoft app settings cannot work together; the message says which to fix."""


@dataclass(frozen=True)
class BotFrameworkConfig:
    """The attribute names botbuilder's configuration factories expect."""

    APP_ID: str
    APP_PASSWORD: str
    APP_TYPE: str
    APP_TENANTID: str


def app_type_of(settings: Settings) -> str:
    """The canonical spelling of MICROSOFT_APP_TYPE (case-insensitive on input)."""
    raw = (settings.microsoft_app_type or "MultiTenant").strip()
    canonical = APP_TYPES.get(raw.lower())
    if canonical is None:
        choices = ", ".join(APP_TYPES.values())
        raise TeamsConfigError(f"MICROSOFT_APP_TYPE={raw!r} is not one of {choices}")
    return canonical


LOCAL_MODE_REFUSED = (
    "Teams local mode accepts only requests from this machine (a loopback address, with a "
    "loopback serviceUrl); set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD to accept Teams "
    "(see docs/teams.md)"
)
# Headers a reverse proxy, CDN or tunnel (ngrok, devtunnel, nginx, Cloudflare, Akamai) adds:
# the request began elsewhere. Any one of them, or any X-Forwarded-*/X-Original-*, is refused.
PROXY_HEADERS = frozenset({
    "forwarded", "via", "x-real-ip", "x-client-ip", "x-cluster-client-ip", "cf-connecting-ip",
    "true-client-ip", "fastly-client-ip", "x-proxyuser-ip", "x-envoy-external-address",
    "client-ip", "x-originating-ip", "x-remote-ip", "x-remote-addr",
})
PROXY_HEADER_PREFIXES = ("x-forwarded-", "x-original-", "cf-", "x-azure-", "x-arr-")


def proxy_headers_in(headers: Mapping[str, str]) -> list[str]:
    """The names of the headers that say a proxy or tunnel relayed this request."""
    return [
        name for name in headers
        if name.lower() in PROXY_HEADERS or name.lower().startswith(PROXY_HEADER_PREFIXES)
    ]


def is_local_mode(settings: Settings) -> bool:
    """No app id: accept unauthenticated requests from this machine only (Emulator, Playground)."""
    return not settings.microsoft_app_id.strip()


def is_loopback_address(address: str | None) -> bool:
    """127.0.0.0/8, ::1 (and ::ffff:127.x.y.z); anything else, or nothing, is not."""
    if not address:
        return False
    try:
        ip = ipaddress.ip_address(address.strip("[]").split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_loopback


def is_loopback_url(url: str | None) -> bool:
    """An http(s) URL whose host is localhost, 127.x.y.z or [::1]: where the bot may answer."""
    if not url:
        return False
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname
        parts.port  # noqa: B018 - a malformed port raises ValueError here
    except ValueError:
        return False
    if parts.scheme.lower() not in ("http", "https") or not host:
        return False
    return host.lower() == "localhost" or is_loopback_address(host)


def local_request_allowed(
    peer: str | None, service_url: str | None, *, proxied: bool = False
) -> bool:
    """In local mode: the caller is this machine, not through a proxy, and so is serviceUrl.

    Without a token anyone could make the bot POST to any serviceUrl (request
    forgery into the network) and write under any tenant id, so local mode
    serves only the local tools: the Emulator and the Agents Playground.
    """
    return not proxied and is_loopback_address(peer) and is_loopback_url(service_url)


def bot_framework_config(settings: Settings) -> BotFrameworkConfig:
    """Check the combination the chosen app type needs, then map it for the SDK."""
    app_id = settings.microsoft_app_id.strip()
    password = settings.microsoft_app_password
    tenant = settings.microsoft_app_tenant_id.strip()
    app_type = app_type_of(settings) if app_id else "MultiTenant"
    if app_type == "SingleTenant" and not (password and tenant):
        raise TeamsConfigError(
            "MICROSOFT_APP_TYPE=SingleTenant needs MICROSOFT_APP_PASSWORD and "
            "MICROSOFT_APP_TENANT_ID"
        )
    if app_type == "UserAssignedMSI" and not tenant:
        raise TeamsConfigError("MICROSOFT_APP_TYPE=UserAssignedMSI needs MICROSOFT_APP_TENANT_ID")
    if app_type == "MultiTenant" and app_id and not password:
        raise TeamsConfigError("MICROSOFT_APP_ID is set but MICROSOFT_APP_PASSWORD is empty")
    return BotFrameworkConfig(
        APP_ID=app_id, APP_PASSWORD=password, APP_TYPE=app_type, APP_TENANTID=tenant
    )


def build_adapter(settings: Settings) -> CloudAdapter:
    """A CloudAdapter that authenticates the way the settings say."""
    config = bot_framework_config(settings)
    signing_keys.install()  # token keys fetched without blocking the event loop
    return CloudAdapter(ConfigurationBotFrameworkAuthentication(config))


def status_line(settings: Settings) -> str:
    """One line for the startup log saying how Teams requests are checked."""
    if is_local_mode(settings):
        return (
            "Teams: local mode, no MICROSOFT_APP_ID: unauthenticated requests accepted "
            "from this machine only (loopback peer and serviceUrl)"
        )
    return f"Teams: app {settings.microsoft_app_id.strip()} ({app_type_of(settings)})"
