"""A draft's terminal control sequences are shown escaped in the human view,
never obeyed; the JSON forms keep the text and its offsets exactly."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from tests.cli.terminal import Terminal

ROOT = Path(__file__).resolve().parents[2]
NOW = "2026-03-04T10:00:00+00:00"
# Clear the screen, set the window title (OSC ... BEL), turn text red, ring the
# bell, a C1 CSI, and a lone carriage return that would overwrite the line.
HOSTILE = ("We can't refund it.\x1b[2J\x1b]0;owned\x07 \x1b[31mred\x1b[0m \x07"
           "\x9b1A gone\rHIDDEN. I'll call you ASAP.")
SHOWN = ("We can't refund it.\\x1b[2J\\x1b]0;owned\\x07 \\x1b[31mred\\x1b[0m \\x07"
         "\\x9b1A gone\\rHIDDEN. I'll call you ASAP.")
# What rich itself writes: colour and style (SGR) sequences only.
OWN_STYLING = re.compile(r"\x1b\[[0-9;]*m")


def coach(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "app.py", "coach", "--now", NOW, *args],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )


def assert_nothing_raw(out: str) -> None:
    unstyled = OWN_STYLING.sub("", out)
    raw = [c for c in unstyled if (ord(c) < 0x20 and c not in "\n\r\t") or 0x7f <= ord(c) <= 0x9f]
    assert raw == [], raw


def test_piped_view_shows_every_control_character_escaped() -> None:
    proc = coach(HOSTILE)
    assert proc.returncode == 0, proc.stderr
    assert_nothing_raw(proc.stdout)
    assert "\r" not in proc.stdout
    draft_line = proc.stdout.splitlines()[1]
    assert draft_line == SHOWN
    assert "vague_commitment" in proc.stdout


def test_terminal_view_shows_them_escaped_and_highlights_the_same_words() -> None:
    status, shown, _ = Terminal("coach", "--now", NOW, HOSTILE, columns=200).finish()
    assert status == 0, shown
    out = shown.decode()
    assert_nothing_raw(out.replace("\r\n", "\n"))
    assert SHOWN in OWN_STYLING.sub("", out)
    # The highlight sits on the flagged words even though escapes lengthened the text.
    assert re.search(r"\x1b\[[0-9;]*4[0-9;]*mASAP\x1b\[0m", out), out


def test_json_keeps_the_exact_text_and_offsets_with_escapes_only() -> None:
    proc = coach("--json", HOSTILE)
    assert proc.returncode == 0, proc.stderr
    assert_nothing_raw(proc.stdout.rstrip("\n"))
    assert "\\u009b" in proc.stdout and "\\u001b" in proc.stdout
    data = json.loads(proc.stdout)
    for flag in data["flags"]:
        assert HOSTILE[flag["start"] : flag["end"]] == flag["quote"]
    assert "vague_commitment" in {f["code"] for f in data["flags"]}
    assert any(p["text"] in HOSTILE and "ASAP" in p["text"] for p in data["promises"])
    assert "\x9b1A gone" in data["rewrite"]


def test_jsonl_output_carries_no_raw_control_character_either() -> None:
    line = json.dumps({"id": "x", "text": HOSTILE}, ensure_ascii=False)
    proc = subprocess.run(
        [sys.executable, "app.py", "coach", "--jsonl", "--now", NOW],
        cwd=ROOT, input=line + "\n", capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert_nothing_raw(proc.stdout.rstrip("\n"))
    assert json.loads(proc.stdout)["id"] == "x"
