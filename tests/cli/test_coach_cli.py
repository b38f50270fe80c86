"""`python app.py coach` end to end, as a user and as a script would run it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NOW = "2026-03-04T10:00:00+00:00"



def coach(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "app.py", "coach", *args],
        cwd=ROOT, input=stdin, capture_output=True, text=True, timeout=60,
    )


def test_json_prints_the_result_object() -> None:
    proc = coach("--json", "--now", NOW, "Sorry, we can't extend the deadline.")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert set(data) == {"id", "flags", "promises", "rewrite", "rewrite_source"}
    assert data["id"] is None and data["rewrite_source"] == "rules"
    assert [f["code"] for f in data["flags"]] == ["hard_no"]
    assert "Which would you prefer?" in data["rewrite"]


def test_json_reads_the_draft_from_stdin() -> None:
    proc = coach("--json", "--now", NOW, stdin="I HEAR YOU!!!\n")
    assert proc.returncode == 0, proc.stderr
    assert "shouting" in {f["code"] for f in json.loads(proc.stdout)["flags"]}


def test_human_output_shows_flags_why_and_rewrite() -> None:
    proc = coach("--no-color", "--now", NOW, "I understand your frustration. We can't refund it.")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "empty_empathy" in out and "hard_no" in out
    assert "Why:" in out and "Try:" in out and "Suggested reply" in out
    assert "\x1b[" not in out


def test_human_output_for_a_clean_reply_says_so() -> None:
    proc = coach("--no-color", "--now", NOW, "Thanks Jo, the refund of $20 went out today.")
    assert proc.returncode == 0, proc.stderr
    assert "Nothing to fix" in proc.stdout and "Suggested reply" not in proc.stdout


def test_jsonl_keeps_order_and_ids_and_reports_a_bad_line() -> None:
    lines = [
        json.dumps({"id": "a", "text": "We can't do that."}),
        "this is not json",
        json.dumps({"id": 3, "text": "Thanks, the refund is done."}),
        json.dumps({"id": "empty", "text": "   "}),
        json.dumps({"id": "no-text"}),
    ]
    proc = coach("--jsonl", "--now", NOW, stdin="\n".join(lines) + "\n")
    assert proc.returncode == 1
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [o.get("id") for o in out] == ["a", None, 3, "empty", "no-text"]
    assert "hard_no" in {f["code"] for f in out[0]["flags"]}
    assert out[1]["error"] == "line 2: not JSON"
    assert out[2]["flags"] == [] and out[2]["rewrite"] is None
    assert "empty" in out[3]["error"] and "text" in out[4]["error"]
    assert "3 input lines" in proc.stderr


def test_bad_time_zone_is_one_line_and_exit_2() -> None:
    proc = coach("--tz", "Mars/Olympus", "--json", "Thanks!")
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and "Mars/Olympus" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_bad_now_is_one_line_and_exit_2() -> None:
    proc = coach("--now", "next tuesday-ish", "--json", "Thanks!")
    assert proc.returncode == 2 and "ISO 8601" in proc.stderr
    assert proc.stderr.strip().count("\n") == 0


def test_empty_draft_is_one_line_and_exit_2() -> None:
    proc = coach("--json", "   ")
    assert proc.returncode == 2 and "empty" in proc.stderr
    assert proc.stderr.strip().count("\n") == 0


def test_too_long_draft_is_refused_quickly_with_the_limit() -> None:
    proc = coach("--json", stdin="Sorry about that. " * 400)
    assert proc.returncode == 2 and "5,000" in proc.stderr
    assert proc.stderr.strip().count("\n") == 0
