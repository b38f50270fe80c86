"""Two replicas behind nginx on one PostgreSQL: steady load, then a replica killed, PostgreSQL
cut, the model down and Slack's API failing; nothing acknowledged may be lost or sent twice.

The topology is production's (compose.yaml) as local processes: the release's
`python app.py migrate` once, two `python app.py serve` on their own ports,
nginx from Debian's package in front (skipped, with a message, when it is not
installed: `apt-get install nginx`), PostgreSQL reached through a TCP link
this benchmark can cut (bench/fleet.py). Outside this machine is faked at the
HTTP boundary: Slack's Web API and response URLs (429 and 500 during the last
phase), the Teams connector, and an OpenAI-compatible model that answers in
2-5 s (down during the last phase).

The load generator sends signed Slack slash commands (`log` and drafts), DM
events and Teams personal-chat activities at a steady rate through nginx and
behaves as the platforms do: Slack waits 3 s for an ack and retries a failed
or late delivery (X-Slack-Retry-Num), Teams does not retry. Phases (seconds
each: BENCH_PHASE, default 30; rate: BENCH_RATE per second, default 4):

1. steady            nothing wrong
2. replica killed    replica A gets SIGKILL 5 s in and is started again 10 s later
3. postgres cut      every database connection dropped 5 s in, refused for 10 s
4. outside failing   the model answers 500; Slack answers 429 or 500 to a third of
                     chat.postMessage/chat.update calls and 500 to the first try of a
                     third of the response-URL posts

Then it waits for the answers and counts, per phase: acks (p50/p99/max), what
the platforms saw (non-2xx, timeouts, retries), answers delivered, answers
saying "not saved", acknowledged requests that never got an answer, second
answers, and incidents stored once, twice or not at all.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import os
import random
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp import web
from aiohttp.test_utils import TestServer

from benchmarks.fleet import (
    CuttableLink,
    Replica,
    find_nginx,
    migrate_once,
    nginx_in_front,
    private_schema,
    target_of,
    through_link,
)
from tests.llm.fake_openai import FakeOpenAI
from tests.slack.harness import dm
from tests.slack.mock_slack import MockSlack
from tests.slack.signing import SECRET, command_body, event_body, signed_headers
from tests.teams.conftest import MockConnector, extension_invoke, personal_message

POSTGRES_URL = os.environ.get(
    "TOUGHCLIENT_BENCH_POSTGRES_URL",
    os.environ.get("TOUGHCLIENT_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"),
)
RATE = float(os.environ.get("BENCH_RATE", "4"))
PHASE = float(os.environ.get("BENCH_PHASE", "30"))
PHASES = ("steady", "replica killed", "postgres cut", "outside failing")
FAULT_AT, FAULT_FOR = 5.0, 10.0
SLACK_ACK = 3.0  # Slack gives up on an ack after 3 s, then retries
SLACK_RETRIES = 3
TEAMS_TIMEOUT = 15.0  # what Bot Framework gives a message activity
DRAIN = 45.0
MODEL_DELAY = (2.0, 5.0)
UNAVAILABLE = "database is unavailable"
WENT_WRONG = "something went wrong"  # the generic apology, when an answer could not be made

DRAFTS = (
    ("We can't do that. I'll get right back to you.",
     "I'm sorry, we can't do that, because it is outside our policy. What we can do is "
     "look at another option with you. I'll get back to you by 3 pm today. Which would you "
     "prefer?"),
    ("I understand. Per my last email, this is policy.",
     "I hear that this is frustrating. As I wrote before, this is our policy, and here is "
     "what that means for you. Would a call help?"),
    ("Thanks for flagging it! I'll call you by 3pm tomorrow with a fix.",
     "Thanks for flagging it! I'll call you by 3pm tomorrow with a fix."),
)
REWRITES = dict(DRAFTS)


# -- what lies outside this machine ------------------------------------------------------


class SteadyModel(FakeOpenAI):
    """The fake OpenAI server from the tests, answering every call in 2-5 s (or 500 when down)."""

    down: bool = False

    async def _completions(self, request: web.Request) -> web.Response:
        if self.down:
            self.fails(500)
        else:
            body = await request.json()
            user = next(m["content"] for m in body["messages"] if m["role"] == "user")
            data = re.search(r"```json\n(.*?)\n```", user, re.S)
            draft = json.loads(data.group(1)).get("draft", "") if data else ""
            self.answers(REWRITES.get(draft, draft), delay=random.uniform(*MODEL_DELAY))
        response = await super()._completions(request)
        self.requests.clear()  # bounded memory over a long run
        return response


@dataclass
class FailingSlack(MockSlack):
    """The Slack mock from the tests, able to answer 429 and 500 as Slack's API sometimes does."""

    failing_now: bool = False
    refused: Counter[str] = field(default_factory=Counter)
    _turn: itertools.count = field(default_factory=itertools.count)
    _tried: set[str] = field(default_factory=set)

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        if self.failing_now and method in ("chat.postMessage", "chat.update"):
            turn = next(self._turn) % 6
            if turn == 0:
                self.refused["429"] += 1
                return web.json_response({"ok": False, "error": "ratelimited"}, status=429,
                                         headers={"Retry-After": "1"})
            if turn == 3:
                self.refused["500"] += 1
                return web.Response(status=500, text="internal error")
        return await super()._api(request)

    async def _response(self, request: web.Request) -> web.Response:
        name = request.match_info["name"]
        if self.failing_now and name not in self._tried and hash(name) % 3 == 0:
            self._tried.add(name)
            self.refused["response 500"] += 1
            return web.Response(status=500, text="internal error")
        return await super()._response(request)


