"""The Dockerfile installs exactly the lock file, and .env.example names every setting."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_image_installs_from_the_lock_file_with_hashes_only() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "pip install --require-hashes --no-deps -r requirements.lock" in dockerfile
    assert "pip install --no-deps --no-build-isolation ." in dockerfile
    assert "DATABASE_URL=sqlite:////data/toughclient.db" in dockerfile
    assert "VOLUME /data" in dockerfile


def test_every_locked_requirement_is_pinned_with_a_hash() -> None:
    lock = (ROOT / "requirements.lock").read_text()
    requirements = re.split(r"\n(?=[A-Za-z0-9])", lock.split("\n\n", 1)[1].strip())
    names = set()
    for requirement in requirements:
        assert re.match(r"^[A-Za-z0-9._-]+(\[[^\]]*\])?==[^\s;]+", requirement), requirement
        assert "--hash=sha256:" in requirement, requirement
        names.add(requirement.split("==")[0].split("[")[0].lower().replace("_", "-"))
    for needed in ("slack-bolt", "botbuilder-core", "sqlalchemy", "psycopg", "prometheus-client",
                   "setuptools", "wheel"):
        assert needed in names, needed


ENV_NAME = re.compile(r'"((?:TOUGHCLIENT|SLACK|MICROSOFT|OPENAI)_[A-Z0-9_]+|DATABASE_URL|PORT)"')


def test_env_example_lists_every_variable_the_code_reads() -> None:
    read = {name for path in (ROOT / "bot").rglob("*.py")
            for name in ENV_NAME.findall(path.read_text())}
    assert "TOUGHCLIENT_STORE_DRAFTS" in read and "DATABASE_URL" in read
    example = (ROOT / ".env.example").read_text()
    listed = set(re.findall(r"^#? ?([A-Z][A-Z0-9_]+)=", example, re.MULTILINE))
    assert read <= listed, sorted(read - listed)
    # and each one has a line saying what it means right above it
    lines = example.splitlines()
    for index, line in enumerate(lines):
        if re.match(r"^[A-Z][A-Z0-9_]+=", line):
            assert lines[index - 1].startswith("#") or re.match(
                r"^[A-Z][A-Z0-9_]+=", lines[index - 1]
            ), line
