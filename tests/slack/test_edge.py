"""Hostile bodies at /slack/events: 401 when unverifiable, 400 when malformed, one log line.

Each request here is one the probe in issue 9 sent and got a 500 and a
traceback for; after each, a signed command still works.
"""

from __future__ import annotations

import json
import logging
from urllib.parse import urlencode

import pytest
from aiohttp import ClientSession

from tests.slack.harness import Harness, Reply

pytestmark = pytest.mark.asyncio(loop_scope="module")

FORM = "application/x-www-form-urlencoded"
DEEP_JSON = "[" * 1000 + "]" * 1000


async def raw_post(slack: Harness, body: bytes, headers: dict[str, str]) -> Reply:
    session: ClientSession = slack.session
    async with session.post(slack.url("/slack/events"), data=body, headers=headers) as resp:
        return Reply(resp.status, await resp.text())


def signed_bytes(body: bytes, content_type: str) -> dict[str, str]:
    """Slack's signature over bytes that may not be UTF-8."""
    import hashlib
    import hmac
    import time

    from tests.slack.signing import SECRET

    ts = str(int(time.time()))
    mac = hmac.new(SECRET.encode(), b"v0:" + ts.encode() + b":" + body, hashlib.sha256)
    return {
        "Content-Type": content_type,
        "X-Slack-Request-Timestamp": ts,
        "X-Slack-Signature": "v0=" + mac.hexdigest(),
    }


async def still_serving(slack: Harness) -> None:
    reply, name = await slack.command("help")
    assert reply.status == 200
    await slack.mock.wait_for(lambda: slack.mock.answers(name))


def no_traceback(caplog: pytest.LogCaptureFixture) -> None:
    assert not [r for r in caplog.records if r.exc_info], "a traceback was logged"
    assert all("\n" not in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"payload=notjson", FORM),
        (b"[]", "application/json"),
        (b"text=\xff", FORM),
        (DEEP_JSON.encode(), "application/json"),
        (b"payload=" + DEEP_JSON.encode(), FORM),
    ],
    ids=["payload-notjson", "json-array", "invalid-utf8", "deep-json", "deep-payload"],
)
async def test_an_unsigned_malformed_body_is_401_with_one_line(
    slack: Harness, caplog: pytest.LogCaptureFixture, body: bytes, content_type: str
) -> None:
    with caplog.at_level(logging.INFO):
        reply = await raw_post(slack, body, {"Content-Type": content_type})
    assert reply.status == 401
    no_traceback(caplog)
    refusals = [r for r in caplog.records if "refused" in r.getMessage()]
    assert len(refusals) == 1
    await still_serving(slack)


@pytest.mark.parametrize("stamp", ["abc", "1.5e9", "", "-1", "١٢٣"])
async def test_a_timestamp_that_is_not_whole_seconds_is_401(
    slack: Harness, caplog: pytest.LogCaptureFixture, stamp: str
) -> None:
    headers = {
        "Content-Type": FORM,
        "X-Slack-Request-Timestamp": stamp,
        "X-Slack-Signature": "v0=" + "0" * 64,
    }
    with caplog.at_level(logging.INFO):
        reply = await raw_post(slack, b"text=help", headers)
    assert reply.status == 401
    no_traceback(caplog)


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"payload=notjson", FORM),
        (b"[]", "application/json"),
        (b"text=\xff", FORM),
        (b"text=%FF", FORM),
        (DEEP_JSON.encode(), "application/json"),
        (b"payload=" + urlencode({"x": DEEP_JSON}).encode()[2:], FORM),
        (b'{"type": 5}', "application/json"),
    ],
    ids=["payload-notjson", "json-array", "invalid-utf8", "percent-ff", "deep-json",
         "deep-payload", "type-not-a-string"],
)
async def test_a_signed_malformed_body_is_400_with_one_line(
    slack: Harness, caplog: pytest.LogCaptureFixture, body: bytes, content_type: str
) -> None:
    with caplog.at_level(logging.INFO):
        reply = await raw_post(slack, body, signed_bytes(body, content_type))
    assert reply.status == 400, reply.text
    no_traceback(caplog)
    await still_serving(slack)