@dataclass
class TimedConnector(MockConnector):
    """The Teams connector mock from the tests, noting when each conversation's first card came."""

    arrivals: dict[str, float] = field(default_factory=dict)

    def app(self) -> web.Application:
        app = super().app()

        @web.middleware
        async def stamp(request: web.Request, handler: Any) -> web.StreamResponse:
            if request.method == "POST":
                self.arrivals.setdefault(request.path.split("/")[3], time.perf_counter())
            response: web.StreamResponse = await handler(request)
            return response

        app.middlewares.append(stamp)
        return app


@contextlib.asynccontextmanager
async def timed_connector() -> Any:
    connector = TimedConnector()
    connector.server = TestServer(connector.app(), host="127.0.0.1")
    await connector.server.start_server()
    try:
        yield connector
    finally:
        await connector.server.close()


@contextlib.asynccontextmanager
async def steady_model() -> Any:
    model = SteadyModel()
    app = web.Application()
    app.router.add_post("/v1/chat/completions", model._completions)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    model.server = server
    try:
        yield model
    finally:
        await server.close()


# -- the load ----------------------------------------------------------------------------


@dataclass
class Sent:
    index: int
    kind: str  # slack_log | slack_coach | slack_dm | teams_coach | teams_log | teams_invoke
    phase: str
    sent_at: float = 0.0
    body: str = ""  # an invoke's answer is its HTTP body
    first_ms: float = 0.0
    first_status: int = 0  # 0: no answer in time
    final_status: int = 0
    attempts: int = 0

    @property
    def platform(self) -> str:
        return self.kind.split("_")[0]

    @property
    def acked(self) -> bool:
        return self.final_status == 200


KINDS = ("slack_log", "slack_log", "slack_coach", "slack_coach", "slack_dm", "slack_dm",
         "teams_coach", "teams_coach", "teams_log", "teams_invoke")


def customer(index: int) -> str:
    return f"Bench-{index}"


