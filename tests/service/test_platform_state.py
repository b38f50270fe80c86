from datetime import UTC, datetime, timedelta

import pytest
from slack_sdk.oauth.installation_store import Installation

from bot.service import Actor, InvalidInput, Service

NOW = datetime(2026, 3, 4, 10, 0, tzinfo=UTC)
REFERENCE = {
    "activity_id": "a1",
    "bot": {"id": "28:bot", "name": "toughclient"},
    "conversation": {"id": "a:1xyz", "tenantId": "tenant-1", "conversationType": "personal"},
    "service_url": "https://smba.trafficmanager.net/emea/",
    "channel_id": "msteams",
}


def test_a_conversation_reference_is_stored_as_json_and_replaced(service: Service):
    teams_user = Actor("teams", "tenant-1", "29:user", "Grace")
    service.save_conversation_reference(teams_user, REFERENCE)
    newer = {**REFERENCE, "activity_id": "a2"}
    service.save_conversation_reference(teams_user, newer)
    service.save_conversation_reference(Actor("teams", "tenant-2", "29:other"), REFERENCE)
    assert service.conversation_references(tenant_id="tenant-1") == [(teams_user, newer)]
    assert len(service.conversation_references()) == 2
    with service.engine.connect() as connection:
        raw = connection.exec_driver_sql(
            "SELECT reference_json FROM conversation_references WHERE tenant_id = 'tenant-1'"
        ).scalar_one()
    assert '"activity_id": "a2"' in raw


def test_a_reference_that_is_not_json_is_refused(service: Service):
    with pytest.raises(InvalidInput, match="plain JSON"):
        service.save_conversation_reference(Actor("teams", "t", "u"), {"when": NOW})


def test_slack_oauth_stores_work_on_the_migrated_tables(service: Service):
    installations = service.slack_installation_store("client-1")
    installations.save(
        Installation(
            app_id="A1", team_id="T1", user_id="U1", bot_token="xoxb-1", bot_id="B1",
            bot_user_id="UB1", bot_scopes=["commands", "chat:write"],
        )
    )
    bot = installations.find_bot(enterprise_id=None, team_id="T1")
    assert bot is not None and bot.bot_token == "xoxb-1"
    states = service.slack_oauth_state_store(expiration_seconds=60)
    state = states.issue()
    assert states.consume(state) is True
    assert states.consume(state) is False


def test_forgetting_a_tenant_drops_its_platform_state_and_keeps_records(
    service: Service, actor: Actor
):
    installations = service.slack_installation_store("client-1")
    for team in ("T1", "T2"):
        installations.save(
            Installation(app_id="A1", team_id=team, user_id="U1", bot_token=f"xoxb-{team}")
        )
    service.claim_delivery(actor, "Ev1")
    service.claim_digest(actor, "2026-W10", now=NOW)
    service.save_conversation_reference(actor, REFERENCE)
    service.track_promise(actor, text="Call back", now=NOW)

    service.forget_tenant("T1")

    assert installations.find_bot(enterprise_id=None, team_id="T1") is None
    assert installations.find_bot(enterprise_id=None, team_id="T2") is not None
    assert service.conversation_references(tenant_id="T1") == []
    assert service.claim_delivery(actor, "Ev1") is True
    assert service.claim_digest(actor, "2026-W10", now=NOW) == "first"
    assert len(service.open_promises(actor)) == 1


def test_a_finished_digest_is_marked_sent_or_failed(service: Service, actor: Actor):
    assert service.claim_digest(actor, "2026-W10", now=NOW)
    service.finish_digest(actor, "2026-W10", now=NOW)
    assert service.claim_digest(actor, "2026-W11", now=NOW)
    service.finish_digest(actor, "2026-W11", error="channel_not_found", now=NOW)
    with service.engine.connect() as connection:
        rows = connection.exec_driver_sql(
            "SELECT week_key, status, error FROM digest_deliveries ORDER BY week_key"
        ).all()
    assert [tuple(r) for r in rows] == [
        ("2026-W10", "sent", None),
        ("2026-W11", "failed", "channel_not_found"),
    ]


def test_forgetting_a_slack_workspace_leaves_a_teams_tenant_with_the_same_id(
    service: Service, actor: Actor
):
    same_id_on_teams = Actor("teams", actor.tenant_id, "29:someone")
    service.save_conversation_reference(same_id_on_teams, REFERENCE)
    service.claim_delivery(same_id_on_teams, "activity-1")

    service.forget_tenant(actor.tenant_id)

    assert [a for a, _ in service.conversation_references()] == [same_id_on_teams]
    assert service.claim_delivery(same_id_on_teams, "activity-1") is False


def test_a_failed_digest_can_be_claimed_again_by_exactly_one_sender(
    service: Service, actor: Actor
):
    assert service.claim_digest(actor, "2026-W10", now=NOW)
    service.finish_digest(actor, "2026-W10", error="timeout", now=NOW)
    assert service.claim_digest(actor, "2026-W10", now=NOW) == "again"
    assert service.claim_digest(actor, "2026-W10", now=NOW) is None


def test_a_claim_whose_sender_died_is_reclaimed_once_stale_but_not_before(
    service: Service, actor: Actor
):
    assert service.claim_digest(actor, "2026-W10", now=NOW)
    assert service.claim_digest(actor, "2026-W10", now=NOW + timedelta(minutes=5)) is None
    assert service.claim_digest(actor, "2026-W10", now=NOW + timedelta(minutes=20)) == "again"
    assert service.claim_digest(actor, "2026-W10", now=NOW + timedelta(minutes=21)) is None
