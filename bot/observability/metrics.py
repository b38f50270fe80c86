"""Every Prometheus metric the server exposes at GET /metrics, defined once.

They live in prometheus-client's default registry, next to the model
rewriter's (bot.llm.metrics: `toughclient_llm_*`) and the undelivered answers
(`toughclient_undelivered_answers_total`), so one `generate_latest()` serves
them all. Labels are small fixed sets (surfaces, flag codes, outcomes):
never a user, a workspace or any words of a draft.
"""

from __future__ import annotations

from collections.abc import Iterable

from prometheus_client import Counter, Histogram

# Slack gives an ack 3 s and Teams an invoke 5 s: the buckets resolve both.
ACK_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10)
COACH_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5)

REQUESTS = Counter(
    "toughclient_requests",
    "Platform requests by surface and HTTP status class",
    ["surface", "status"],
)
ACK_SECONDS = Histogram(
    "toughclient_ack_seconds",
    "Seconds from a platform request arriving to its HTTP answer (the ack)",
    ["surface"],
    buckets=ACK_BUCKETS,
)
COACH_SECONDS = Histogram(
    "toughclient_coach_seconds",
    "Seconds the rules coach took for one draft (no database, no model)",
    buckets=COACH_BUCKETS,
)
FLAGS = Counter("toughclient_flags", "Flags raised by the coach, by code", ["code"])
DIGESTS = Counter(
    "toughclient_digest_deliveries",
    "Weekly digests by outcome (sent, failed, skipped)",
    ["outcome"],
)
DATABASE_ERRORS = Counter(
    "toughclient_database_errors",
    "Database failures: transient ones retried, and units of work given up (unavailable)",
    ["kind"],
)


def observe_request(surface: str, status: int, seconds: float) -> None:
    REQUESTS.labels(surface=surface, status=f"{status // 100}xx").inc()
    ACK_SECONDS.labels(surface=surface).observe(seconds)


def observe_coaching(seconds: float, codes: Iterable[str]) -> None:
    COACH_SECONDS.observe(seconds)
    for code in codes:
        FLAGS.labels(code=code).inc()


def observe_digests(*, sent: int, failed: int, skipped: int = 0) -> None:
    for outcome, count in (("sent", sent), ("failed", failed), ("skipped", skipped)):
        if count:
            DIGESTS.labels(outcome=outcome).inc(count)


def database_error(kind: str) -> None:
    """`transient` for a failure about to be retried, `unavailable` when retries ran out."""
    DATABASE_ERRORS.labels(kind=kind).inc()
