"""Settings from the environment: the one place that reads environment variables.

Names are the contract in product.md; a `.env` file in the working directory
is read first when present, and real environment variables win over it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_DATABASE_URL = "sqlite:///toughclient.db"
DEFAULT_PORT = 3000
DEFAULT_OPENAI_MODEL = "gpt-4o-mini"
DEFAULT_OPENAI_TIMEOUT = 8.0  # seconds for one whole model rewrite, the retry included


def _flag(value: str | None, default: bool) -> bool:
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _names(value: str | None) -> frozenset[str]:
    """A comma- or space-separated list, case-insensitive (Entra ids are GUIDs)."""
    return frozenset(part.strip().lower() for part in (value or "").replace(",", " ").split())


def _float(value: str | None, default: float) -> float:
    try:
        return float(value) if value not in (None, "") else default
    except ValueError:
        return default


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value not in (None, "") else default
    except ValueError:
        return default


def _seconds(value: str | None, default: float) -> float:
    """A positive number of seconds; anything else (empty, 0, junk) is the default."""
    try:
        seconds = float(value) if value not in (None, "") else default
    except ValueError:
        return default
    return seconds if 0 < seconds < float("inf") else default


def normalize_database_url(url: str) -> str:
    """Pick the driver ourselves so users can paste plain URLs.

    `postgres://` and `postgresql://` become psycopg 3 (the driver we ship);
    a URL that already names a driver is left alone.
    """
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    if url.startswith("postgresql://"):
        return "postgresql+psycopg://" + url[len("postgresql://"):]
    return url


@dataclass(frozen=True)
class Settings:
    database_url: str = DEFAULT_DATABASE_URL
    port: int = DEFAULT_PORT
    migrate_on_start: bool = True
    store_drafts: bool = False
    retention_days: int = 90
    digest_interval: float = 0.0  # seconds between the server's digest rounds; 0: the default

    slack_bot_token: str = ""
    slack_signing_secret: str = ""
    slack_app_token: str = ""
    slack_client_id: str = ""
    slack_client_secret: str = ""
    slack_api_url: str = ""
    slack_scopes: tuple[str, ...] = field(
        default=(
            "commands",
            "chat:write",
            "im:history",
            "im:write",
            "users:read",
        )
    )

    microsoft_app_id: str = ""
    microsoft_app_password: str = ""
    microsoft_app_type: str = "MultiTenant"
    microsoft_app_tenant_id: str = ""
    # Entra object ids (or Teams user ids) of the tenant admins who may see and switch
    # team trends: Teams does not tell a bot who is an admin.
    teams_admins: frozenset[str] = frozenset()

    openai_api_key: str = ""
    openai_base_url: str = ""
    openai_model: str = DEFAULT_OPENAI_MODEL
    openai_timeout: float = DEFAULT_OPENAI_TIMEOUT

    @property
    def sqlalchemy_url(self) -> str:
        return normalize_database_url(self.database_url)

    @property
    def slack_oauth_enabled(self) -> bool:
        return bool(self.slack_client_id and self.slack_client_secret)

    @property
    def slack_enabled(self) -> bool:
        over_http = self.slack_signing_secret and (self.slack_bot_token or self.slack_oauth_enabled)
        over_socket = self.slack_app_token and self.slack_bot_token
        return bool(over_http or over_socket)

    @property
    def llm_enabled(self) -> bool:
        return bool(self.openai_api_key)


def load_settings(
    env: dict[str, str] | None = None, *, dotenv_path: str | Path | None = ".env"
) -> Settings:
    """Build settings from `env` (default: the process environment plus `.env`)."""
    if env is None:
        if dotenv_path and Path(dotenv_path).is_file():
            from dotenv import load_dotenv

            load_dotenv(dotenv_path, override=False)
        env = dict(os.environ)
    get = env.get
    return Settings(
        database_url=get("DATABASE_URL") or DEFAULT_DATABASE_URL,
        port=_int(get("PORT"), DEFAULT_PORT),
        migrate_on_start=_flag(get("TOUGHCLIENT_MIGRATE_ON_START"), True),
        store_drafts=_flag(get("TOUGHCLIENT_STORE_DRAFTS"), False),
        retention_days=max(0, _int(get("TOUGHCLIENT_RETENTION_DAYS"), 90)),
        digest_interval=max(0.0, _float(get("TOUGHCLIENT_DIGEST_INTERVAL"), 0.0)),
        slack_bot_token=get("SLACK_BOT_TOKEN", ""),
        slack_signing_secret=get("SLACK_SIGNING_SECRET", ""),
        slack_app_token=get("SLACK_APP_TOKEN", ""),
        slack_client_id=get("SLACK_CLIENT_ID", ""),
        slack_client_secret=get("SLACK_CLIENT_SECRET", ""),
        slack_api_url=get("SLACK_API_URL", ""),
        microsoft_app_id=get("MICROSOFT_APP_ID", ""),
        microsoft_app_password=get("MICROSOFT_APP_PASSWORD", ""),
        microsoft_app_type=get("MICROSOFT_APP_TYPE") or "MultiTenant",
        microsoft_app_tenant_id=get("MICROSOFT_APP_TENANT_ID", ""),
        teams_admins=_names(get("TOUGHCLIENT_TEAMS_ADMINS")),
        openai_api_key=get("OPENAI_API_KEY", ""),
        openai_base_url=get("OPENAI_BASE_URL", ""),
        openai_model=get("OPENAI_MODEL") or DEFAULT_OPENAI_MODEL,
        openai_timeout=_seconds(get("OPENAI_TIMEOUT"), DEFAULT_OPENAI_TIMEOUT),
    )
