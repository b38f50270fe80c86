"""The manifest a user pastes into Slack names exactly what the code listens for."""

from __future__ import annotations

import re
from pathlib import Path

from bot.config import Settings
from bot.slack import ids

MANIFEST = (Path(__file__).resolve().parents[2] / "manifests" / "slack.yml").read_text()


def test_the_manifest_names_the_command_and_the_shortcut() -> None:
    assert f"command: {ids.COMMAND}\n" in MANIFEST
    assert f"callback_id: {ids.SHORTCUT_COACH_REPLY}\n" in MANIFEST


def test_the_manifest_subscribes_to_every_event_we_handle() -> None:
    for event in ("app_home_opened", "message.im", "tokens_revoked", "app_uninstalled"):
        assert f"      - {event}\n" in MANIFEST


def test_the_manifest_asks_for_the_scopes_oauth_installs_with() -> None:
    for scope in Settings().slack_scopes:
        assert f"      - {scope}\n" in MANIFEST


def test_every_url_points_at_our_one_slack_endpoint() -> None:
    urls = re.findall(r"https://YOUR-HOST\S*", MANIFEST)
    assert urls and all(u.endswith(("/slack/events", "/slack/oauth_redirect")) for u in urls)
    assert "socket_mode_enabled: false" in MANIFEST
