"""With no Slack or Teams: log, track, promises and close for the person at the terminal,
and digest --dry-run, export and forget working on those very rows."""

import json

import pytest

import app


@pytest.fixture(autouse=True)
def _database(monkeypatch, tmp_path, database_url):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", database_url)


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    status = app.main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_a_person_without_chat_tracks_lists_and_closes_promises(capsys):
    status, out, _ = _run(capsys, "track", "I'll send the revised quote by Friday",
                          "--customer", "Acme", "--user", "dana")
    assert status == 0 and "Tracking promise #1" in out and "due Fri" in out
    status, out, _ = _run(capsys, "track", "Look into the invoice", "--user", "dana")
    assert status == 0 and "no date yet" in out
    status, out, _ = _run(capsys, "log", "Globex", "Shouted about the invoice",
                          "--agreed", "Refund by Thursday", "--due", "2030-01-03",
                          "--severity", "high", "--user", "dana")
    assert status == 0 and "Logged incident #1 with Globex (high)" in out

    status, out, _ = _run(capsys, "promises", "--user", "dana")
    assert status == 0 and out.startswith("3 open, 0 overdue (dana,")
    assert "#1  Acme: I'll send the revised quote by Friday - due " in out
    assert "Globex: Refund by Thursday - due Thu 3 Jan, 17:00" in out

    status, out, _ = _run(capsys, "close", "2", "--as", "cancelled", "--user", "dana")
    assert status == 0 and "Promise #2 marked cancelled: Look into the invoice" in out
    status, out, _ = _run(capsys, "promises", "--user", "dana")
    assert "Look into the invoice" not in out and out.startswith("2 open")


def test_someone_elses_promise_cannot_be_closed(capsys):
    _run(capsys, "track", "Call back", "--user", "dana")
    status, _, err = _run(capsys, "close", "1", "--user", "eve")
    assert status == 1 and err.strip() == "toughclient close: You have no promise #1 here."
    status, _, err = _run(capsys, "track", "Call back", "--due", "next week", "--user", "dana")
    assert status == 2 and "is not a date" in err


def test_digest_dry_run_export_and_forget_work_on_the_local_rows(capsys):
    _run(capsys, "track", "Send the contract", "--customer", "Initech", "--user", "dana")
    _run(capsys, "log", "Initech", "Asked for a discount again", "--user", "dana")

    status, out, _ = _run(capsys, "digest", "--dry-run")
    assert status == 0 and "=== cli local dana ===" in out
    assert "Initech: Send the contract - no date yet" in out
    assert "This week's incidents (1):" in out and "(1 digest; dry run" in out

    status, out, _ = _run(capsys, "digest")
    assert status == 0 and "1 command-line users (see `digest --dry-run`)" in out

    status, out, _ = _run(capsys, "export", "--format", "json", "--platform", "cli")
    exported = json.loads(out)
    assert [p["text"] for p in exported["promises"]] == ["Send the contract"]
    assert exported["incidents"][0]["user_id"] == "dana"

    status, out, _ = _run(capsys, "forget", "--user", "dana", "--tenant", "local",
                          "--platform", "cli")
    assert status == 0 and "for user dana in local" in out
