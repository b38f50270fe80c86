"""Settings are checked when the app starts: a bad value stops it with one line naming it."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

import app
from bot.config import SettingsError, load_settings

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("name", "value", "accepts"),
    [
        ("PORT", "abc", "a port number from 1 to 65535"),
        ("PORT", "99999", "a port number from 1 to 65535"),
        ("PORT", "0", "a port number from 1 to 65535"),
        ("TOUGHCLIENT_MIGRATE_ON_START", "maybe", "true or false"),
        ("TOUGHCLIENT_STORE_DRAFTS", "sometimes", "true or false"),
        ("TOUGHCLIENT_RETENTION_DAYS", "abc", "a whole number of days"),
        ("TOUGHCLIENT_RETENTION_DAYS", "-5", "a whole number of days"),
        ("DATABASE_URL", "mysql://u:p@db/x", "sqlite:///file.db or postgresql://"),
        ("DATABASE_URL", "not a url", "sqlite:///file.db or postgresql://"),
        ("DATABASE_URL", "sqlite:////no/such/folder/x.db", "create the folder"),
    ],
)
def test_a_bad_setting_names_itself_and_what_it_accepts(name: str, value: str, accepts: str):
    with pytest.raises(SettingsError) as raised:
        load_settings({name: value})
    message = str(raised.value)
    assert name in message and accepts in message and "\n" not in message
    assert ":p@" not in message  # a password in DATABASE_URL is never echoed


@pytest.mark.parametrize(("value", "expected"), [("false", False), ("OFF", False), ("1", True),
                                                 ("", True)])
def test_flags_take_the_usual_words(value: str, expected: bool):
    assert load_settings({"TOUGHCLIENT_MIGRATE_ON_START": value}).migrate_on_start is expected


def test_good_numbers_are_read():
    settings = load_settings({"PORT": "8080", "TOUGHCLIENT_RETENTION_DAYS": "0"})
    assert (settings.port, settings.retention_days) == (8080, 0)


def test_a_command_stops_with_one_line_on_a_bad_setting(monkeypatch, tmp_path, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TOUGHCLIENT_RETENTION_DAYS", "-5")
    assert app.main(["forget", "--expired"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("toughclient: TOUGHCLIENT_RETENTION_DAYS='-5' is not a whole number")
    assert err.count("\n") == 1 and "Traceback" not in err


def test_an_unknown_database_driver_is_a_settings_error_not_a_traceback(monkeypatch, tmp_path,
                                                                         capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", "mysql://root:secret@127.0.0.1/x")
    assert app.main(["migrate"]) == 2
    err = capsys.readouterr().err
    assert "DATABASE_URL uses mysql://" in err and "secret" not in err


def _serve(tmp_path: Path, port: str) -> subprocess.CompletedProcess[str]:
    env = {"PATH": os.environ.get("PATH", ""), "PORT": port,
           "DATABASE_URL": f"sqlite:///{tmp_path / 'serve.db'}"}
    return subprocess.run([sys.executable, str(ROOT / "app.py"), "serve", "--host", "127.0.0.1"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)


def test_serve_refuses_a_port_that_is_not_a_number(tmp_path):
    done = _serve(tmp_path, "abc")
    assert done.returncode == 2
    assert done.stderr.strip() == (
        "toughclient: PORT='abc' is not a port number from 1 to 65535"
    )
    assert "listening" not in done.stdout + done.stderr


def test_serve_never_says_listening_when_the_port_is_taken(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        done = _serve(tmp_path, str(taken.getsockname()[1]))
    assert done.returncode == 1
    output = done.stdout + done.stderr
    assert "cannot listen on port" in output
    assert "listening on" not in output
