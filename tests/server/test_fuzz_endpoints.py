"""Hypothesis against the running server: hostile bodies and headers at /slack/events and
/api/messages never get a 5xx or log a traceback, and the server is healthy afterwards.

The server, a mock Slack and a mock Bot Framework connector run on one event loop
for the whole module; each example is one real HTTP request. Examples are bounded
so the module runs in well under a minute in CI.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import aiohttp
import pytest
from aiohttp.test_utils import TestServer
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.server import SLACK, create_app
from tests.slack.harness import slack_settings
from tests.slack.mock_slack import MockSlack
from tests.slack.signing import signed_headers
from tests.teams.conftest import MockConnector, personal_message

FORM = "application/x-www-form-urlencoded"
BOUNDED = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
    | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner,
                                                                 max_size=4),
    max_leaves=12,
)
WORDS = st.one_of(
    st.sampled_from(["log Acme: shouted", "check We can't do that ASAP", "promises", "digest",
                     "incidents", "no refund", "help", "\x00", "[x](https://e.example) **b**",
                     "<!channel>", "\ud800", "log " + "x" * 4000]),
    st.text(max_size=60),
)
SLACK_TYPES = st.sampled_from(["block_actions", "view_submission", "view_closed",
                               "event_callback", "shortcut", "message_action",
                               "url_verification", "block_suggestion", "app_rate_limited", 7])
HEADER_NAMES = st.sampled_from(["Via", "X-Forwarded-For", "Forwarded", "CF-Connecting-IP",
                                "Authorization", "Content-Length-Bogus", "X-Slack-Retry-Num",
                                "X-Slack-Bolt-Lazy-Only", "X-Original-Forwarded-For"])
PRINTABLE = st.characters(min_codepoint=0x20, max_codepoint=0x7E)
HEADERS = st.dictionaries(HEADER_NAMES, st.text(alphabet=PRINTABLE, max_size=20), max_size=3)


@dataclass
class Running:
    loop: asyncio.AbstractEventLoop
    server: TestServer
    session: aiohttp.ClientSession
    connector: MockConnector
    mock: MockSlack
    tracebacks: list[logging.LogRecord]

    def request(self, path: str, body: bytes, headers: dict[str, str]) -> int:
        async def send() -> int:
            url = str(self.server.make_url(path))
            async with self.session.post(url, data=body, headers=headers) as response:
                await response.read()
                return response.status

        return self.loop.run_until_complete(send())


class Tracebacks(logging.Handler):
    def __init__(self, into: list[logging.LogRecord]) -> None:
        super().__init__(logging.WARNING)
        self.into = into

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info or record.levelno >= logging.ERROR:
            self.into.append(record)


@pytest.fixture(scope="module")
def running(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    loop = asyncio.new_event_loop()
    mock = MockSlack()
    connector = MockConnector()
    connector.server = TestServer(connector.app())
    loop.run_until_complete(mock.start())
    loop.run_until_complete(connector.server.start_server())
    settings_ = slack_settings(tmp_path_factory.mktemp("fuzz") / "fuzz.db", mock)
    app = create_app(settings_, run_scheduler=False)
    server = TestServer(app)
    loop.run_until_complete(server.start_server())
    session = loop.run_until_complete(_session())
    tracebacks: list[logging.LogRecord] = []
    handler = Tracebacks(tracebacks)
    logging.getLogger().addHandler(handler)
    try:
        yield Running(loop, server, session, connector, mock, tracebacks)
        deps = app[SLACK].deps
        assert deps is not None
        loop.run_until_complete(deps.background.drain(20))
    finally:
        logging.getLogger().removeHandler(handler)
        loop.run_until_complete(session.close())
        loop.run_until_complete(server.close())
        loop.run_until_complete(connector.server.close())
        loop.run_until_complete(mock.close())
        loop.close()


async def _session() -> aiohttp.ClientSession:
    return aiohttp.ClientSession()


def _signed(body: bytes, content_type: str) -> dict[str, str]:
    headers = signed_headers(body.decode("utf-8", "surrogateescape"))
    if not body.isascii():  # sign the bytes themselves, as Slack does
        import hashlib
        import hmac

        from tests.slack.signing import SECRET

        stamp = headers["X-Slack-Request-Timestamp"]
        mac = hmac.new(SECRET.encode(), b"v0:" + stamp.encode() + b":" + body, hashlib.sha256)
        headers["X-Slack-Signature"] = "v0=" + mac.hexdigest()
    return {"Content-Type": content_type, **headers}


def _bytes(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


@BOUNDED
@given(body=st.binary(max_size=300) | JSON.map(lambda v: _bytes(json.dumps(v))),
       content_type=st.sampled_from(["application/json", "application/x-www-form-urlencoded",
                                     "text/plain", ""]),
       stamp=st.text(max_size=12), headers=HEADERS)
def test_unsigned_or_forged_slack_requests_are_refused_cleanly(
    running: Running, body: bytes, content_type: str, stamp: str, headers: dict[str, str]
) -> None:
    sent = {"Content-Type": content_type, "X-Slack-Request-Timestamp": stamp,
            "X-Slack-Signature": "v0=" + "ab" * 32, **headers}
    sent = {k: v for k, v in sent.items() if all(" " <= c <= "~" for c in v)}
    assert running.request("/slack/events", body, sent) in (400, 401, 413)


@BOUNDED
@given(kind=SLACK_TYPES, fields=st.dictionaries(
    st.sampled_from(["actions", "view", "event", "user", "team", "container", "callback_id",
                     "message", "channel", "trigger_id", "response_url", "enterprise"]),
    JSON, max_size=5), as_form=st.booleans(), headers=HEADERS)
def test_signed_payloads_of_any_shape_never_get_a_5xx(
    running: Running, kind: object, fields: dict[str, Any], as_form: bool,
    headers: dict[str, str]
) -> None:
    payload = {"type": kind, "team": {"id": "T0001"}, "user": {"id": "UFZ"}, **fields}
    text = json.dumps(payload)
    if as_form:
        body, content_type = _bytes(urlencode({"payload": text})), FORM
    else:
        body, content_type = _bytes(text), "application/json"
    sent = {**headers, **_signed(body, content_type)}
    assert running.request("/slack/events", body, sent) < 500


@BOUNDED
@given(text=WORDS, user=st.text(min_size=1, max_size=20), extra=st.dictionaries(
    st.sampled_from(["channel_id", "team_id", "trigger_id", "enterprise_id"]),
    st.text(max_size=20), max_size=2))
def test_signed_slash_commands_with_any_text_never_get_a_5xx(
    running: Running, text: str, user: str, extra: dict[str, str]
) -> None:
    fields = {"command": "/toughclient", "text": text, "team_id": "T0001", "user_id": user,
              "response_url": running.mock.response_url("fuzz"),
              "trigger_id": f"tfz{abs(hash((text, user)))}", **extra}
    body = urlencode({k: v.encode("utf-8", "surrogatepass") for k, v in fields.items()}).encode()
    assert running.request("/slack/events", body, _signed(body, FORM)) < 500


@BOUNDED
@given(text=WORDS, overrides=st.dictionaries(
    st.sampled_from(["type", "value", "name", "channelData", "entities", "conversation",
                     "from", "recipient", "replyToId", "attachments", "textFormat"]),
    JSON, max_size=3), headers=HEADERS, raw=st.none() | st.binary(max_size=200))
def test_teams_activities_of_any_shape_never_get_a_5xx(
    running: Running, text: str, overrides: dict[str, Any], headers: dict[str, str],
    raw: bytes | None
) -> None:
    activity = {**personal_message(running.connector.url, text), **overrides}
    body = raw if raw is not None else _bytes(json.dumps(activity))
    sent = {"Content-Type": "application/json", **headers}
    assert running.request("/api/messages", body, sent) < 500


def test_the_server_is_healthy_after_and_logged_no_traceback(running: Running) -> None:
    async def health() -> int:
        async with running.session.get(str(running.server.make_url("/healthz"))) as response:
            return response.status

    assert running.loop.run_until_complete(health()) == 200
    running.loop.run_until_complete(asyncio.sleep(1))  # work acknowledged before this point
    formatter = logging.Formatter()
    problems = [f"{r.name}: {r.getMessage()}\n{formatter.formatException(r.exc_info)}"
                if r.exc_info else f"{r.name}: {r.getMessage()}" for r in running.tracebacks]
    assert not problems, problems[:5]

