"""compose.yaml, read as Docker Compose reads it: the topology `docker compose up` starts.

No Docker daemon runs here, so the file is parsed and its promises checked:
PostgreSQL with a named volume and a health check, a one-off migration that
runs before any replica and only after the database is healthy, replicas that
never migrate themselves, nginx in front, and secrets only from .env.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]


def compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((ROOT / "compose.yaml").read_text())
    return loaded


def test_the_stack_is_postgres_a_migration_replicas_and_a_proxy() -> None:
    services = compose()["services"]
    assert set(services) == {"db", "migrate", "app", "proxy"}
    assert services["app"]["deploy"]["replicas"] >= 2
    assert services["db"]["image"].startswith("postgres:")
    assert services["proxy"]["image"].startswith("nginx:")


def test_the_database_keeps_its_data_on_a_named_volume() -> None:
    spec = compose()
    volume = spec["services"]["db"]["volumes"][0].split(":")[0]
    assert volume in spec["volumes"]


def test_the_migration_runs_once_before_the_replicas_and_they_never_migrate() -> None:
    services = compose()["services"]
    assert services["migrate"]["command"] == ["python", "app.py", "migrate"]
    assert services["migrate"]["restart"] == "no"
    assert services["migrate"]["depends_on"]["db"]["condition"] == "service_healthy"
    app = services["app"]
    assert app["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert app["environment"]["TOUGHCLIENT_MIGRATE_ON_START"] == "false"
    assert services["proxy"]["depends_on"]["app"]["condition"] == "service_healthy"


def test_every_long_running_service_has_a_health_check_and_replicas_check_readiness() -> None:
    services = compose()["services"]
    for name in ("db", "app", "proxy"):
        assert services[name]["healthcheck"]["test"], name
    assert "/readyz" in " ".join(services["app"]["healthcheck"]["test"])


def test_secrets_come_from_dot_env_never_from_the_file() -> None:
    services = compose()["services"]
    for name in ("migrate", "app"):
        assert services[name]["env_file"] == ".env"
    text = (ROOT / "compose.yaml").read_text()
    # The only password is interpolated from .env, and compose refuses to start without it.
    assert "${POSTGRES_PASSWORD:?" in text
    assert not re.search(r"(TOKEN|SECRET|PASSWORD|API_KEY):\s*[\"']?\w", text.replace(
        "${POSTGRES_PASSWORD", ""))


def test_the_proxy_config_it_mounts_exists_and_balances_the_app_service() -> None:
    proxy = compose()["services"]["proxy"]
    source = proxy["volumes"][0].split(":")[0]
    config = (ROOT / source).read_text()
    assert "server app:3000" in config
    assert "proxy_pass http://toughclient;" in config
    assert "X-Request-Id $request_id" in config
