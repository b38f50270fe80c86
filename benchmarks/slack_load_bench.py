"""Slack load: 200 concurrent signed slash commands and DMs against the running server.

Starts `python app.py serve` in its own process (as in production, so the
load generator does not share its event loop) on a fresh SQLite file, with a
local mock of Slack's Web API. Prints p50/p99 time to acknowledge, the error
count (must be 0), and checks that every logged incident exists exactly once,
retried deliveries included.
"""

from __future__ import annotations

import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

from bot.config import Settings
from bot.service import Actor, build_service
from tests.slack.harness import dm
from tests.slack.mock_slack import TEAM_ID, MockSlack
from tests.slack.signing import SECRET, command_body, event_body, signed_headers

ROOT = Path(__file__).resolve().parents[1]
TOTAL = 200
LOGS, CHECKS = 80, 60  # the rest are DMs
RETRIES = 20  # log commands delivered twice, as Slack does after a timeout
WARM_UP = "bench-warm-up"
ANSWER_TIMEOUT = 45.0  # normally ~1 s; longer than any client timeout, so failures get logged
DRAFTS = (
    "We can't do that. I'll get right back to you.",
    "I understand. Per my last email, this is policy.",
    "Thanks for flagging it! I'll call you by 3pm tomorrow with a fix.",
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def wait_healthy(session: aiohttp.ClientSession, base: str) -> None:
    for _ in range(200):
        try:
            async with session.get(f"{base}/healthz") as resp:
                if resp.status == 200:
                    return
        except aiohttp.ClientError:
            pass
        await asyncio.sleep(0.05)
    raise RuntimeError("the server did not become healthy")


async def timed_post(
    session: aiohttp.ClientSession, base: str, body: str, ctype: str, extra: dict[str, str]
) -> tuple[float, int]:
    headers = {"Content-Type": ctype, **signed_headers(body, secret=SECRET), **extra}
    started = time.perf_counter()
    try:
        async with session.post(f"{base}/slack/events", data=body, headers=headers) as resp:
            await resp.read()
            status = resp.status
    except aiohttp.ClientError:
        status = 0
    return (time.perf_counter() - started) * 1000, status


def warm_up_request(mock: MockSlack) -> tuple[str, str]:
    """`/toughclient help`, sharing no trigger id or response URL with the measured batch."""
    return command_body(
        "help", response_url=mock.response_url(WARM_UP), trigger_id=WARM_UP, user="U0"
    )


def requests(mock: MockSlack) -> list[tuple[str, str, dict[str, str]]]:
    built: list[tuple[str, str, dict[str, str]]] = []
    for i in range(LOGS):
        body, ctype = command_body(
            f"log Customer-{i}: raised their voice on call {i}",
            response_url=mock.response_url(f"log{i}"),
            trigger_id=f"bench-log-{i}",
            user=f"U{i % 25}",
        )
        built.append((body, ctype, {}))
    for i in range(CHECKS):
        body, ctype = command_body(
            DRAFTS[i % len(DRAFTS)],
            response_url=mock.response_url(f"check{i}"),
            trigger_id=f"bench-check-{i}",
            user=f"U{i % 25}",
        )
        built.append((body, ctype, {}))
    for i in range(TOTAL - LOGS - CHECKS):
        event = dm(DRAFTS[i % len(DRAFTS)], user=f"U{i % 25}")
        body, ctype = event_body(event, event_id=f"EvBench{i}")
        built.append((body, ctype, {}))
    return built


async def run() -> int:
    mock = MockSlack()
    await mock.start()
    workdir = Path(tempfile.mkdtemp(prefix="toughclient-bench-"))
    database = f"sqlite:///{workdir / 'bench.db'}"
    port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DATABASE_"))},
        "DATABASE_URL": database,
        "PORT": str(port),
        "SLACK_BOT_TOKEN": "xoxb-bench",
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": mock.api_url,
    }
    log_path = workdir / "server.log"
    log_file = log_path.open("w")  # a file, not a pipe: a full pipe would stall the server
    server = subprocess.Popen(
        [
            sys.executable,
            *os.environ.get("BENCH_SERVER_PREFIX", "").split(),
            "app.py",
            "serve",
            "--host",
            "127.0.0.1",
        ],
        cwd=ROOT,
        env=env,
        stdout=log_file,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    stalled = False
    try:
        connector = aiohttp.TCPConnector(limit=0)
        async with aiohttp.ClientSession(connector=connector) as session:
            await wait_healthy(session, base)
            # Warm-up (auth.test, first connections) with a request of its own: reusing one
            # from the batch made that one a redelivery, deduplicated and never answered.
            await timed_post(session, base, *warm_up_request(mock), {})
            await mock.wait_for(lambda: mock.answers(WARM_UP), timeout=ANSWER_TIMEOUT)
            mock.clear()
            batch = requests(mock)
            retry = {"X-Slack-Retry-Num": "1"}
            retries = [(body, ctype, retry) for body, ctype, _ in batch[:RETRIES]]
            started = time.perf_counter()
            results = await asyncio.gather(
                *(timed_post(session, base, body, ctype, extra) for body, ctype, extra in batch)
            )
            retried = await asyncio.gather(
                *(timed_post(session, base, body, ctype, extra) for body, ctype, extra in retries)
            )
            dms = TOTAL - LOGS - CHECKS

            def done() -> bool:
                posts = mock.of("chat.postMessage")
                return len(mock.responses) >= LOGS + CHECKS and len(posts) >= dms

            try:
                await mock.wait_for(done, timeout=ANSWER_TIMEOUT)
            except AssertionError:
                stalled = True  # reported below, with the answers that never came
            finished = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=10)
        log_file.close()
        await mock.close()

    acks = sorted(ms for ms, _ in results + retried)
    errors = sum(1 for _, status in results + retried if status != 200)
    service = build_service(Settings(database_url=database))
    try:
        counts: dict[str, int] = {}
        # incidents are a workspace-wide review: any member of the team sees them all
        for incident in service.list_incidents(Actor("slack", TEAM_ID, "U0"), limit=1000):
            counts[incident.customer] = counts.get(incident.customer, 0) + 1
    finally:
        service.close()
    expected = {f"Customer-{i}" for i in range(LOGS)}
    missing = expected - set(counts)
    doubled = sorted(name for name, n in counts.items() if n > 1)
    extra_answers = len(mock.responses) - (LOGS + CHECKS)
    answered = {r["_to"] for r in mock.responses}
    unanswered = sorted(
        ({f"log{i}" for i in range(LOGS)} | {f"check{i}" for i in range(CHECKS)}) - answered
    )
    dm_posts = len(mock.of("chat.postMessage"))
    p50 = statistics.median(acks)
    p99 = acks[max(0, int(len(acks) * 0.99) - 1)]
    print(f"slack load: {TOTAL} concurrent requests ({LOGS} log, {CHECKS} check, {dms} DMs)")
    print(f"  + {RETRIES} retried deliveries (X-Slack-Retry-Num)")
    print(f"  time to ack: p50 {p50:.1f} ms, p99 {p99:.1f} ms, max {acks[-1]:.1f} ms")
    print(f"  errors: {errors}")
    if stalled:
        print(f"  STALLED: answers missing after {ANSWER_TIMEOUT:.0f} s: {unanswered[:20]}")
        print(f"  DM replies: {dm_posts} of {dms}")
    else:
        print(f"  all answers delivered in {finished:.2f} s; duplicate answers: {extra_answers}")
    print(
        f"  incidents: {len(counts)} of {len(expected)} logged, "
        f"missing {len(missing)}, logged twice {len(doubled)}"
    )
    ok = errors == 0 and not missing and not doubled and extra_answers == 0 and not stalled
    if not ok:
        print(f"  server log: {log_path}")
    print("  result:", "OK" if ok else "FAILED", "(aim: p99 ack < 100 ms)")
    return 0 if ok else 1


def main() -> int:
    return asyncio.run(run())


if __name__ == "__main__":
    sys.exit(main())
