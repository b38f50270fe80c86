"""The Socket Mode manifest is the HTTP one without URLs: same app, nothing to verify."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

MANIFESTS = Path(__file__).resolve().parents[2] / "manifests"


def load(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((MANIFESTS / name).read_text())
    return loaded


def without_urls(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: without_urls(v) for k, v in node.items()
                if k not in ("url", "request_url", "message_menu_options_url", "redirect_urls",
                             "socket_mode_enabled")}
    if isinstance(node, list):
        return [without_urls(item) for item in node]
    return node


def test_socket_mode_is_on_and_no_url_is_left_to_verify() -> None:
    socket = load("slack-socket.yml")
    assert socket["settings"]["socket_mode_enabled"] is True
    assert "YOUR-HOST" not in (MANIFESTS / "slack-socket.yml").read_text()


def test_both_manifests_declare_the_same_app() -> None:
    assert without_urls(load("slack-socket.yml")) == without_urls(load("slack.yml"))
