"""Bolt's signature check at our door: forged or stale requests get 401 and do nothing."""

from __future__ import annotations

import json
import time

import pytest

from tests.slack.harness import Harness
from tests.slack.signing import command_body

pytestmark = pytest.mark.asyncio(loop_scope="module")


async def test_url_verification_echoes_the_challenge(slack: Harness) -> None:
    body = json.dumps({"type": "url_verification", "challenge": "abc123", "token": "t"})
    reply = await slack.post(body, "application/json")
    assert reply.status == 200 and reply.json() == {"challenge": "abc123"}


async def test_a_forged_signature_is_refused(slack: Harness) -> None:
    body, ctype = command_body(
        "log Acme forged", response_url=slack.mock.response_url("forged"), trigger_id="tf"
    )
    reply = await slack.post(body, ctype, secret="not-the-secret")
    assert reply.status == 401
    # A later, properly signed request of the same kind: once it is answered, the forged
    # one would have been too, had it got through.
    body, ctype = command_body(
        "log Sentinel Co properly signed",
        response_url=slack.mock.response_url("sentinel"),
        trigger_id="tsentinel",
    )
    assert (await slack.post(body, ctype)).status == 200
    await slack.mock.wait_for(lambda: slack.mock.answers("sentinel"))
    assert slack.mock.answers("forged") == []
    assert slack.service.list_incidents(slack.actor(), customer="Acme") == []


async def test_a_stale_request_is_refused(slack: Harness) -> None:
    body, ctype = command_body(
        "help", response_url=slack.mock.response_url("stale"), trigger_id="ts"
    )
    reply = await slack.post(body, ctype, timestamp=int(time.time()) - 10 * 60)
    assert reply.status == 401


async def test_an_unsigned_request_is_refused(slack: Harness) -> None:
    async with slack.session.post(slack.url("/slack/events"), data="text=help") as resp:
        assert resp.status == 401
