"""The model rewrite as a use case: the workspace switch, and what is recorded."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from sqlalchemy import create_engine

from bot.service import Actor, RewriteAsk, Service
from bot.service.rewrites import NO_KEY, TENANT_OFF
from bot.store.retry import RetryPolicy
from tests.llm.fake_openai import fake_openai

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
DRAFT = "We can't refund order #4521. I'll get back to you ASAP."


def test_the_switch_belongs_to_one_platform_and_tenant(service: Service) -> None:
    assert service.tenant_llm_enabled("slack", "T1") is True
    service.set_tenant_llm("slack", "T1", False, by="U_ADMIN", now=NOW)
    assert service.tenant_llm_enabled("slack", "T1") is False
    assert service.tenant_llm_enabled("slack", "T2") is True
    assert service.tenant_llm_enabled("teams", "T1") is True
    service.set_tenant_llm("slack", "T1", True, now=NOW)
    assert service.tenant_llm_enabled("slack", "T1") is True


async def test_without_a_key_the_rules_result_comes_back_untouched(
    service: Service, actor: Actor
) -> None:
    outcome = service.coach(actor, DRAFT, now=NOW)
    rewritten = await service.rewrite(actor, outcome)
    assert rewritten.outcome == NO_KEY and rewritten.result is outcome.result


async def test_a_tenant_that_turned_it_off_is_never_sent_to_the_model(
    service: Service, actor: Actor
) -> None:
    async with fake_openai() as fake:
        service.settings = replace(service.settings, openai_api_key="sk-test",
                                   openai_base_url=fake.base_url)
        service.set_tenant_llm(actor.platform, actor.tenant_id, False, now=NOW)
        outcome = service.coach(actor, DRAFT, now=NOW)
        rewritten = await service.rewrite(actor, outcome, RewriteAsk(customer_message="hi"))
        await service.aclose()
        assert rewritten.outcome == TENANT_OFF
        assert fake.requests == []


def test_when_the_database_cannot_say_the_model_is_not_used(settings, actor: Actor) -> None:
    broken = Service(
        create_engine("sqlite:////nonexistent/dir/x.db"),
        replace(settings, openai_api_key="sk-test"),
        retry=RetryPolicy(delays=()),
    )
    assert broken.llm_allowed(actor) is False


async def test_a_model_rewrite_marks_the_coaching_event(service: Service, actor: Actor) -> None:
    async with fake_openai() as fake:
        service.settings = replace(service.settings, openai_api_key="sk-test",
                                   openai_base_url=fake.base_url)
        fake.answers(
            "I'm sorry, but we can't refund order #4521, because [the reason]. I'll get back "
            "to you by 11 am today. What we can do instead is [another option]. Which would "
            "you prefer?"
        )
        outcome = service.coach(actor, DRAFT, delivery_key="k1", now=NOW)
        rewritten = await service.rewrite(actor, outcome, now=NOW)
        await service.aclose()
    assert rewritten.from_model
    again = service.coach(actor, DRAFT, delivery_key="k1", now=NOW)  # the same delivery
    assert again.event_id == outcome.event_id
    from sqlalchemy import text

    with service.engine.connect() as db:
        sources = db.execute(text("SELECT rewrite_source FROM coaching_events")).scalars().all()
    assert sources == ["llm"]
