"""MICROSOFT_APP_* settings map to what botbuilder reads, or to one clear error."""

from __future__ import annotations

import pytest

from bot.config import Settings
from bot.teams.auth import (
    TeamsConfigError,
    bot_framework_config,
    is_local_mode,
    local_request_allowed,
    status_line,
)

APP_ID = "3f2504e0-4f89-41d3-9a0c-0305e82c3301"


def test_no_app_id_is_local_mode() -> None:
    settings = Settings()
    assert is_local_mode(settings)
    assert bot_framework_config(settings).APP_ID == ""


def test_single_tenant_maps_every_field() -> None:
    config = bot_framework_config(Settings(
        microsoft_app_id=APP_ID, microsoft_app_password="pw", microsoft_app_type="SINGLETENANT",
        microsoft_app_tenant_id="tenant-1"))
    assert (config.APP_ID, config.APP_PASSWORD, config.APP_TYPE, config.APP_TENANTID) == (
        APP_ID, "pw", "SingleTenant", "tenant-1")


@pytest.mark.parametrize(
    ("app_type", "password", "tenant", "needs"),
    [
        ("SingleTenant", "pw", "", "MICROSOFT_APP_TENANT_ID"),
        ("SingleTenant", "", "t", "MICROSOFT_APP_PASSWORD"),
        ("UserAssignedMSI", "", "", "MICROSOFT_APP_TENANT_ID"),
        ("MultiTenant", "", "", "MICROSOFT_APP_PASSWORD"),
        ("Tenantless", "pw", "t", "MultiTenant"),
    ],
)
def test_incomplete_settings_say_what_is_missing(
    app_type: str, password: str, tenant: str, needs: str
) -> None:
    settings = Settings(microsoft_app_id=APP_ID, microsoft_app_password=password,
                        microsoft_app_type=app_type, microsoft_app_tenant_id=tenant)
    with pytest.raises(TeamsConfigError, match=needs):
        bot_framework_config(settings)


def test_managed_identity_needs_no_password() -> None:
    settings = Settings(microsoft_app_id=APP_ID, microsoft_app_type="UserAssignedMSI",
                        microsoft_app_tenant_id="t")
    assert bot_framework_config(settings).APP_TYPE == "UserAssignedMSI"
    assert status_line(settings) == f"Teams: app {APP_ID} (UserAssignedMSI)"


@pytest.mark.parametrize("peer", ["127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1"])
@pytest.mark.parametrize("service_url", [
    "http://localhost:3978/", "https://LOCALHOST/", "http://127.0.0.1:56000/",
    "http://127.1.2.3/", "http://[::1]:3978/",
])
def test_local_mode_accepts_this_machine_talking_to_itself(peer: str, service_url: str) -> None:
    assert local_request_allowed(peer, service_url)


@pytest.mark.parametrize("peer", [
    "10.0.0.7", "192.168.1.20", "172.17.0.1", "203.0.113.9", "::ffff:10.0.0.7", "fe80::1",
    "0.0.0.0", "", None, "localhost", "not-an-address",
])
def test_local_mode_refuses_a_peer_off_this_machine(peer: str | None) -> None:
    assert not local_request_allowed(peer, "http://localhost:3978/")


@pytest.mark.parametrize("service_url", [
    "https://smba.trafficmanager.net/teams/", "http://10.0.0.5/", "http://169.254.169.254/",
    "http://localhost.evil.example/", "http://127.0.0.1.nip.io/", "http://user@evil.example/",
    "http://localhost@evil.example/", "ftp://localhost/", "file:///etc/passwd",
    "http://localhost:notaport/", "http://2130706433/", "", None,
])
def test_local_mode_refuses_a_service_url_off_this_machine(service_url: str | None) -> None:
    assert not local_request_allowed("127.0.0.1", service_url)


def test_local_mode_refuses_what_a_proxy_or_tunnel_forwarded() -> None:
    assert not local_request_allowed("127.0.0.1", "http://localhost:3978/", proxied=True)


def test_local_mode_status_line_says_this_machine_only() -> None:
    line = status_line(Settings())
    assert line.startswith("Teams: local mode") and "this machine only" in line
