"""Teams: the card is answered with the rules, then updated with the model's rewrite;
the message extension uses the model only when it answers inside Teams' 5 seconds.

Real activity JSON to /api/messages, the mock connector, and the real openai client
talking to the local fake OpenAI server.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from bot.config import Settings
from bot.service import Service, build_service
from bot.teams.routes import add_teams_routes
from tests.llm.fake_openai import FakeOpenAI
from tests.teams.conftest import (
    TENANT,
    MockConnector,
    TeamsBot,
    card_submit,
    extension_invoke,
    personal_message,
    start_bot,
)

DRAFT = "I understand. We can't refund order #4521. I'll get back to you ASAP."
MODEL_REPLY = (
    "Thank you for telling me about order #4521, and I'm sorry it has been frustrating. "
    "We can't refund this order, because [the reason]. I'll get back to you by 12 pm "
    "today. What we can do instead is [another option]. Which would you prefer?"
)
IDEA = "a call with our returns team"


@pytest.fixture
def llm_settings(tmp_path: Path, fake: FakeOpenAI) -> Settings:
    return Settings(
        database_url=f"sqlite:///{tmp_path / 'teams.db'}",
        openai_api_key="sk-test",
        openai_base_url=fake.base_url,
        openai_timeout=5.0,
    )


@pytest.fixture
def llm_service(llm_settings: Settings) -> Iterator[Service]:
    built = build_service(llm_settings)
    built.migrate()
    try:
        yield built
    finally:
        built.close()


@pytest.fixture
async def bot(
    connector: MockConnector, llm_service: Service, llm_settings: Settings
) -> AsyncIterator[TeamsBot]:
    app = web.Application()
    status = add_teams_routes(app, settings=llm_settings, service=llm_service)
    started = await start_bot(app, connector, llm_service, status)
    try:
        yield started
    finally:
        await started.session.close()
        await started.server.close()
        await llm_service.aclose()


def _submit(bot: TeamsBot, data: dict[str, Any]) -> dict[str, Any]:
    return extension_invoke(bot.connector.url, "composeExtension/submitAction",
                            {"commandId": "coachDraft", "commandContext": "compose",
                             "data": data})


async def test_a_chat_draft_gets_the_rules_card_then_the_same_card_with_the_model_rewrite(
    bot: TeamsBot, fake: FakeOpenAI
) -> None:
    fake.answers(MODEL_REPLY, alternatives=[IDEA])
    await bot.post(personal_message(bot.connector.url, DRAFT))
    [first] = bot.connector.messages()
    [update] = bot.connector.updates()
    assert "AI, re-checked" not in first.card_json
    assert update.path.endswith("/bot-msg-1")
    assert "AI, re-checked by the rules" in update.card_json
    assert "by 12 pm today" in update.card_json
    assert IDEA in update.card_json and "Alternatives you could offer" in update.card_json


async def test_a_model_that_breaks_a_guardrail_twice_leaves_the_rules_card(
    bot: TeamsBot, fake: FakeOpenAI
) -> None:
    dropped = MODEL_REPLY.replace("order #4521", "your order")
    fake.answers(dropped)
    fake.answers(dropped)
    await bot.post(personal_message(bot.connector.url, DRAFT))
    assert len(fake.requests) == 2
    assert bot.connector.updates() == []
    assert len(bot.connector.messages()) == 1


async def test_the_soften_form_card_is_replaced_with_the_model_reply(
    bot: TeamsBot, fake: FakeOpenAI
) -> None:
    reply = (
        "Thank you for asking about a refund after 30 days. I'm sorry, but we can't offer it, "
        "because refunds apply only within 30 days. What we can do is store credit. "
        "Which would you prefer?"
    )
    fake.answers(reply)
    value = {"action": "soften", "asked_for": "a refund after 30 days",
             "why_not": "refunds apply only within 30 days", "alternatives": "store credit"}
    await bot.post(card_submit(bot.connector.url, value, reply_to="bot-msg-7"))
    updates = bot.connector.updates()
    assert [u.path.rsplit("/", 1)[1] for u in updates] == ["bot-msg-7", "bot-msg-7"]
    assert "AI, re-checked by the rules" in updates[1].card_json
    assert "store credit" in fake.user_messages()[0]


async def test_the_message_extension_uses_a_model_that_answers_in_time(
    bot: TeamsBot, fake: FakeOpenAI
) -> None:
    fake.answers(MODEL_REPLY)
    answer = await bot.invoke(_submit(bot, {"action": "coach_draft", "draft": DRAFT}))
    card = answer["task"]["value"]["card"]["content"]
    insert = next(a for a in card["actions"] if a["title"] == "Insert the rewrite")
    assert insert["data"]["reply"] == MODEL_REPLY


async def test_the_message_extension_answers_with_the_rules_when_the_model_is_late(
    bot: TeamsBot, fake: FakeOpenAI
) -> None:
    fake.answers(MODEL_REPLY, delay=4.5)
    answer = await bot.invoke(_submit(bot, {"action": "coach_draft", "draft": DRAFT}))
    card = answer["task"]["value"]["card"]["content"]
    insert = next(a for a in card["actions"] if a["title"] == "Insert the rewrite")
    assert insert["data"]["reply"] != MODEL_REPLY
    assert "[the reason]" in insert["data"]["reply"]  # the rules rewrite's slot


async def test_a_tenant_that_turned_the_model_off_gets_no_model_rewrite(
    bot: TeamsBot, fake: FakeOpenAI
) -> None:
    bot.service.set_tenant_llm("teams", TENANT, False)
    await bot.post(personal_message(bot.connector.url, DRAFT))
    assert fake.requests == []
    assert bot.connector.updates() == []


async def test_ai_in_teams_chat_shows_the_setting_and_how_an_admin_switches_it(
    bot: TeamsBot, fake: FakeOpenAI
) -> None:
    await bot.post(personal_message(bot.connector.url, "ai off"))
    [answer] = bot.connector.messages()
    assert "The AI rewriter is on here" in answer.card_json
    assert f"python app.py ai off --platform teams --tenant {TENANT}" in answer.card_json
    assert bot.service.tenant_llm_enabled("teams", TENANT) is True
