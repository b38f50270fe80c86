"""`coach --jsonl` answers every input line, so output line N is about input line N."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_a_blank_line_gets_an_error_object_in_its_place() -> None:
    feed = json.dumps({"id": 1, "text": "I'll call you by 3pm."}) + "\n\n"
    feed += json.dumps({"id": 3, "text": "Thanks!"}) + "\n"
    proc = subprocess.run(
        [sys.executable, "app.py", "coach", "--jsonl", "--now", "2026-03-04T10:00:00+00:00"],
        cwd=ROOT, input=feed, capture_output=True, text=True, timeout=60,
    )
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [o.get("id") for o in out] == [1, None, 3]
    assert out[1] == {"id": None, "error": "line 2: the line is empty"}
    assert proc.returncode == 1


def test_blank_lines_at_the_end_and_a_byte_order_mark_are_not_errors() -> None:
    feed = "\ufeff" + json.dumps({"id": 1, "text": "I'll call you by 3pm."}) + "\n\n\n"
    proc = subprocess.run(
        [sys.executable, "app.py", "coach", "--jsonl", "--now", "2026-03-04T10:00:00+00:00"],
        cwd=ROOT, input=feed, capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    [out] = [json.loads(line) for line in proc.stdout.splitlines()]
    assert out["id"] == 1 and out["promises"][0]["vague"] is False
