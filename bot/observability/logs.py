"""Log lines a machine can read, each carrying the request it belongs to, and no secrets.

`configure` picks the format: readable text at a terminal, one JSON object
per line otherwise (a container, a service manager, a file), which log
collectors parse without regexes. The request id is a context variable, set
when a Slack or Teams request arrives: asyncio copies the context into every
task and `to_thread` call started from there, so the background work after
an ack (coaching, the model rewrite, the answer) logs under the same id.

Secrets never reach a log line: tokens and keys in a message or an exception
(Slack `xox*`/`xapp-` tokens, OpenAI `sk-` keys, `Bearer` headers, passwords
in database URLs) are masked by a filter on the root handler. Draft words are
kept out by the code that logs (counts and codes only), not by a filter.
"""

from __future__ import annotations

import contextvars
import json
import logging
import re
import sys
import uuid
from datetime import UTC, datetime
from typing import Any, TextIO

REQUEST_ID: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "toughclient_request_id", default=None
)
REQUEST_ID_HEADER = "X-Request-Id"
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s%(request_tag)s: %(message)s"
MAX_ID_CHARS = 64

_SECRETS = re.compile(
    r"(?P<token>\b(?:xox[abposr]|xapp)-[A-Za-z0-9-]+"
    r"|\bsk-[A-Za-z0-9_-]{8,}"
    r"|(?i:bearer)\s+[A-Za-z0-9._~+/=-]{8,})"
    r"|(?P<url>(?<=://)[^/\s:@]+:[^/\s@]+(?=@))"
)
_SAFE_ID = re.compile(r"[^A-Za-z0-9._:-]")


def mask_secrets(text: str) -> str:
    """The text with every token, key and URL password replaced by its kind and ***."""

    def replace(match: re.Match[str]) -> str:
        if match.group("url"):
            return match.group("url").split(":", 1)[0] + ":***"
        token = match.group("token")
        if token.lower().startswith("bearer"):
            return "Bearer ***"
        return token.split("-", 1)[0] + "-***"

    return _SECRETS.sub(replace, text)


def new_request_id(given: str | None = None) -> str:
    """The caller's id when it is a sane one (a proxy's X-Request-Id), else a fresh one."""
    if given:
        cleaned = _SAFE_ID.sub("", given)[:MAX_ID_CHARS]
        if cleaned:
            return cleaned
    return uuid.uuid4().hex[:16]


def bind_request_id(given: str | None = None) -> str:
    """Set the id for this context (and every task started from it); returns it."""
    request_id = new_request_id(given)
    REQUEST_ID.set(request_id)
    return request_id


class ContextFilter(logging.Filter):
    """Adds the request id to each record and masks secrets in its message."""

    def filter(self, record: logging.LogRecord) -> bool:
        request_id = REQUEST_ID.get()
        record.request_id = request_id
        record.request_tag = f" [{request_id}]" if request_id else ""
        message = record.getMessage()
        masked = mask_secrets(message)
        if masked != message:
            record.msg, record.args = masked, None
        if record.exc_info and not record.exc_text:
            record.exc_text = mask_secrets(logging.Formatter().formatException(record.exc_info))
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request id, exception."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        request_id = getattr(record, "request_id", None)
        if request_id:
            entry["request_id"] = request_id
        if record.exc_info and not record.exc_text:
            record.exc_text = mask_secrets(self.formatException(record.exc_info))
        if record.exc_text:
            entry["exception"] = record.exc_text
        return json.dumps(entry, ensure_ascii=False)


def configure(level: int = logging.INFO, *, stream: TextIO | None = None,
              json_lines: bool | None = None) -> logging.Handler:
    """Route every logger through one handler on `stream` (default stderr).

    `json_lines` None decides by the stream: text at a terminal, JSON elsewhere.
    """
    stream = stream or sys.stderr
    if json_lines is None:
        json_lines = not (hasattr(stream, "isatty") and stream.isatty())
    handler = logging.StreamHandler(stream)
    handler.addFilter(ContextFilter())
    handler.setFormatter(JsonFormatter() if json_lines else logging.Formatter(TEXT_FORMAT))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    return handler
