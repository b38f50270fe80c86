"""The weekly digest's deliveries and failures are counted for Prometheus."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from prometheus_client import REGISTRY

from bot.config import Settings
from bot.digest.deliver import deliver_digests
from bot.service import Actor, Service
from bot.slack.digest_sender import SlackDigestSender
from tests.slack.mock_slack import MockSlack

MONDAY = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)  # the default digest hour has passed


def counted(outcome: str) -> float:
    value = REGISTRY.get_sample_value("toughclient_digest_deliveries_total", {"outcome": outcome})
    return value or 0.0


async def test_sent_and_failed_digests_are_counted(
    service: Service, settings: Settings, slack_api: MockSlack
) -> None:
    for user in ("U0ADA", "U0BEN"):
        service.track_promise(Actor("slack", "T0001", user), text="Call Acme back", now=MONDAY)
    config = replace(settings, slack_bot_token="xoxb-test", slack_api_url=slack_api.api_url)
    sent, failed = counted("sent"), counted("failed")

    slack_api.fail("chat.postMessage", "internal_error")
    first = await deliver_digests(service, {"slack": SlackDigestSender(config, service)},
                                  now=MONDAY)
    assert counted("failed") - failed == len(first.failed) == 2

    slack_api.failing.clear()
    later = await deliver_digests(service, {"slack": SlackDigestSender(config, service)},
                                  now=MONDAY.replace(hour=11))
    assert counted("sent") - sent == later.sent == 2
