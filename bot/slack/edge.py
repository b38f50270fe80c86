"""The door of `POST /slack/events`: verify, decode and shape-check a request before Bolt.

Bolt parses the body before it checks the signature and lets a malformed body
or timestamp raise, which became a 500 and a traceback per request (anyone
could flood the log). Here the signature is checked on the raw bytes first:
anything we cannot verify is 401, anything verified but malformed is 400, and
each refusal is one short log line. Bolt then sees only bodies it can handle.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

from bot.bounded_json import Malformed, load_json_object

log = logging.getLogger("toughclient.slack.edge")

MAX_AGE = 5 * 60  # seconds: Slack's own replay window
MAX_BODY_BYTES = 1024 * 1024  # Slack's largest payloads (a full modal view) are far smaller

# Objects a payload may carry; when present they must be objects (or null), never "x".
OBJECT_FIELDS = ("team", "user", "channel", "container", "message", "enterprise", "view")
# Who and where: Bolt reads each as an id string or an object with an "id".
ID_HOLDERS = ("user", "team", "enterprise", "channel")
# Present in any payload, these must be objects: Bolt's middleware calls .get on them.
ALWAYS_OBJECTS = ("view", "event")
# Ids and addresses Bolt and our listeners use as strings (a number or a list is refused).
STRING_FIELDS = (
    "response_url", "trigger_id", "callback_id", "api_app_id", "team_id", "user_id",
    "channel_id", "enterprise_id", "event_id", "token", "command", "text", "type",
)


@dataclass(frozen=True)
class Refusal:
    """Why a request is not handed to Bolt: the status, and the words for client and log."""

    status: int
    reason: str


def signature_valid(raw: bytes, headers: Mapping[str, str], secret: str, now: float) -> str:
    """"" when Slack signed these exact bytes recently; otherwise why not (for the log)."""
    stamp = headers.get("X-Slack-Request-Timestamp", "")
    signature = headers.get("X-Slack-Signature", "")
    if not stamp or not signature:
        return "no signature"
    if not (stamp.isascii() and stamp.isdigit() and len(stamp) <= 12):
        return "a timestamp that is not a whole number of seconds"
    if abs(now - int(stamp)) > MAX_AGE:
        return "a stale timestamp"
    base = b"v0:" + stamp.encode("ascii") + b":" + raw
    expected = "v0=" + hmac.new(secret.encode("utf-8"), base, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected.encode("ascii"), signature.encode("utf-8", "replace")):
        return "a bad signature"
    return ""


def _objects_or_null(payload: dict[str, Any], where: str) -> None:
    for key in OBJECT_FIELDS:
        if key in payload and payload[key] is not None and not isinstance(payload[key], dict):
            raise Malformed(f"{where}: {key!r} is not an object")


def _check_ids(payload: dict[str, Any], where: str) -> None:
    """Who and where, as Bolt reads them from a payload and its event or message: an id
    string or an object whose "id" is a string; authorizations, a list of objects."""
    for key in ID_HOLDERS:
        value = payload.get(key)
        if value is None or isinstance(value, str):
            continue
        if not isinstance(value, dict):
            raise Malformed(f"{where}: {key!r} is neither an id nor an object")
        if value.get("id") is not None and not isinstance(value["id"], str):
            raise Malformed(f"{where}: {key}.id is not a string")
    grants = payload.get("authorizations")
    if grants is not None and not (
        isinstance(grants, list) and all(isinstance(grant, dict) for grant in grants)
    ):
        raise Malformed(f"{where}: 'authorizations' is not a list of objects")
    if grants:
        _check_ids(grants[0], f"{where}.authorizations")


def check_shape(payload: dict[str, Any]) -> None:
    """The fields Bolt and our listeners read must have the type Slack sends."""
    kind = payload.get("type")
    if kind is not None and not isinstance(kind, str):
        raise Malformed("'type' is not a string")
    where = kind or "request"
    for key in ALWAYS_OBJECTS:  # Bolt's own middleware reads these from any payload
        if key in payload and not isinstance(payload[key], dict):
            raise Malformed(f"{where}: {key!r} is not an object")
    for key in STRING_FIELDS:
        if payload.get(key) is not None and not isinstance(payload[key], str):
            raise Malformed(f"{where}: {key!r} is not a string")
    _check_ids(payload, where)
    for nested in ("event", "message", "previous_message"):
        if isinstance(payload.get(nested), dict):
            _check_ids(payload[nested], f"{where}.{nested}")
    if kind not in ("event_callback", "url_verification", "app_rate_limited"):
        _objects_or_null(payload, where)  # interactions: objects, not ids
    if kind == "block_actions":
        actions = payload.get("actions")
        if not isinstance(actions, list) or not actions:
            raise Malformed("block_actions: 'actions' is not a list of actions")
        for action in actions:
            if not isinstance(action, dict) or not isinstance(action.get("action_id"), str):
                raise Malformed("block_actions: an action has no action_id")
    elif kind in ("view_submission", "view_closed"):
        view = payload.get("view")
        if not isinstance(view, dict):
            raise Malformed(f"{kind}: 'view' is not an object")
        state = view.get("state")
        if state is not None and not (
            isinstance(state, dict) and isinstance(state.get("values", {}), dict)
        ):
            raise Malformed(f"{kind}: 'view.state' is not an object of values")
    elif kind == "event_callback":
        event = payload.get("event")
        if not isinstance(event, dict) or not isinstance(event.get("type"), str):
            raise Malformed("event_callback: 'event' is not an event object")
    elif kind in ("shortcut", "message_action") and not isinstance(
        payload.get("callback_id"), str
    ):
        raise Malformed(f"{kind}: 'callback_id' is not a string")


def read_body(raw: bytes, content_type: str) -> str:
    """The body as text Bolt can parse, after checking it is what Slack would send."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise Malformed("the body is not UTF-8") from None
    if content_type.startswith("application/json"):
        check_shape(load_json_object(text, "the body"))
        return text
    try:
        form = dict(parse_qsl(text, keep_blank_values=True, errors="strict"))
    except (ValueError, UnicodeDecodeError):
        raise Malformed("the body is not a form") from None
    if "payload" in form:
        check_shape(load_json_object(form["payload"], "'payload'"))
    elif "command" in form and not form["command"].startswith("/"):
        raise Malformed("'command' is not a slash command")
    return text


def admit(
    raw: bytes, headers: Mapping[str, str], secret: str, *, now: float | None = None
) -> str | Refusal:
    """The body as text for Bolt, or the refusal to answer (logged here in one line)."""
    if len(raw) > MAX_BODY_BYTES:
        return _refuse(413, "the body is too large")
    why = signature_valid(raw, headers, secret, time.time() if now is None else now)
    if why:
        return _refuse(401, f"unverified request: {why}")
    try:
        return read_body(raw, headers.get("Content-Type", "").lower())
    except Malformed as error:
        return _refuse(400, f"malformed request: {error}")


def _refuse(status: int, reason: str) -> Refusal:
    log.warning("slack request refused (%d): %s", status, reason)
    return Refusal(status, reason)
