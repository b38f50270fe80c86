"""What the AI rewriter costs on top of the model itself: the guardrails and the plumbing.

Run with `python -m benchmarks llm`. The "model" is a local OpenAI-compatible
server that answers at once with the rules rewrite, so the figures are our own
overhead: placeholders, prompt building, the openai client, JSON parsing and
the guardrails (the coach run again, clause by clause). Target: under 100 ms
p99 per rewrite on a 400-character draft, small beside any model's latency,
so the second (AI) answer is as fast as the model allows and the first (rules)
answer does not wait for any of it.
"""

from __future__ import annotations

import asyncio
import json
import logging
import statistics
import time
from datetime import datetime
from zoneinfo import ZoneInfo

from aiohttp import web

from benchmarks.coach_bench import four_hundred_char_drafts, load_corpus
from bot.coach import coach_draft
from bot.config import Settings
from bot.llm import Rewriter, RewriteRequest
from bot.llm.guardrails import Context, violations

NOW = datetime(2026, 3, 4, 10, 0, tzinfo=ZoneInfo("UTC"))
ROUNDS = 3


def _percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _report(label: str, samples: list[float]) -> None:
    ms = [s * 1000 for s in samples]
    print(f"{label}: p50 {statistics.median(ms):.1f} ms, p99 {_percentile(ms, 0.99):.1f} ms "
          f"({len(ms)} runs)")


def guardrail_times(drafts: list[str]) -> list[float]:
    samples = []
    for draft in drafts:
        coached = coach_draft(draft, now=NOW, tz="UTC")
        if coached.rewrite is None:
            continue
        ctx = Context(draft=draft, coached=coached, now=NOW, tz="UTC")
        started = time.perf_counter()
        violations(coached.rewrite, ctx)
        samples.append(time.perf_counter() - started)
    return samples


async def rewrite_times(drafts: list[str]) -> tuple[list[float], dict[str, int]]:
    async def answer(request: web.Request) -> web.Response:
        body = await request.json()
        data = json.loads(body["messages"][1]["content"].split("```json\n", 1)[1][:-4])
        content = json.dumps({"rewrite": data["draft"], "alternatives": [], "changes": []})
        return web.json_response({
            "id": "x", "object": "chat.completion", "created": 0, "model": "bench",
            "choices": [{"index": 0, "finish_reason": "stop",
                         "message": {"role": "assistant", "content": content}}],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
        })

    app = web.Application()
    app.router.add_post("/v1/chat/completions", answer)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    settings = Settings(openai_api_key="bench", openai_base_url=f"http://127.0.0.1:{port}/v1")
    rewriter = Rewriter(settings)
    samples: list[float] = []
    outcomes: dict[str, int] = {}
    try:
        for draft in drafts:
            coached = coach_draft(draft, now=NOW, tz="UTC")
            started = time.perf_counter()
            improved = await rewriter.improve(RewriteRequest(coached=coached, now=NOW, tz="UTC"))
            if improved.outcome != "clean":
                samples.append(time.perf_counter() - started)
            outcomes[improved.outcome] = outcomes.get(improved.outcome, 0) + 1
    finally:
        await rewriter.close()
        await runner.cleanup()
    return samples, outcomes


def main() -> None:
    logging.getLogger("toughclient.llm").setLevel(logging.ERROR)  # one line per rewrite
    drafts = four_hundred_char_drafts(load_corpus())
    _report("guardrails on a 400-character draft's rewrite",
            [s for _ in range(ROUNDS) for s in guardrail_times(drafts)])
    samples, outcomes = asyncio.run(rewrite_times(drafts))
    _report("whole AI rewrite against an instant local model (target p99 < 100 ms)", samples)
    # The instant model echoes the draft, so most are rightly rejected (flags remain):
    # the figure includes the retry, the worst case of our overhead.
    print("outcomes:", ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items())))


if __name__ == "__main__":
    main()
