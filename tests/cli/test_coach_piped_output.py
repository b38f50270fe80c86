"""When stdout is a pipe or a file, `python app.py coach` prints plain text:
no colour codes, no padding, no wrapping, so the rewrite copies as one paragraph.
At a terminal the rewrite is not hard-wrapped either: the terminal folds it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from tests.cli.terminal import Terminal

ROOT = Path(__file__).resolve().parents[2]
NOW = "2026-03-04T10:00:00+00:00"
DRAFT = ("I understand your frustration, and I'm sorry the delivery was late again this "
         "week. Unfortunately we can't refund the shipping cost on this order. "
         "I'll get back to you ASAP about the replacement part.")


def rewrite_block(lines: list[str]) -> list[str]:
    start = next(n for n, line in enumerate(lines) if line.startswith("Suggested reply"))
    rule = start + 1 if lines[start + 1].startswith("-") else start
    end = next(n for n in range(rule + 1, len(lines)) if set(lines[n]) <= set("-─ "))
    return lines[rule + 1 : end]


def test_piped_output_is_plain_unpadded_and_the_rewrite_is_one_line() -> None:
    # A narrow COLUMNS would make rich wrap at 40 if it were used for a pipe.
    env = {**os.environ, "COLUMNS": "40"}
    env.pop("NO_COLOR", None)
    proc = subprocess.run(
        [sys.executable, "app.py", "coach", "--now", NOW, DRAFT],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert "\x1b" not in proc.stdout
    assert [line for line in lines if line != line.rstrip()] == []
    assert lines[1] == DRAFT
    [rewrite] = rewrite_block(lines)
    assert len(rewrite) > 120 and "[the reason]" in rewrite and "ASAP" not in rewrite


def test_at_a_terminal_the_rewrite_is_one_line_the_terminal_folds() -> None:
    status, shown, _ = Terminal("coach", "--now", NOW, DRAFT, columns=60).finish()
    assert status == 0, shown
    lines = re.sub(r"\x1b\[[0-9;]*m", "", shown.decode()).split("\r\n")
    assert [line for line in lines if line != line.rstrip()] == []
    assert max(len(line) for line in lines[:5]) <= 60  # the draft itself is word-wrapped
    [rewrite] = rewrite_block(lines)
    assert len(rewrite) > 120 and "[the reason]" in rewrite