class Load:
    def __init__(self, base: str, mock: FailingSlack, connector: TimedConnector) -> None:
        self.base, self.mock, self.connector = base, mock, connector
        self.sent: list[Sent] = []

    def slack_request(self, item: Sent) -> tuple[str, str]:
        i = item.index
        draft = DRAFTS[i % len(DRAFTS)][0]
        if item.kind == "slack_dm":
            event = dm(draft, user=f"U{i % 20}", channel=f"D{i}", ts=f"1700000000.{i:06d}")
            return event_body(event, event_id=f"EvBench{i}")
        text = f"log {customer(i)}: raised their voice about invoice {i}" if (
            item.kind == "slack_log") else draft
        return command_body(text, response_url=self.mock.response_url(f"r{i}"),
                            trigger_id=f"bench-{i}", user=f"U{i % 20}")

    async def slack(self, session: aiohttp.ClientSession, item: Sent) -> None:
        body, ctype = self.slack_request(item)
        for attempt in range(SLACK_RETRIES + 1):
            headers = {"Content-Type": ctype, **signed_headers(body, secret=SECRET)}
            if attempt:
                headers |= {"X-Slack-Retry-Num": str(attempt),
                            "X-Slack-Retry-Reason": "http_timeout" if item.final_status == 0
                            else "http_error"}
            status, ms = await self.post(session, "/slack/events", body, headers, SLACK_ACK)
            item.attempts, item.final_status = attempt + 1, status
            if attempt == 0:
                item.first_status, item.first_ms = status, ms
            if status == 200:
                return
            await asyncio.sleep(1.0)

    async def teams(self, session: aiohttp.ClientSession, item: Sent) -> None:
        i = item.index
        text = (f"log {customer(i)}: raised their voice about invoice {i}"
                if item.kind == "teams_log" else DRAFTS[i % len(DRAFTS)][0])
        who = {"id": f"bench-activity-{i}", "user_id": f"29:bench-user-{i % 20}"}
        if item.kind == "teams_invoke":  # "Coach a draft" from the compose box
            value = {"commandId": "coachDraft", "commandContext": "compose",
                     "data": {"action": "coach_draft", "draft": DRAFTS[i % len(DRAFTS)][0]}}
            activity = extension_invoke(self.connector.url, "composeExtension/submitAction",
                                        value, **who)
        else:
            activity = personal_message(self.connector.url, text, **who)
        activity["conversation"]["id"] = f"a:bench-{i}"
        item.sent_at = time.perf_counter()
        status, ms = await self.post(session, "/api/messages", json.dumps(activity),
                                     {"Content-Type": "application/json"}, TEAMS_TIMEOUT,
                                     keep=item if item.kind == "teams_invoke" else None)
        item.attempts, item.first_status, item.final_status, item.first_ms = 1, status, status, ms

    def answer_ms(self, item: Sent) -> float | None:
        """When the person saw an answer: Slack's ack (the answer follows at once), an
        invoke's HTTP answer, or a Teams message's first card at the connector."""
        if item.platform == "slack" or item.kind == "teams_invoke":
            return item.first_ms if item.first_status == 200 else None
        arrived = self.connector.arrivals.get(f"a:bench-{item.index}")
        return None if arrived is None else (arrived - item.sent_at) * 1000

    async def post(self, session: aiohttp.ClientSession, path: str, body: str,
                   headers: dict[str, str], timeout: float,
                   keep: Sent | None = None) -> tuple[int, float]:
        started = time.perf_counter()
        try:
            async with session.post(f"{self.base}{path}", data=body, headers=headers,
                                    timeout=aiohttp.ClientTimeout(total=timeout)) as resp:
                answer = await resp.read()
                status = resp.status
                if keep is not None and status == 200:
                    keep.body = answer.decode()
        except (aiohttp.ClientError, TimeoutError):
            status = 0
        return status, (time.perf_counter() - started) * 1000

    async def run(self, phase_of: Any, total: int) -> None:
        loop = asyncio.get_running_loop()
        connector = aiohttp.TCPConnector(limit=0)
        async with aiohttp.ClientSession(connector=connector) as session:
            started = loop.time()
            tasks = []
            for i in range(total):
                await asyncio.sleep(max(0.0, started + i / RATE - loop.time()))
                item = Sent(i, KINDS[i % len(KINDS)], phase_of(i / RATE))
                self.sent.append(item)
                work = self.slack(session, item) if item.platform == "slack" else (
                    self.teams(session, item))
                tasks.append(asyncio.create_task(work))
            await asyncio.gather(*tasks)

    # -- what came back ------------------------------------------------------------------

    def answers(self, item: Sent) -> list[str]:
        """Every first answer the person got for this request (not the model's update)."""
        i = item.index
        if item.kind in ("slack_log", "slack_coach"):
            return [json.dumps(r) for r in self.mock.responses
                    if r["_to"] == f"r{i}" and not r.get("replace_original")]
        if item.kind == "slack_dm":
            return [json.dumps(c.params) for c in self.mock.of("chat.postMessage")
                    if c.params.get("channel") == f"D{i}"]
        if item.kind == "teams_invoke":
            return [item.body] if item.body else []
        return [json.dumps(s.body) for s in self.connector.messages()
                if s.path.split("/")[3] == f"a:bench-{i}"]

    def all_answered(self) -> bool:
        return all(self.answers(item) for item in self.sent if item.acked)


