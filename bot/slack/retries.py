"""How long we keep trying to hand Slack an answer, for the Web API and response URLs alike.

An answer the user was promised (the ack said "working on it") must not be
lost to one 500 or 429: server errors are retried with exponential backoff,
rate limits after the `Retry-After` Slack names, and both within a bound, so a
task never waits for an hour because a header said so. What still fails is
`Undelivered`: logged once and counted (`bot.slack.undelivered`).
"""

from __future__ import annotations

import asyncio
import random

from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
)
from slack_sdk.http_retry.builtin_interval_calculators import BackoffRetryIntervalCalculator
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState

RATE_LIMIT_RETRIES = 3
SERVER_ERROR_RETRIES = 3  # waits of about 0.5, 1 and 2 s
MAX_RETRY_AFTER = 10.0  # seconds; a longer Retry-After gives up (and is recorded) instead
SERVER_ERRORS = frozenset({500, 502, 503, 504})


def retry_after(response: HttpResponse | None) -> float | None:
    """Seconds from a `Retry-After` header (a number of seconds), or None when absent or odd."""
    if response is None:
        return None
    for name, values in response.headers.items():
        if name.lower() == "retry-after" and values:
            # The Web API client gives lists of values, the webhook client plain strings.
            value = values if isinstance(values, str) else values[0]
            try:
                seconds = float(value)
            except ValueError:
                return None
            return seconds if seconds >= 0 else None
    return None


class BoundedRateLimitRetryHandler(AsyncRateLimitErrorRetryHandler):
    """Slack's 429: wait what `Retry-After` says, if that is at most MAX_RETRY_AFTER."""

    async def _can_retry_async(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        if response is None or response.status_code != 429:
            return False
        wait = retry_after(response)
        return wait is None or wait <= MAX_RETRY_AFTER

    async def prepare_for_next_attempt_async(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> None:
        wait = retry_after(response)
        await asyncio.sleep((1.0 if wait is None else wait) + random.random() / 4)
        state.next_attempt_requested = True
        state.increment_current_attempt()


class ServerErrorRetryHandler(AsyncRetryHandler):
    """A 5xx from Slack is usually a blip: try again with exponential backoff."""

    async def _can_retry_async(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        return response is not None and response.status_code in SERVER_ERRORS


def answer_retry_handlers(
    *, rate_limit_retries: int = RATE_LIMIT_RETRIES
) -> list[AsyncRetryHandler]:
    """Fresh handlers (they count attempts) for one Web API client or one response URL post.

    Background work that can wait (the weekly digest) asks for more 429 retries."""
    return [
        AsyncConnectionErrorRetryHandler(),
        BoundedRateLimitRetryHandler(max_retry_count=rate_limit_retries),
        ServerErrorRetryHandler(
            max_retry_count=SERVER_ERROR_RETRIES,
            interval_calculator=BackoffRetryIntervalCalculator(backoff_factor=0.5),
        ),
    ]
