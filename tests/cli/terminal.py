"""Run `python app.py ...` on a real pseudo-terminal, as a person at a terminal would.

The child gets the pty as its controlling terminal (so Ctrl-C typed into it
interrupts, and isatty() is true), at a fixed size so rich's layout is
predictable. stderr can be a separate pipe, to tell the prompt from the answer.
"""

from __future__ import annotations

import fcntl
import os
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


class Terminal:
    def __init__(self, *args: str, columns: int = 80, separate_stderr: bool = False) -> None:
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
        env = {k: v for k, v in os.environ.items() if k not in {"NO_COLOR", "COLUMNS", "LINES"}}
        env["TERM"] = "xterm-256color"

        def take_the_terminal() -> None:
            fcntl.ioctl(0, termios.TIOCSCTTY, 0)

        self.process = subprocess.Popen(
            [sys.executable, "app.py", *args],
            cwd=ROOT, env=env, stdin=slave, stdout=slave,
            stderr=subprocess.PIPE if separate_stderr else slave,
            start_new_session=True, preexec_fn=take_the_terminal,
        )
        os.close(slave)
        self.output = b""

    def _read_some(self, timeout: float) -> bool:
        """Read what is there within `timeout`; False once the child's side is closed."""
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return True
        try:
            chunk = os.read(self.master, 65536)
        except OSError:  # EIO: the child has gone and closed its side
            return False
        self.output += chunk
        return bool(chunk)

    def read_until(self, text: bytes, timeout: float = 30) -> bytes:
        """Everything the terminal showed up to `text`; fails if it never shows."""
        deadline = time.monotonic() + timeout
        while text not in self.output:
            assert time.monotonic() < deadline, f"{text!r} never shown; got {self.output!r}"
            assert self._read_some(0.2), f"ended before {text!r}; got {self.output!r}"
        return self.output

    def type(self, keys: bytes) -> None:
        os.write(self.master, keys)

    def finish(self, timeout: float = 60) -> tuple[int, bytes, bytes]:
        """Exit status, all the terminal showed, and the separate stderr if any."""
        deadline = time.monotonic() + timeout
        while self._read_some(0.2):
            assert time.monotonic() < deadline, f"still running; got {self.output!r}"
        status = self.process.wait(timeout)
        err = self.process.stderr.read() if self.process.stderr else b""
        os.close(self.master)
        return status, self.output, err