# -- the run -----------------------------------------------------------------------------


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(len(ordered) * share) - 1))]


async def faults(replica: Replica, link: CuttableLink, model: SteadyModel, mock: FailingSlack,
                 session: aiohttp.ClientSession, events: list[str], started: float) -> None:
    loop = asyncio.get_running_loop()

    async def at(offset: float) -> None:
        await asyncio.sleep(max(0.0, started + offset - loop.time()))

    def note(what: str) -> None:
        events.append(f"{loop.time() - started:6.1f} s  {what}")

    async def crash_and_return() -> None:
        await at(PHASE + FAULT_AT)
        await asyncio.to_thread(replica.kill)
        note(f"replica {replica.name} killed (SIGKILL)")
        await at(PHASE + FAULT_AT + FAULT_FOR)
        replica.start()
        note(f"replica {replica.name} started again")
        await replica.wait_ready(session)
        note(f"replica {replica.name} ready (/readyz 200)")

    async def cut_postgres() -> None:
        await at(2 * PHASE + FAULT_AT)
        await link.cut()
        note("PostgreSQL link cut: connections dropped, new ones refused")
        await at(2 * PHASE + FAULT_AT + FAULT_FOR)
        await link.restore()
        note("PostgreSQL link restored")

    async def outside_failing() -> None:
        await at(3 * PHASE)
        model.down, mock.failing_now = True, True
        note("model answering 500; Slack API answering 429/500 to a share of calls")
        await at(4 * PHASE)
        model.down, mock.failing_now = False, False
        note("model and Slack API healthy again")

    await asyncio.gather(crash_and_return(), cut_postgres(), outside_failing())
    events.sort()


def stored_incidents(schema: str) -> Counter[str]:
    import psycopg

    with psycopg.connect(POSTGRES_URL, connect_timeout=5) as db:
        rows = db.execute(
            f'SELECT customer, count(*) FROM "{schema}".incidents '
            "WHERE customer LIKE 'Bench-%%' GROUP BY customer"
        ).fetchall()
    return Counter({name: count for name, count in rows})


async def scrape(session: aiohttp.ClientSession, replicas: list[Replica]) -> Counter[str]:
    """Chosen counters summed over the replicas (a restarted replica counts from its restart)."""
    from prometheus_client.parser import text_string_to_metric_families

    wanted = ("toughclient_llm_rewrites_total", "toughclient_database_errors_total",
              "toughclient_undelivered_answers_total", "toughclient_requests_total")
    totals: Counter[str] = Counter()
    for replica in replicas:
        with contextlib.suppress(aiohttp.ClientError):
            async with session.get(f"{replica.base}/metrics") as resp:
                text = await resp.text()
            for family in text_string_to_metric_families(text):
                for sample in family.samples:
                    if sample.name in wanted:
                        labels = ",".join(f"{k}={v}" for k, v in sorted(sample.labels.items()))
                        totals[f"{sample.name}{{{labels}}}"] += int(sample.value)
    return totals


