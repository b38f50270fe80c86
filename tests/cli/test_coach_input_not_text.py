"""`python app.py coach` refuses input that is not a typed draft with one line,
never a traceback and never a coaching of garbage."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
NOW = "2026-03-04T10:00:00+00:00"
# The first bytes of every PNG file: signature, then the IHDR chunk's length and type.
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06"


def coach_bytes(*args: bytes | str, stdin: bytes | None = None,
                **popen: Any) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "app.py", "coach", *args], cwd=ROOT, input=stdin,
        capture_output=True, timeout=60, **popen,
    )


def one_line_refusal(proc: subprocess.CompletedProcess[bytes]) -> str:
    err = proc.stderr.decode()
    assert proc.returncode == 2, (proc.returncode, err)
    assert proc.stdout == b""
    assert "Traceback" not in err and err.count("\n") == 1, err
    assert err.startswith("toughclient coach: ")
    return err


def test_a_png_piped_in_is_refused_as_binary() -> None:
    err = one_line_refusal(coach_bytes(stdin=PNG))
    assert "binary" in err


def test_a_nul_byte_in_otherwise_plain_text_is_refused_as_binary() -> None:
    err = one_line_refusal(coach_bytes("--json", stdin=b"We can't do that.\x00\x00"))
    assert "binary" in err


def test_invalid_utf8_on_stdin_names_the_byte_and_where() -> None:
    err = one_line_refusal(coach_bytes("--no-color", stdin=b"Caf\xe9 is closed today."))
    assert "not UTF-8 text" in err and "0xe9" in err and "position 3" in err


def test_invalid_utf8_in_the_argument_is_refused_too() -> None:
    err = one_line_refusal(coach_bytes("--json", b"We can\xff do that"))
    assert "draft argument is not UTF-8 text" in err and "0xff" in err


def test_utf16_with_a_byte_order_mark_is_read_as_text() -> None:
    proc = coach_bytes("--json", "--now", NOW,
                       stdin="We can't do that.".encode("utf-16"))
    assert proc.returncode == 0, proc.stderr
    assert [f["code"] for f in json.loads(proc.stdout)["flags"]] == ["hard_no"]


def test_a_closed_stdin_is_an_error_not_a_traceback() -> None:
    err = one_line_refusal(coach_bytes(stdin=None, preexec_fn=lambda: os.close(0)))
    assert "standard input is closed" in err


def test_jsonl_with_a_closed_stdin_is_the_same_error() -> None:
    err = one_line_refusal(coach_bytes("--jsonl", stdin=None, preexec_fn=lambda: os.close(0)))
    assert "standard input is closed" in err


def test_jsonl_refuses_a_binary_file_as_a_whole() -> None:
    err = one_line_refusal(coach_bytes("--jsonl", stdin=PNG * 3))
    assert "binary" in err


def test_jsonl_one_bad_line_of_bytes_spoils_only_that_line() -> None:
    feed = (
        b'{"id": 1, "text": "We can\'t do that."}\n'
        b'{"id": 2, "text": "Caf\xe9 closed."}\r\n'
        b'{"id": 3, "text": "one\\u0000two"}\n'
        b'{"id": 4, "text": "lone \\udc89 surrogate"}\n'
        b'{"id": 5, "text": "a\xe2\x80\xa8b: we can\'t do that."}\n'  # a raw U+2028 in a string
    )
    proc = coach_bytes("--jsonl", "--now", NOW, stdin=feed)
    assert proc.returncode == 1 and b"Traceback" not in proc.stderr
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(out) == 5
    assert out[0]["flags"][0]["code"] == "hard_no"
    assert out[1] == {"id": None, "error": out[1]["error"]}
    assert out[1]["error"].startswith("line 2: ") and "not UTF-8" in out[1]["error"]
    assert out[2]["id"] == 3 and "binary" in out[2]["error"]
    assert out[3]["id"] == 4 and "surrogate" in out[3]["error"]
    assert out[4]["id"] == 5 and out[4]["flags"][0]["code"] == "hard_no"
    assert "3 input lines could not be coached" in proc.stderr.decode()
