"""How fast the coach is: per-draft latency, throughput, and the command line's cold start.

Run with `python -m benchmarks` (all benchmarks) or `python -m benchmarks.coach_bench`.
The corpus is ~60 realistic support replies (benchmarks/corpus/replies.jsonl),
good and bad, with Slack markup, Teams HTML and signatures. Targets from
issue 8: p99 under 3 ms for a 400-character draft, over 2,000 drafts per
second on one core, cold start under 0.5 s.
"""

from __future__ import annotations

import gc
import json
import statistics
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(__file__).resolve().parent / "corpus" / "replies.jsonl"
NOW = datetime(2026, 3, 4, 10, 0, tzinfo=ZoneInfo("UTC"))
ROUNDS = 30
COLD_RUNS = 7


def load_corpus() -> list[str]:
    return [json.loads(line)["text"] for line in CORPUS.read_text().splitlines() if line.strip()]


def _percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def four_hundred_char_drafts(corpus: list[str]) -> list[str]:
    """Drafts of about 400 characters, made by joining corpus replies."""
    out, current = [], ""
    for text in corpus * 3:
        current = f"{current} {text}".strip()
        if len(current) >= 380:
            out.append(current[:420])
            current = ""
    return out


def measure(drafts: list[str], rounds: int) -> tuple[list[float], float]:
    from bot.coach import coach_draft

    for text in drafts:  # warm up: compile the rules once, as a server would
        coach_draft(text, now=NOW)
    gc.collect()
    gc.freeze()  # what a server's startup leaves behind is not the draft's cost
    latencies: list[float] = []
    started = time.perf_counter()
    for _ in range(rounds):
        for text in drafts:
            t0 = time.perf_counter()
            coach_draft(text, now=NOW)
            latencies.append(time.perf_counter() - t0)
    return latencies, time.perf_counter() - started


def promise_finder_share(drafts: list[str]) -> float:
    """Mean milliseconds of `find_promises` per draft, to tell the two halves apart."""
    from bot.coach.detect.promises import find_promises
    from bot.coach.text import mask

    masked = [mask(text) for text in drafts]
    started = time.perf_counter()
    for _ in range(ROUNDS):
        for text in masked:
            find_promises(text, now=NOW, tz=ZoneInfo("UTC"))
    return (time.perf_counter() - started) / (ROUNDS * len(masked)) * 1000


def cold_start(runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(
            [sys.executable, "app.py", "coach", "--json", "--now", NOW.isoformat(),
             "Sorry, we can't extend the deadline. I'll get back to you shortly."],
            cwd=ROOT, check=True, capture_output=True,
        )
        times.append(time.perf_counter() - t0)
    return times


def main() -> dict[str, float]:
    corpus = load_corpus()
    latencies, elapsed = measure(corpus, ROUNDS)
    long_drafts = four_hundred_char_drafts(corpus)
    long_latencies, _ = measure(long_drafts, ROUNDS)
    cold = cold_start(COLD_RUNS)
    figures = {
        "corpus_drafts": float(len(corpus)),
        "p50_ms": _percentile(latencies, 0.50) * 1000,
        "p99_ms": _percentile(latencies, 0.99) * 1000,
        "p50_400_chars_ms": _percentile(long_latencies, 0.50) * 1000,
        "p99_400_chars_ms": _percentile(long_latencies, 0.99) * 1000,
        "promise_finder_400_chars_ms": promise_finder_share(long_drafts),
        "drafts_per_second": len(latencies) / elapsed,
        "cold_start_median_s": statistics.median(cold),
    }
    print("coach benchmark")
    print(f"  corpus            {len(corpus)} realistic replies x {ROUNDS} rounds")
    print(f"  latency p50       {figures['p50_ms']:.3f} ms")
    print(f"  latency p99       {figures['p99_ms']:.3f} ms")
    print(f"  400-char drafts   p50 {figures['p50_400_chars_ms']:.3f} ms, p99 "
          f"{figures['p99_400_chars_ms']:.3f} ms (target p99 < 3 ms); of which "
          f"find_promises {figures['promise_finder_400_chars_ms']:.3f} ms mean per call")
    print(f"  throughput        {figures['drafts_per_second']:,.0f} drafts/s on one core "
          "(target > 2,000)")
    print(f"  cold start        {figures['cold_start_median_s']:.3f} s median of {COLD_RUNS} "
          "runs of `python app.py coach` (target < 0.5 s)")
    return figures


if __name__ == "__main__":
    main()
