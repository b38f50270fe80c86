"""Answers that could not be delivered: one log line each, and a counter to alert on.

The counter is a Prometheus metric served at GET /metrics
(`toughclient_undelivered_answers_total`, by platform and route), so an
operator sees lost answers without reading logs.
"""

from __future__ import annotations

import logging

from prometheus_client import Counter

log = logging.getLogger("toughclient.undelivered")

UNDELIVERED = Counter(
    "toughclient_undelivered_answers",
    "Answers the user was promised that could not be delivered after every retry.",
    ["platform", "route"],
)


class Undelivered(Exception):
    """An answer could not be handed to the platform; already logged and counted."""


def record_undelivered(platform: str, route: str, detail: str) -> Undelivered:
    """Log and count one lost answer; returns the error for the caller to raise."""
    UNDELIVERED.labels(platform=platform, route=route).inc()
    log.error("answer not delivered (%s %s): %s", platform, route, detail)
    return Undelivered(f"{platform} {route}: {detail}")
