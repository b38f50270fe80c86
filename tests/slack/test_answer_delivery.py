"""An answer Slack would not take at first is retried; one it never takes is recorded,
and Slack's retry of the same event does the work again instead of being dropped.

Slack's endpoints lie outside this machine: the mock answers 500 or 429 at the
HTTP boundary, the way the probe in issue 9 saw them fail.
"""

from __future__ import annotations

import logging

import pytest

from bot.undelivered import UNDELIVERED
from tests.slack.harness import Harness, dm
from tests.slack.signing import command_body

pytestmark = pytest.mark.asyncio(loop_scope="module")


def undelivered(route: str) -> float:
    return UNDELIVERED.labels(platform="slack", route=route)._value.get()


@pytest.mark.parametrize(("status", "retry_after"), [(500, None), (503, None), (429, "1")])
async def test_a_response_url_that_fails_at_first_still_gets_the_answer(
    slack: Harness, status: int, retry_after: str | None
) -> None:
    slack.mock.fail_responses(status, times=2 if status != 429 else 1, retry_after=retry_after)
    reply, name = await slack.command("help")
    assert reply.status == 200
    await slack.mock.wait_for(lambda: slack.mock.answers(name), timeout=15)
    assert len(slack.mock.answers(name)) == 1


async def test_an_answer_never_taken_is_logged_counted_and_the_command_can_be_redone(
    slack: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    before = undelivered("response_url")
    slack.mock.fail_responses(500, times=4)  # the first try and all three retries
    body, ctype = command_body("log Initech: shouted about the invoice",
                               response_url=slack.mock.response_url("lost"), trigger_id="tlost")
    with caplog.at_level(logging.INFO):
        assert (await slack.post(body, ctype)).status == 200
        await slack.mock.wait_for(lambda: undelivered("response_url") > before, timeout=15)
        await slack.mock.wait_for(lambda: any("released" in r.getMessage()
                                              for r in caplog.records))
    lost = [r for r in caplog.records if "answer not delivered" in r.getMessage()]
    assert len(lost) == 1 and "response_url" in lost[0].getMessage()
    assert not [r for r in caplog.records if r.exc_info]
    assert slack.mock.answers("lost") == []
    # The same request again is not dropped as a duplicate: it is answered, and the
    # incident (keyed by the same trigger id) is still recorded once.
    assert (await slack.post(body, ctype)).status == 200
    await slack.mock.wait_for(lambda: slack.mock.answers("lost"))
    assert len(slack.service.list_incidents(slack.actor(), customer="Initech")) == 1
    async with slack.session.get(slack.url("/metrics")) as resp:
        metrics = await resp.text()
    assert 'toughclient_undelivered_answers_total{platform="slack",route="response_url"}' in metrics


async def test_a_dm_answer_slack_refuses_is_recorded_and_slacks_retry_redoes_it(
    slack: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    before = undelivered("dm")
    slack.mock.http_error("chat.postMessage", 500, times=4)
    event = dm("We can't do that.", user="UDM1")
    with caplog.at_level(logging.INFO):
        assert (await slack.event(event, event_id="EvLost1")).status == 200
        await slack.mock.wait_for(lambda: undelivered("dm") > before, timeout=15)
        await slack.mock.wait_for(lambda: any("released" in r.getMessage()
                                              for r in caplog.records))
    assert len(slack.mock.of("chat.postMessage")) == 4
    # Slack retries the event it saw fail: this time the answer goes through.
    assert (await slack.event(event, event_id="EvLost1", retry=1)).status == 200
    await slack.mock.wait_for(lambda: len(slack.mock.of("chat.postMessage")) == 5)
    answered = slack.mock.of("chat.postMessage")[-1].params
    assert answered["channel"] == "D0DM" and "Hard no" in str(answered)
