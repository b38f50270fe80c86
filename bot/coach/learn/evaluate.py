"""Measure the coach on text it did not learn from: `make eval`.

For every source of `../shared/corpus/replies.jsonl` (and the written
`own-replies.jsonl`), a model is trained on everything else that may be
trained on, with that whole source left out, and the shared scorer
(`../shared/evalset/eval.py`) runs `app.py coach --jsonl` with that model on
the source. The Twitter sources are never trained on, so the shipped model's
training data is already "everything else" for them. The drafts are scored
the same way with each persona held out in turn (`drafts_eval.py`), and the
development set with the shipped model. `--min NAME=F1` makes it a CI gate.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bot.coach.codes import ORDER
from bot.coach.learn.corpus import ROOT, SHARED_CORPUS, load_records
from bot.coach.learn.model import MODEL_ENV, MODEL_PATH
from bot.coach.learn.train import Featurized, featurize_all, train

EVALSET = SHARED_CORPUS.parent / "evalset"
SOURCES = ("airline", "brand", "enron", "enronx", "multiwoz", "sgd", "abcd", "own")
SCORES = ("vague_commitment", "hard_no", "promise", "specific_due")


def _run(script: str, labels: Path, model: Path, python: str) -> dict[str, Any]:
    env = {**os.environ, MODEL_ENV: str(model)}
    cmd = [python, str(EVALSET / script), "--labels", str(labels), "--python", python,
           "--project", str(ROOT), "--json"]
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    if out.returncode != 0:
        raise SystemExit(f"{script} failed: {out.stderr[-1500:]}")
    return next(json.loads(line) for line in out.stdout.splitlines() if line.startswith("{"))


def _write_model(items: Sequence[Featurized], path: Path) -> None:
    path.write_text(json.dumps(train(items)), encoding="utf-8")


def _subset(path: Path, keep: Any, into: Path) -> Path:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip() and keep(json.loads(line))]
    into.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return into


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


_ITEMS: list[Featurized] = []  # shared with the worker processes (forked, not copied)


def _held_out_run(job: tuple[str, str, str, str, str]) -> tuple[str, str, dict[str, Any]]:
    """Train without `leave_out` (unless it is never trained on), then score `labels`."""
    kind, name, leave_out, labels, work = job
    held = [it for it in _ITEMS if it.record.source != leave_out]
    model = Path(work) / f"model-without-{name}.json"
    if len(held) == len(_ITEMS):
        model = Path(work) / "model-all.json"
    else:
        _write_model(held, model)
    script = "eval.py" if kind == "replies" else "drafts_eval.py"
    result = _run(script, Path(labels), model, sys.executable)
    print(f"  held out {name}", file=sys.stderr, flush=True)
    return kind, name, result


def evaluate(python: str, work: Path, processes: int = 2) -> dict[str, Any]:
    global _ITEMS
    _ITEMS = featurize_all(load_records())
    _write_model(_ITEMS, work / "model-all.json")
    jobs: list[tuple[str, str, str, str, str]] = []
    for source in SOURCES:
        if source == "own":
            labels = SHARED_CORPUS / "own-replies.jsonl"
        else:
            labels = _subset(SHARED_CORPUS / "replies.jsonl",
                             lambda item, s=source: item["source"] == s, work / f"{source}.jsonl")
        jobs.append(("replies", source, source, str(labels), str(work)))
    drafts_file = SHARED_CORPUS / "drafts-dev.jsonl"
    personas = sorted({it.record.source for it in _ITEMS
                       if it.record.source.startswith("drafts:")})
    for persona in personas:
        name = persona.split(":", 1)[1]
        labels = _subset(drafts_file, lambda item, n=name: item["persona"].split(",")[0] == n,
                         work / f"drafts-{name}.jsonl")
        jobs.append(("drafts", name, persona, str(labels), str(work)))
    context = multiprocessing.get_context("fork")
    with context.Pool(processes) as pool:
        results = pool.map(_held_out_run, jobs, chunksize=1)
    replies = {name: result["scores"] for kind, name, result in results if kind == "replies"}
    drafts_total: dict[str, dict[str, int]] = {c: {"tp": 0, "fp": 0, "fn": 0} for c in ORDER}
    for kind, _, result in results:
        if kind == "drafts":
            for code, row in result["codes"].items():
                for k in ("tp", "fp", "fn"):
                    drafts_total[code][k] += row[k]
    dev = _run("eval.py", EVALSET / "dev.jsonl", MODEL_PATH, python)["scores"]
    return {"replies": replies, "drafts": drafts_total, "dev": dev}


def report(result: dict[str, Any]) -> dict[str, float]:
    """Print the tables; the figures the floors are checked against."""
    figures: dict[str, float] = {}
    print("Held-out sources of replies.jsonl (trained without the source scored)")
    print(f"{'source':<10}" + "".join(f"{s:>26}" for s in SCORES))
    print(f"{'':<10}" + "".join(f"{'P':>10}{'R':>8}{'F1':>8}" for _ in SCORES))
    means = {s: 0.0 for s in SCORES}
    for source, scores in result["replies"].items():
        row = f"{source:<10}"
        for s in SCORES:
            v = scores[s]
            row += f"{v['p']:>10.3f}{v['r']:>8.3f}{v['f1']:>8.3f}"
            figures[f"{source}_{s}"] = v["r" if s == "specific_due" else "f1"]
        print(row)
    real = [s for s in result["replies"] if s != "own"]
    for s in SCORES:
        key = "r" if s == "specific_due" else "f1"
        means[s] = sum(result["replies"][src][s][key] for src in real) / len(real)
        figures[f"mean_{s}"] = means[s]
    print("mean over real sources: " + ", ".join(
        f"{s} {'recall' if s == 'specific_due' else 'F1'} {means[s]:.3f}" for s in SCORES))
    # The mean gives a source of 280 items with two vague promises the weight of one with
    # seventy-eight; pooled, every real item counts once.
    pooled: dict[str, float] = {}
    for s in SCORES:
        tp, fp, fn = (sum(result["replies"][src][s][k] for src in real) for k in ("tp", "fp", "fn"))
        pooled[s] = (tp / (tp + fn) if tp + fn else 0.0) if s == "specific_due" else _f1(tp, fp, fn)
        figures[f"pooled_{s}"] = pooled[s]
    print("pooled over real items: " + ", ".join(
        f"{s} {'recall' if s == 'specific_due' else 'F1'} {pooled[s]:.3f}" for s in SCORES))
    dev = result["dev"]
    print("development set (dev.jsonl, shipped model): " + ", ".join(
        f"{s} {dev[s]['r' if s == 'specific_due' else 'f1']:.3f}" for s in SCORES))
    print("\nDrafts, each persona held out in turn")
    print(f"{'code':<18}{'tp':>5}{'fp':>5}{'fn':>5}{'P':>8}{'R':>8}{'F1':>8}")
    macro = 0.0
    for code, row in result["drafts"].items():
        tp, fp, fn = row["tp"], row["fp"], row["fn"]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f1 = _f1(tp, fp, fn)
        macro += f1 / len(result["drafts"])
        figures[f"drafts_{code}"] = f1
        print(f"{code:<18}{tp:>5}{fp:>5}{fn:>5}{p:>8.3f}{r:>8.3f}{f1:>8.3f}")
    figures["drafts_macro"] = macro
    print(f"macro-F1 {macro:.3f}")
    return figures


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--min", action="append", default=[],
                    help="FIGURE=VALUE floor, e.g. mean_vague_commitment=0.6; exit 1 below it")
    ap.add_argument("--json", help="also write the figures to this file")
    ap.add_argument("--processes", type=int, default=2, help="folds trained at once")
    args = ap.parse_args(argv)
    if not (SHARED_CORPUS / "replies.jsonl").exists():
        print(f"eval: no corpus at {SHARED_CORPUS}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        result = evaluate(args.python, Path(tmp), args.processes)
    figures = report(result)
    if args.json:
        Path(args.json).write_text(json.dumps({"figures": figures, **result}, indent=1))
    failed = []
    for floor in args.min:
        name, _, value = floor.partition("=")
        if figures.get(name, 0.0) < float(value):
            failed.append(f"{name} {figures.get(name, 0.0):.3f} < {value}")
    if failed:
        print("below floor: " + "; ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
