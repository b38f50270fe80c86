"""MICROSOFT_APP_* settings map to what botbuilder reads, or to one clear error."""

from __future__ import annotations

import pytest

from bot.config import Settings
from bot.teams.auth import TeamsConfigError, bot_framework_config, is_local_mode, status_line

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
