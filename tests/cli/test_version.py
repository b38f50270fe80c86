"""`python app.py --version` prints the installed package's version."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("args", [["--version"], ["-V"], ["coach", "--version"],
                                  ["export", "--version"]])
def test_version_comes_from_the_package_metadata(args: list[str]) -> None:
    proc = subprocess.run([sys.executable, "app.py", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == f"toughclient {version('toughclient')}\n"
    assert proc.stderr == ""


def test_usage_mentions_version() -> None:
    proc = subprocess.run([sys.executable, "app.py", "--help"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert "python app.py --version" in proc.stdout
