"""`python app.py coach` with no draft, run by a person at a terminal: it says
how to give the draft, reads it up to Ctrl-D, and stops quietly on Ctrl-C."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.cli.terminal import Terminal

ROOT = Path(__file__).resolve().parents[2]
NOW = "2026-03-04T10:00:00+00:00"
HINT = b"type or paste the draft, then Ctrl-D"


def test_waiting_on_a_terminal_says_how_to_end_the_draft_on_stderr() -> None:
    term = Terminal("coach", "--now", NOW, separate_stderr=True)
    term.type(b"We can't do that.\n\x04")
    status, shown, err = term.finish()
    assert status == 0, shown
    assert err == HINT + b"\n"
    assert b"hard_no" in shown and b"Suggested reply" in shown


def test_the_hint_comes_before_anything_is_typed() -> None:
    term = Terminal("coach", "--now", NOW)
    before = term.read_until(HINT)
    assert b"hard_no" not in before
    term.type(b"I'll get back to you ASAP.\n\x04")
    status, shown, _ = term.finish()
    assert status == 0 and b"vague_commitment" in shown


def test_jsonl_at_a_terminal_says_what_each_line_holds() -> None:
    term = Terminal("coach", "--jsonl", "--now", NOW, separate_stderr=True)
    term.type(b'{"id": 1, "text": "We can\'t do that."}\n\x04')
    status, shown, err = term.finish()
    assert status == 0, shown
    assert err == b'type or paste one {"id": ..., "text": ...} object per line, then Ctrl-D\n'
    assert b'"hard_no"' in shown


def test_no_hint_when_the_draft_is_an_argument_or_piped() -> None:
    status, shown, err = Terminal("coach", "--now", NOW, "We can't do that.",
                                  separate_stderr=True).finish()
    assert status == 0 and err == b"" and b"hard_no" in shown
    proc = subprocess.run(
        [sys.executable, "app.py", "coach", "--now", NOW], cwd=ROOT,
        input="We can't do that.", capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 0 and proc.stderr == ""


def test_ctrl_d_with_nothing_typed_is_the_empty_draft_error() -> None:
    term = Terminal("coach", separate_stderr=True)
    term.type(b"\x04")
    status, _, err = term.finish()
    assert status == 2
    assert err.decode().splitlines() == [
        HINT.decode(),
        "toughclient coach: The draft is empty: paste or type the reply you want coached.",
    ]


def test_ctrl_c_while_waiting_stops_without_a_traceback() -> None:
    term = Terminal("coach")
    term.read_until(HINT)
    term.type(b"\x03")
    status, shown, _ = term.finish()
    assert status == 130
    assert b"Traceback" not in shown and b"KeyboardInterrupt" not in shown