def cpu_seconds(replica: Replica) -> float:
    """User + system CPU of the replica's process so far (Linux /proc)."""
    assert replica.process is not None
    fields = Path(f"/proc/{replica.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def report(load: Load, incidents: Counter[str], events: list[str], metrics: Counter[str],
           mock: FailingSlack, cpu: float, served: float, elapsed: float) -> bool:
    missed: list[str] = []  # the aims a phase missed, in words
    print(f"replicas: 2 x `app.py serve` behind nginx on PostgreSQL; {RATE:g} requests/s, "
          f"{PHASE:g} s per phase, model answering in {MODEL_DELAY[0]:g}-{MODEL_DELAY[1]:g} s")
    for line in events:
        print(f"  fault  {line}")
    header = (f"  {'phase':<16} {'sent':>4} {'acked':>5} {'refused':>7} {'retried':>7} "
              f"{'slack ack ms':>14} {'teams card ms':>14} {'teams invoke ms':>15} "
              f"{'teams turn ms':>14} {'answered':>8} {'not saved':>9} {'sorry':>5} {'lost':>4} "
              f"{'twice':>5}")
    print(header)
    for phase in PHASES:
        items = [s for s in load.sent if s.phase == phase]
        refused = sum(1 for s in items if s.first_status != 200)
        retried = sum(1 for s in items if s.attempts > 1)
        acked = [s for s in items if s.acked]
        answered = [s for s in acked if load.answers(s)]
        not_saved = sum(1 for s in answered if any(UNAVAILABLE in a for a in load.answers(s)))
        sorry = sum(1 for s in answered if any(WENT_WRONG in a for a in load.answers(s)))
        lost = len(acked) - len(answered)
        twice = sum(1 for s in acked if len(load.answers(s)) > 1)

        def spread(kinds: tuple[str, ...], turn: bool = False,
                   items: list[Sent] = items) -> str:
            ms = [m for s in items if s.kind in kinds for m in (
                [s.first_ms] if turn and s.first_status == 200 else
                [] if turn else [load.answer_ms(s)]) if m is not None]
            if not ms:
                return "-"
            return f"{statistics.median(ms):.0f}/{percentile(ms, 0.99):.0f}/{max(ms):.0f}"

        slack = ("slack_log", "slack_coach", "slack_dm")
        chat = ("teams_coach", "teams_log")
        print(f"  {phase:<16} {len(items):>4} {len(acked):>5} {refused:>7} {retried:>7} "
              f"{spread(slack):>14} {spread(chat):>14} {spread(('teams_invoke',)):>15} "
              f"{spread(chat, turn=True):>14} {len(answered):>8} {not_saved:>9} {sorry:>5} "
              f"{lost:>4} {twice:>5}")
        if lost or twice:
            missed.append(f"{phase}: {lost} acknowledged and never answered, {twice} twice")

        def p99(kinds: tuple[str, ...], items: list[Sent] = items) -> float:
            ms = [m for s in items if s.kind in kinds for m in [load.answer_ms(s)]
                  if m is not None]
            return percentile(ms, 0.99) if ms else 0.0

        for kinds, limit, what in ((slack, 3000, "Slack ack"), (chat, 5000, "Teams first card"),
                                   (("teams_invoke",), 5000, "Teams invoke")):
            if p99(kinds) > limit:
                missed.append(f"{phase}: {what} p99 {p99(kinds):.0f} ms > {limit} ms")
    lost_kinds = Counter(s.kind for s in load.sent if s.acked and not load.answers(s))
    refused_kinds = Counter(s.kind for s in load.sent if s.first_status != 200)
    unsaved_kinds = Counter(s.kind for s in load.sent
                            if any(UNAVAILABLE in a for a in load.answers(s)))
    sorry_kinds = Counter(s.kind for s in load.sent
                          if any(WENT_WRONG in a for a in load.answers(s)))
    print(f"  by kind: lost {dict(lost_kinds)}; refused {dict(refused_kinds)}; "
          f"not saved {dict(unsaved_kinds)}; sorry {dict(sorry_kinds)}")
    logs = [s for s in load.sent if s.kind in ("slack_log", "teams_log") and s.acked]
    said_logged = [s for s in logs if load.answers(s)
                   and not any(UNAVAILABLE in a for a in load.answers(s))]
    said_not = [s for s in logs if any(UNAVAILABLE in a for a in load.answers(s))]
    missing = [s.index for s in said_logged if incidents[customer(s.index)] == 0]
    doubled = [name for name, count in incidents.items() if count > 1]
    stored_anyway = [s.index for s in said_not if incidents[customer(s.index)] > 0]
    print(f"  incidents: {len(said_logged)} answered 'logged', {len(said_not)} answered "
          f"'not saved'; stored once {sum(1 for c in incidents.values() if c == 1)}, "
          f"twice {len(doubled)}, 'logged' but missing {len(missing)}, "
          f"'not saved' but stored {len(stored_anyway)}")
    if missing or doubled:
        missed.append(f"incidents: {len(missing)} missing, {len(doubled)} stored twice")
    print(f"  Slack API refusals injected: {dict(mock.refused)}")
    for name, value in sorted(metrics.items()):
        if value:
            print(f"  metric {name} {value:g}")
    if served:
        print(f"  replica B: {served:g} platform requests on {cpu:.1f} CPU-seconds "
              f"({served / cpu:.1f} requests per CPU-second) in {elapsed:.0f} s")
    print("  (ms columns: p50/p99/max; 'teams card' is when the first card reached the "
          "connector, 'teams turn' the whole HTTP turn, the model's update included)")
    print("  aims: nothing acknowledged lost or sent twice, every incident once, p99 of "
          "Slack acks < 3 s and of Teams' first card and invoke answer < 5 s, in every phase")
    for line in missed:
        print(f"  MISSED {line}")
    print("  result:", "OK" if not missed else "FAILED")
    return not missed


