"""Requests signed exactly as Slack signs them (v0 HMAC-SHA256 of `v0:{ts}:{body}`)."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from typing import Any
from urllib.parse import urlencode

SECRET = "test-signing-secret"


def signed_headers(
    body: str, *, secret: str = SECRET, timestamp: int | None = None
) -> dict[str, str]:
    ts = str(int(time.time()) if timestamp is None else timestamp)
    base = f"v0:{ts}:{body}".encode()
    signature = "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": signature}


def command_body(
    text: str,
    *,
    response_url: str,
    trigger_id: str,
    user: str = "U1",
    team: str = "T0001",
    channel: str = "C1",
) -> tuple[str, str]:
    fields = {
        "token": "legacy",
        "team_id": team,
        "team_domain": "test",
        "channel_id": channel,
        "channel_name": "support",
        "user_id": user,
        "user_name": "ada",
        "command": "/toughclient",
        "text": text,
        "api_app_id": "A0001",
        "response_url": response_url,
        "trigger_id": trigger_id,
    }
    return urlencode(fields), "application/x-www-form-urlencoded"


def interactive_body(payload: dict[str, Any]) -> tuple[str, str]:
    return urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded"


def event_body(event: dict[str, Any], *, event_id: str, team: str = "T0001") -> tuple[str, str]:
    envelope = {
        "token": "legacy",
        "team_id": team,
        "api_app_id": "A0001",
        "event": event,
        "type": "event_callback",
        "event_id": event_id,
        "event_time": int(time.time()),
        "authorizations": [
            {"team_id": team, "user_id": "UBOT", "is_bot": True, "is_enterprise_install": False}
        ],
    }
    return json.dumps(envelope), "application/json"
