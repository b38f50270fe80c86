"""No call reads or changes another workspace's rows: these tests try."""

from datetime import UTC, datetime, timedelta

import pytest

from bot.service import Actor, NotFound, Service

NOW = datetime(2026, 3, 4, 10, 0, tzinfo=UTC)


@pytest.fixture
def theirs(service: Service, other_tenant: Actor) -> dict[str, int]:
    incident = service.log_incident(
        other_tenant, customer="Acme", what_happened="secret", what_agreed="Refund",
        due=NOW + timedelta(days=1), kind="problem_customer", now=NOW,
    )
    promise = service.track_promise(other_tenant, text="their promise", customer="Acme", now=NOW)
    return {"incident": incident.id, "promise": promise.id}


def test_another_tenants_incident_cannot_be_resolved(service, actor, other_tenant, theirs):
    with pytest.raises(NotFound):
        service.resolve_incident(actor, theirs["incident"])
    [still_open] = service.list_incidents(other_tenant)
    assert still_open.status == "open"


def test_another_tenants_promise_cannot_be_closed(service, actor, other_tenant, theirs):
    thief = Actor(actor.platform, actor.tenant_id, other_tenant.user_id)
    with pytest.raises(NotFound):
        service.close_promise(thief, theirs["promise"], "kept")
    assert len(service.open_promises(other_tenant)) == 2


def test_lists_never_show_another_tenants_rows(service, actor, theirs):
    assert service.list_incidents(actor) == []
    assert service.list_incidents(actor, customer="Acme") == []
    same_user_id = Actor(actor.platform, actor.tenant_id, "U9")
    assert service.open_promises(same_user_id) == []
    history = service.customer_history(actor, "Acme")
    assert history.incident_count == 0
    assert history.open_promises == []
    assert service.digest_for(same_user_id, now=NOW).open_count == 0


def test_the_same_tenant_id_on_another_platform_is_another_tenant(service, other_tenant, theirs):
    teams_twin = Actor("teams", other_tenant.tenant_id, other_tenant.user_id)
    assert service.list_incidents(teams_twin) == []
    assert service.open_promises(teams_twin) == []
    with pytest.raises(NotFound):
        service.resolve_incident(teams_twin, theirs["incident"])


def test_settings_belong_to_one_tenant(service, actor, other_tenant):
    twin = Actor(other_tenant.platform, other_tenant.tenant_id, actor.user_id)
    service.update_settings(actor, tz="Asia/Tokyo")
    assert service.get_settings(twin).tz == "UTC"