BASE = {"team": {"id": "T0001"}, "user": {"id": "U1"}, "api_app_id": "A0001"}


@pytest.mark.parametrize(
    "payload",
    [
        {**BASE, "type": "block_actions", "actions": "x"},
        {**BASE, "type": "block_actions", "actions": [{}]},
        {**BASE, "type": "block_actions", "actions": []},
        {**BASE, "type": "view_submission", "view": None},
        {**BASE, "type": "view_submission", "view": {"id": "V1", "state": "x"}},
        {**BASE, "type": "shortcut", "callback_id": 7},
        {**BASE, "type": "block_actions", "user": "U1",
         "actions": [{"action_id": "a", "value": "v"}]},
        # Found by the fuzz test (tests/server/test_fuzz_endpoints.py): each crashed Bolt.
        {**BASE, "type": "block_suggestion", "view": None},
        {**BASE, "type": "url_verification", "event": None},
        {**BASE, "type": "shortcut", "callback_id": "c", "response_url": 1.5},
        {"type": "event_callback", "user": True, "event": {"type": "message"}},
        {"type": "event_callback", "authorizations": [1], "event": {"type": "message"}},
        {**BASE, "type": "block_actions", "user": {"id": 5},
         "actions": [{"action_id": "a"}]},
    ],
    ids=["actions-string", "action-empty", "no-actions", "view-null", "state-string",
         "callback-not-string", "user-string", "suggestion-view-null", "event-null",
         "response-url-number", "user-bool", "authorizations-numbers", "user-id-number"],
)
async def test_a_signed_interaction_of_the_wrong_shape_is_400(
    slack: Harness, caplog: pytest.LogCaptureFixture, payload: dict
) -> None:
    body = urlencode({"payload": json.dumps(payload)})
    with caplog.at_level(logging.INFO):
        reply = await slack.post(body, FORM)
    assert reply.status == 400, reply.text
    no_traceback(caplog)
    await still_serving(slack)


@pytest.mark.parametrize("event", ["x", None, {"no": "type"}, {"type": "message", "user": []}])
async def test_a_signed_event_callback_of_the_wrong_shape_is_answered_without_a_500(
    slack: Harness, caplog: pytest.LogCaptureFixture, event: object
) -> None:
    envelope = {"type": "event_callback", "team_id": "T0001", "api_app_id": "A0001",
                "event_id": slack.next_id("EvBad"), "event": event}
    with caplog.at_level(logging.INFO):
        reply = await slack.post(json.dumps(envelope), "application/json")
    assert reply.status in (200, 400), reply.text
    no_traceback(caplog)
    await still_serving(slack)


async def test_bolts_own_headers_from_a_client_are_ignored(slack: Harness) -> None:
    """`x-slack-bolt-lazy-only` would make Bolt skip the ack; a client may not set it."""
    body = urlencode({"command": "/toughclient", "text": "help", "team_id": "T0001",
                      "user_id": "U1", "response_url": slack.mock.response_url("lazy"),
                      "trigger_id": "tlazy"})
    reply = await slack.post(body, FORM, headers={"X-Slack-Bolt-Lazy-Only": "1"})
    assert reply.status == 200
    await slack.mock.wait_for(lambda: slack.mock.answers("lazy"))


async def test_signature_check_reads_the_raw_bytes() -> None:
    from multidict import CIMultiDict

    from bot.slack.edge import admit

    body = b"text=\xffhelp"
    headers = CIMultiDict(signed_bytes(body, FORM))
    refused = admit(body, headers, "another-secret")
    assert not isinstance(refused, str) and refused.status == 401
    admitted = admit(body, headers, "test-signing-secret")
    assert not isinstance(admitted, str) and admitted.status == 400  # verified, then not UTF-8