async def run() -> int:
    nginx = find_nginx()
    if nginx is None:
        print("skipped: nginx is not installed (Debian: apt-get install nginx)")
        return 0
    try:
        schema_ctx = private_schema(POSTGRES_URL)
        schema = schema_ctx.__enter__()
    except Exception as error:
        print(f"skipped: PostgreSQL at {POSTGRES_URL} is unreachable ({error}); "
              "set TOUGHCLIENT_BENCH_POSTGRES_URL")
        return 0
    workdir = Path(tempfile.mkdtemp(prefix="toughclient-replicas-"))
    link = CuttableLink(target_of(POSTGRES_URL))
    await link.start()
    mock = FailingSlack()
    await mock.start()
    replicas: list[Replica] = []
    try:
        async with steady_model() as model, timed_connector() as connector:
            env = {
                **{k: v for k, v in os.environ.items()
                   if not k.startswith(("SLACK_", "DATABASE_", "OPENAI_", "MICROSOFT_",
                                        "TOUGHCLIENT_"))},
                "DATABASE_URL": through_link(POSTGRES_URL, link.port, schema),
                "TOUGHCLIENT_MIGRATE_ON_START": "false",
                "SLACK_BOT_TOKEN": "xoxb-bench",
                "SLACK_SIGNING_SECRET": SECRET,
                "SLACK_API_URL": mock.api_url,
                "OPENAI_API_KEY": "sk-bench-local-fake",
                "OPENAI_BASE_URL": model.base_url,
            }
            print(f"  release step: {await asyncio.to_thread(migrate_once, env)}")
            replicas = [Replica("A", env, workdir), Replica("B", env, workdir)]
            for replica in replicas:
                replica.start()
            async with aiohttp.ClientSession() as session:
                await asyncio.gather(*(r.wait_ready(session) for r in replicas))
                async with nginx_in_front(nginx, replicas, workdir) as base:
                    load = Load(base, mock, connector)
                    total = int(RATE * PHASE * len(PHASES))
                    events: list[str] = []
                    started = asyncio.get_running_loop().time()
                    cpu_before = cpu_seconds(replicas[1])
                    fault_task = asyncio.create_task(
                        faults(replicas[0], link, model, mock, session, events, started)
                    )
                    await load.run(lambda t: PHASES[min(int(t // PHASE), len(PHASES) - 1)],
                                   total)
                    await fault_task
                    deadline = time.monotonic() + DRAIN
                    while not load.all_answered() and time.monotonic() < deadline:
                        await asyncio.sleep(0.5)
                    elapsed = asyncio.get_running_loop().time() - started
                    cpu = cpu_seconds(replicas[1]) - cpu_before
                    metrics = await scrape(session, replicas)
                    served = sum(v for k, v in (await scrape(session, replicas[1:])).items()
                                 if k.startswith("toughclient_requests_total"))
            incidents = await asyncio.to_thread(stored_incidents, schema)
            ok = report(load, incidents, events, metrics, mock, cpu, served, elapsed)
            if not ok:
                print(f"  logs: {workdir}")
            return 0 if ok else 1
    finally:
        for replica in replicas:
            await asyncio.to_thread(replica.stop)
        await link.close()
        await mock.close()
        schema_ctx.__exit__(None, None, None)


def main() -> int:
    return asyncio.run(run())


if __name__ == "__main__":
    sys.exit(main())
