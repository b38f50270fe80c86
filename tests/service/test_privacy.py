from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from bot.service import Actor, Service
from bot.store.models import CoachingEvent, ProcessedDelivery
from bot.store.queries import insert_unless_exists

NOW = datetime(2026, 3, 4, 10, 0, tzinfo=UTC)


def _event(service: Service, actor: Actor, *, draft: str | None, when: datetime) -> None:
    with service._writers.begin() as session:
        insert_unless_exists(
            session,
            CoachingEvent,
            {
                "platform": actor.platform, "tenant_id": actor.tenant_id, "user_id": actor.user_id,
                "flag_codes": "hard_no", "flag_count": 1, "promise_count": 0,
                "rewrite_source": "rules", "draft_text": draft, "created_at": when,
            },
            ("platform", "tenant_id", "delivery_key"),
        )


def _drafts(service: Service) -> list[str | None]:
    with service._readers.begin() as session:
        return list(session.scalars(select(CoachingEvent.draft_text).order_by(CoachingEvent.id)))


def test_old_drafts_and_closed_items_are_purged_after_the_retention_period(
    service: Service, actor: Actor
):
    retention = service.settings.retention_days
    old = NOW - timedelta(days=retention + 1)
    _event(service, actor, draft="We can't do that.", when=old)
    _event(service, actor, draft="No.", when=NOW)
    closed_old = service.track_promise(actor, text="old", now=old)
    service.close_promise(actor, closed_old.id, "kept", now=old)
    open_old = service.track_promise(actor, text="still open", now=old)
    recent = service.track_promise(actor, text="recent", now=NOW)
    service.close_promise(actor, recent.id, "broken", now=NOW)
    resolved_old = service.log_incident(actor, customer="Acme", what_happened="x", now=old)
    service.resolve_incident(actor, resolved_old.id, now=old)
    open_incident = service.log_incident(actor, customer="Acme", what_happened="y", now=old)
    service.claim_delivery(actor, "Ev-old", now=NOW - timedelta(days=3))
    service.claim_delivery(actor, "Ev-new", now=NOW)

    report = service.purge_expired(now=NOW)

    assert (report.drafts_cleared, report.promises_deleted, report.incidents_deleted) == (1, 1, 1)
    assert report.deliveries_deleted == 1
    assert _drafts(service) == [None, "No."]
    assert [p.id for p in service.open_promises(actor)] == [open_old.id]
    assert [i.id for i in service.list_incidents(actor)] == [open_incident.id]
    with service._readers.begin() as session:
        assert session.scalar(select(func.count()).select_from(ProcessedDelivery)) == 1


def test_forgetting_a_user_erases_their_coaching_and_keeps_the_teams_record(
    service: Service, actor: Actor
):
    colleague = Actor(actor.platform, actor.tenant_id, "U2")
    _event(service, actor, draft="Calm down.", when=NOW)
    _event(service, actor, draft=None, when=NOW)
    _event(service, colleague, draft="Per my last email", when=NOW)
    service.track_promise(actor, text="Call back", now=NOW)
    service.log_incident(actor, customer="Acme", what_happened="x", now=NOW)

    report = service.forget_user(tenant_id=actor.tenant_id, user_id=actor.user_id)

    assert (report.coaching_events_deleted, report.drafts_deleted) == (2, 1)
    assert _drafts(service) == ["Per my last email"]
    assert len(service.open_promises(actor)) == 1
    assert len(service.list_incidents(actor)) == 1


def test_forgetting_on_another_platform_leaves_this_one_alone(service: Service, actor: Actor):
    _event(service, actor, draft=None, when=NOW)
    report = service.forget_user(tenant_id=actor.tenant_id, user_id=actor.user_id, platform="teams")
    assert report.coaching_events_deleted == 0
    assert len(_drafts(service)) == 1
