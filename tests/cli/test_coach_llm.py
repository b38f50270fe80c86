"""`python app.py coach` with a model: the real openai client against the local fake server.

The command runs as a subprocess (as a user runs it) while the fake server
answers in the test's event loop.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from pathlib import Path

from tests.llm.fake_openai import FakeOpenAI

ROOT = Path(__file__).resolve().parents[2]
NOW = "2026-11-23T09:00:00+00:00"
DRAFT = "I understand. We can't refund order #4521. I'll get back to you ASAP."
MODEL_REPLY = (
    "Thank you for telling me about order #4521, and I'm sorry it has been frustrating. "
    "We can't refund this order, because [the reason]. I'll get back to you by 11 am today. "
    "What we can do instead is [another option]. Which would you prefer?"
)


async def coach(
    fake: FakeOpenAI, tmp_path: Path, *args: str, stdin: str = ""
) -> tuple[int, str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
    env.update(OPENAI_API_KEY="sk-test", OPENAI_BASE_URL=fake.base_url, OPENAI_TIMEOUT="5")
    proc = await asyncio.create_subprocess_exec(
        sys.executable, str(ROOT / "app.py"), "coach", *args,
        cwd=tmp_path, env=env, stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(proc.communicate(stdin.encode()), timeout=60)
    return proc.returncode or 0, out.decode(), err.decode()


async def test_json_with_a_key_uses_the_model_and_changes_only_rewrite_and_source(
    fake: FakeOpenAI, tmp_path: Path
) -> None:
    fake.answers(MODEL_REPLY)
    code, out, err = await coach(fake, tmp_path, "--json", "--now", NOW, DRAFT)
    assert code == 0, err
    data = json.loads(out)
    assert set(data) == {"id", "flags", "promises", "rewrite", "rewrite_source"}
    assert data["rewrite_source"] == "llm" and data["rewrite"] == MODEL_REPLY
    assert "vague_commitment" in {f["code"] for f in data["flags"]}


async def test_no_llm_keeps_the_rules_and_sends_nothing(fake: FakeOpenAI, tmp_path: Path) -> None:
    code, out, err = await coach(fake, tmp_path, "--json", "--no-llm", "--now", NOW, DRAFT)
    assert code == 0, err
    assert json.loads(out)["rewrite_source"] == "rules"
    assert fake.requests == []


async def test_customer_gives_the_model_the_customers_message(
    fake: FakeOpenAI, tmp_path: Path
) -> None:
    fake.answers(MODEL_REPLY, alternatives=["a call with our returns team"])
    code, out, err = await coach(
        fake, tmp_path, "--no-color", "--now", NOW, "--customer", "Refund me now!!", DRAFT
    )
    assert code == 0, err
    assert "Refund me now!!" in fake.user_messages()[0]
    assert "Suggested reply (llm)" in out
    assert "a call with our returns team" in out and "ideas from the model" in out


async def test_a_failing_model_still_prints_the_rules_answer(
    fake: FakeOpenAI, tmp_path: Path
) -> None:
    fake.raw("{broken")
    code, out, err = await coach(fake, tmp_path, "--json", "--now", NOW, DRAFT)
    assert code == 0
    assert json.loads(out)["rewrite_source"] == "rules"
    assert "outcome=malformed" in err
    assert "4521" not in err  # nothing of the draft in the log line


async def test_jsonl_rewrites_each_draft_and_keeps_the_order(
    fake: FakeOpenAI, tmp_path: Path
) -> None:
    fake.answers(MODEL_REPLY)
    lines = "\n".join([
        json.dumps({"id": 1, "text": DRAFT}),
        json.dumps({"id": 2, "text": "Thanks, I'll call you by 3pm today."}),
        "not json",
    ])
    code, out, _err = await coach(fake, tmp_path, "--jsonl", "--now", NOW, stdin=lines)
    assert code == 1  # the bad line
    first, second, third = (json.loads(line) for line in out.splitlines())
    assert (first["id"], first["rewrite_source"]) == (1, "llm")
    assert (second["id"], second["rewrite_source"], second["rewrite"]) == (2, "rules", None)
    assert "error" in third
    assert len(fake.requests) == 1  # the clean draft is not sent
