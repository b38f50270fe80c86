"""The Slack load benchmark measures what it says: its warm-up is not part of the batch.

The warm-up once reused the batch's first request (same trigger id and
response URL). The server rightly treated the batch's copy as a redelivery and
did not answer it again, so whenever the warm-up's answer landed before the
mock was cleared, one answer was "missing" and the run waited for it forever.
"""

from __future__ import annotations

from urllib.parse import parse_qs

from benchmarks.slack_load_bench import requests, warm_up_request
from tests.slack.mock_slack import MockSlack


async def test_the_warm_up_shares_no_delivery_key_or_response_url_with_the_batch() -> None:
    mock = MockSlack()
    await mock.start()
    try:
        warm_body, _ = warm_up_request(mock)
        batch = requests(mock)
    finally:
        await mock.close()
    warm = parse_qs(warm_body)
    commands = [parse_qs(body) for body, ctype, _ in batch if "urlencoded" in ctype]
    assert commands
    assert warm["trigger_id"][0] not in {c["trigger_id"][0] for c in commands}
    assert warm["response_url"][0] not in {c["response_url"][0] for c in commands}
