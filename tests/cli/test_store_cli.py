"""The store's commands: migrate, export, forget and digest, run as `python app.py ...`."""

import csv
import io
import json
from datetime import UTC, datetime, timedelta

import pytest

import app
from bot.service import Actor, Service

NOW = datetime(2026, 3, 4, 10, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _database(monkeypatch, tmp_path, database_url):
    monkeypatch.chdir(tmp_path)  # no stray .env is read
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("TOUGHCLIENT_RETENTION_DAYS", "30")


def test_migrate_creates_the_schema_and_reports_the_revision(capsys):
    assert app.main(["migrate", "--check"]) == 0
    out = capsys.readouterr().out
    assert "is at revision 0003" in out


def test_a_fresh_machine_gets_a_sqlite_file_in_the_working_directory(monkeypatch, tmp_path):
    monkeypatch.delenv("DATABASE_URL")
    assert app.main(["migrate"]) == 0
    assert (tmp_path / "toughclient.db").is_file()


def _seed(service: Service, actor: Actor, other: Actor) -> None:
    service.log_incident(
        actor, customer="Acme", what_happened='Said "never again", loudly',
        what_agreed="Refund", due=NOW + timedelta(days=2), severity="high", now=NOW,
    )
    service.log_incident(actor, customer="Old", what_happened="x", now=NOW - timedelta(days=60))
    service.log_incident(other, customer="Globex", what_happened="y", now=NOW)


def test_export_csv_filters_by_tenant_and_period(service, actor, other_tenant, capsys):
    _seed(service, actor, other_tenant)
    code = app.main(["export", "--tenant", "T1", "--since", "2026-03-01", "--until", "2026-03-04"])
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["record"], r["customer"]) for r in rows] == [
        ("incident", "Acme"),
        ("promise", "Acme"),
    ]
    assert rows[0]["text"] == 'Said "never again", loudly'
    assert rows[1]["due"] == (NOW + timedelta(days=2)).isoformat()


def test_export_json_to_a_file(service, actor, other_tenant, tmp_path):
    _seed(service, actor, other_tenant)
    target = tmp_path / "out.json"
    assert app.main(["export", "--format", "json", "--output", str(target)]) == 0
    data = json.loads(target.read_text())
    assert len(data["incidents"]) == 3 and len(data["promises"]) == 1
    assert data["incidents"][1]["created_at"] == NOW.isoformat()


@pytest.mark.parametrize(
    "args", [["--since", "yesterday"], ["--until", "2026-02-30"], ["--since", "2026-03-05",
                                                                   "--until", "2026-03-01"]]
)
def test_bad_dates_get_one_line_and_a_non_zero_exit(args, capsys):
    assert app.main(["export", *args]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("toughclient export:")


def test_forget_a_user_keeps_the_teams_record(service, actor, capsys):
    from dataclasses import replace

    from bot.service import build_service

    keeping = build_service(replace(service.settings, store_drafts=True))
    try:
        keeping.coach(actor, "We can't do that.", now=NOW)
    finally:
        keeping.close()
    service.track_promise(actor, text="Call back", now=NOW)
    assert app.main(["forget", "--user", "U1", "--tenant", "T1"]) == 0
    assert "Erased 1 coaching events (1 with stored drafts)" in capsys.readouterr().out
    assert len(service.open_promises(actor)) == 1


def test_forget_a_user_needs_the_tenant(capsys):
    assert app.main(["forget", "--user", "U1"]) == 2
    assert "--tenant" in capsys.readouterr().err


def test_forget_expired_applies_the_retention_setting(service, actor, capsys):
    old = service.track_promise(actor, text="old", now=NOW - timedelta(days=400))
    service.close_promise(actor, old.id, "kept", now=NOW - timedelta(days=400))
    assert app.main(["forget", "--expired"]) == 0
    assert "Retention 30 days" in capsys.readouterr().out
    assert service.export_records().promises == []


def test_digest_dry_run_prints_each_opted_in_digest(service, actor, capsys):
    service.track_promise(actor, text="Send the quote", customer="Acme",
                          due=NOW - timedelta(days=1), now=NOW)
    service.track_promise(Actor("teams", "tn", "29:a"), text="Call Globex", now=NOW)
    off = Actor("slack", "T1", "U5")
    service.update_settings(off, digest_enabled=False)
    service.track_promise(off, text="hidden", now=NOW)
    assert app.main(["digest", "--dry-run", "--now", NOW.isoformat()]) == 0
    out = capsys.readouterr().out
    assert "=== slack T1 U1 ===" in out and "=== teams tn 29:a ===" in out
    assert "Acme: Send the quote" in out and "Call Globex" in out
    assert "hidden" not in out
    assert "(2 digests; dry run, nothing sent)" in out


def test_csv_cells_that_a_spreadsheet_would_run_are_quoted(service, actor, capsys):
    service.log_incident(actor, customer="=HYPERLINK(\"http://x\")", what_happened="-1+1", now=NOW)
    assert app.main(["export"]) == 0
    [row] = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert row["customer"].startswith("'=") and row["text"] == "'-1+1"


def test_export_to_a_folder_that_does_not_exist_is_one_line_not_a_traceback(service, capsys):
    assert app.main(["export", "--output", "/nonexistent/folder/x.csv"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot write /nonexistent/folder/x.csv" in err
