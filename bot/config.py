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


TRUE_WORDS = ("true", "1", "yes", "on")
FALSE_WORDS = ("false", "0", "no", "off")
DATABASE_SCHEMES = ("sqlite", "postgresql", "postgres", "postgresql+psycopg")


class SettingsError(ValueError):
    """A setting the app cannot run with; the message names it and what it accepts."""


def _flag(name: str, value: str | None, default: bool) -> bool:
    if value is None or value.strip() == "":
        return default
    word = value.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise SettingsError(f"{name}={value!r} is not true or false (use true or false)")


def _whole_number(name: str, value: str | None, default: int, *, low: int, high: int,
                  accepts: str) -> int:
    if value is None or value.strip() == "":
        return default
    text = value.strip()
    if not (text.isascii() and text.isdigit()) or not low <= int(text) <= high:
        raise SettingsError(f"{name}={value!r} is not {accepts}")
    return int(text)


def _names(value: str | None) -> frozenset[str]:
    """A comma- or space-separated list, case-insensitive (Entra ids are GUIDs)."""
    return frozenset(part.strip().lower() for part in (value or "").replace(",", " ").split())


def parse_port(value: str | None, *, name: str = "PORT", default: int = DEFAULT_PORT) -> int:
    return _whole_number(name, value, default, low=1, high=65535,
                         accepts="a port number from 1 to 65535")


def check_database_url(url: str) -> str:
    """A URL for a database we ship a driver for, whose SQLite folder exists; else SettingsError."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    shown = url.split("@")[-1] if "@" in url else url  # never echo a password
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise SettingsError(
            f"DATABASE_URL={shown!r} is not a database URL (use sqlite:///file.db or "
            "postgresql://user:password@host:5432/db)"
        ) from None
    if parsed.drivername not in DATABASE_SCHEMES:
        raise SettingsError(
            f"DATABASE_URL uses {parsed.drivername}://, which toughclient does not support "
            "(use sqlite:///file.db or postgresql://user:password@host:5432/db)"
        )
    if parsed.drivername == "sqlite" and parsed.database and parsed.database != ":memory:":
        folder = Path(parsed.database).expanduser().resolve().parent
        if not folder.is_dir():
            raise SettingsError(
                f"DATABASE_URL names a SQLite file in {folder}, which does not exist "
                "(create the folder or point DATABASE_URL elsewhere)"
            )
    return url


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
    """Build settings from `env` (default: the process environment plus `.env`).

    Raises SettingsError for the first value the app cannot run with, so a typo
    stops the start with one line instead of being silently replaced by a default.
    """
    if env is None:
        if dotenv_path and Path(dotenv_path).is_file():
            from dotenv import load_dotenv

            load_dotenv(dotenv_path, override=False)
        env = dict(os.environ)
    get = env.get
    return Settings(
        database_url=check_database_url(get("DATABASE_URL") or DEFAULT_DATABASE_URL),
        port=parse_port(get("PORT")),
        migrate_on_start=_flag(
            "TOUGHCLIENT_MIGRATE_ON_START", get("TOUGHCLIENT_MIGRATE_ON_START"), True
        ),
        store_drafts=_flag("TOUGHCLIENT_STORE_DRAFTS", get("TOUGHCLIENT_STORE_DRAFTS"), False),
        digest_interval=_whole_number(
            "TOUGHCLIENT_DIGEST_INTERVAL", get("TOUGHCLIENT_DIGEST_INTERVAL"), 0, low=1,
            high=86400, accepts="a whole number of seconds from 1 to 86400",
        ),
        retention_days=_whole_number(
            "TOUGHCLIENT_RETENTION_DAYS", get("TOUGHCLIENT_RETENTION_DAYS"), 90, low=0,
            high=36500, accepts="a whole number of days from 0 (keep everything) to 36500",
        ),
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
