"""`python app.py check`: what is on and off, what is wrong, and the fix; exit 1 when not set up."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

from bot.config import Settings
from bot.service import build_service
from tests.llm.fake_openai import fake_openai

ROOT = Path(__file__).resolve().parents[2]
CLEAN = {k: v for k, v in os.environ.items()
         if not k.startswith(("SLACK_", "MICROSOFT_", "OPENAI_", "DATABASE_", "TOUGHCLIENT_"))}


def migrated(path: Path) -> str:
    url = f"sqlite:///{path}"
    service = build_service(Settings(database_url=url))
    service.migrate()
    service.close()
    return url


async def check(tmp: Path, **env: str) -> tuple[int, str, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable, str(ROOT / "app.py"), "check", cwd=tmp, env={**CLEAN, **env},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode is not None
    return process.returncode, out.decode(), err.decode()


async def test_a_good_set_up_passes_and_names_what_is_on(tmp_path: Path) -> None:
    async with fake_openai() as model:
        status, out, _ = await check(
            tmp_path, DATABASE_URL=migrated(tmp_path / "ok.db"),
            SLACK_BOT_TOKEN="xoxb-1-2-3", SLACK_SIGNING_SECRET="s3cret-value",
            OPENAI_API_KEY="sk-test-key-123456", OPENAI_BASE_URL=model.base_url,
        )
    assert status == 0, out
    assert "ok   slack: Slack: one workspace over HTTP" in out
    assert "ok   migrations: at head" in out
    assert "ok   openai: gpt-4o-mini at http://127.0.0.1" in out
    assert out.rstrip().endswith("All set.")
    assert "xoxb-1-2-3" not in out and "s3cret-value" not in out and "sk-test" not in out


async def test_each_problem_is_named_with_its_fix_and_the_exit_status_is_1(tmp_path: Path) -> None:
    status, out, err = await check(
        tmp_path, DATABASE_URL=f"sqlite:///{tmp_path / 'empty.db'}",
        TOUGHCLIENT_MIGRATE_ON_START="false",
        SLACK_APP_TOKEN="xoxb-pasted-in-the-wrong-place",
        MICROSOFT_APP_ID="00000000-0000-0000-0000-000000000001",
        OPENAI_API_KEY="sk-test-key-123456", OPENAI_BASE_URL="http://127.0.0.1:9/v1",
    )
    assert status == 1
    assert "FAIL slack: Slack is off: SLACK_APP_TOKEN (Socket Mode) also needs SLACK_BOT" in out
    assert "FAIL slack_app_token: SLACK_APP_TOKEN should start with 'xapp-'" in out
    assert "FAIL teams: Teams will not start: MICROSOFT_APP_ID is set but" in out
    assert "FAIL migrations: at no schema" in out and "python app.py migrate" in out
    assert "FAIL openai: http://127.0.0.1:9/v1 is unreachable" in out
    assert "5 to fix" in err


async def test_an_unreachable_database_says_which_url_to_check(tmp_path: Path) -> None:
    status, out, _ = await check(
        tmp_path, DATABASE_URL="postgresql://bot:hunter2@127.0.0.1:9/none",
    )
    assert status == 1
    assert "FAIL database: postgresql+psycopg://bot:***@127.0.0.1:9/none: unreachable" in out
    assert "check DATABASE_URL" in out and "hunter2" not in out
