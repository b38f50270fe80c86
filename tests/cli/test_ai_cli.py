"""`python app.py ai`: an operator's switch for one workspace or tenant."""

from __future__ import annotations

import pytest

import app


@pytest.fixture(autouse=True)
def _database(monkeypatch, tmp_path, database_url):
    monkeypatch.chdir(tmp_path)  # no stray .env is read
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)


def test_turning_the_model_off_is_kept_per_platform_and_tenant(capsys):
    assert app.main(["ai", "off", "--tenant", "T1"]) == 0
    assert "off for slack T1" in capsys.readouterr().out
    assert app.main(["ai", "status", "--tenant", "T1"]) == 0
    assert "off for slack T1" in capsys.readouterr().out
    assert app.main(["ai", "status", "--tenant", "T1", "--platform", "teams"]) == 0
    assert "on for teams T1" in capsys.readouterr().out
    assert app.main(["ai", "status", "--tenant", "T2"]) == 0
    assert "on for slack T2" in capsys.readouterr().out


def test_a_blank_tenant_is_refused_with_a_message(capsys):
    assert app.main(["ai", "off", "--tenant", "  "]) == 1
    assert "Name the workspace or tenant" in capsys.readouterr().err
