"""A workspace's two switches live in one row and never move each other: the AI
rewriter (on until turned off) and team trends (off until turned on)."""

from bot.service import Actor, Service


def test_turning_one_switch_leaves_the_other_as_it_was(service: Service, actor: Actor):
    assert service.team_trends_enabled(actor) is False
    service.set_tenant_llm(actor.platform, actor.tenant_id, False, by=actor.user_id)
    assert service.team_trends_enabled(actor) is False
    service.set_team_trends(actor, True)
    assert service.tenant_llm_enabled(actor.platform, actor.tenant_id) is False
    assert service.team_trends_enabled(actor) is True


def test_team_trends_belong_to_one_workspace(service: Service, actor: Actor, other_tenant: Actor):
    service.set_team_trends(actor, True)
    assert service.team_trends_enabled(other_tenant) is False
    assert service.tenant_llm_enabled(actor.platform, actor.tenant_id) is True
