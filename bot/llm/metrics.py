"""What every model call cost and how it ended, counted for Prometheus and logged.

The counters live in prometheus-client's default registry, so whatever serves
`/metrics` exposes them with no extra wiring.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from prometheus_client import Counter, Histogram

log = logging.getLogger("toughclient.llm")

REWRITES = Counter(
    "toughclient_llm_rewrites", "Model rewrites by how they ended", ["outcome"]
)
TOKENS = Counter("toughclient_llm_tokens", "Tokens used by model rewrites", ["kind"])
LATENCY = Histogram(
    "toughclient_llm_rewrite_seconds",
    "Seconds from asking the model to a checked answer (or giving up)",
    buckets=(0.25, 0.5, 1, 2, 3, 4, 5, 6, 8, 10, 15),
)


@dataclass
class CallStats:
    """Adds up one rewrite's calls (the first and the retry)."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    attempts: int = 0

    def add_usage(self, prompt: int | None, completion: int | None) -> None:
        self.prompt_tokens += prompt or 0
        self.completion_tokens += completion or 0


def record(outcome: str, seconds: float, stats: CallStats, *, model: str, detail: str = "") -> None:
    """One log line and the counters for one rewrite; never any of the user's words."""
    REWRITES.labels(outcome=outcome).inc()
    TOKENS.labels(kind="prompt").inc(stats.prompt_tokens)
    TOKENS.labels(kind="completion").inc(stats.completion_tokens)
    LATENCY.observe(seconds)
    level = logging.INFO if outcome in ("llm", "skipped") else logging.WARNING
    log.log(
        level,
        "llm rewrite outcome=%s model=%s latency_ms=%d attempts=%d prompt_tokens=%d "
        "completion_tokens=%d%s",
        outcome, model, round(seconds * 1000), stats.attempts, stats.prompt_tokens,
        stats.completion_tokens, f" detail={detail}" if detail else "",
    )
