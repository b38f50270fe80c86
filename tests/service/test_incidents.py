from datetime import UTC, datetime, timedelta

import pytest

from bot.service import Actor, InvalidInput, NotFound, Service

NOW = datetime(2026, 3, 4, 10, 0, tzinfo=UTC)


def test_a_logged_incident_comes_back_with_aware_utc_times(service: Service, actor: Actor):
    logged = service.log_incident(
        actor,
        customer="  Acme   Corp ",
        what_happened="Shouted about the late delivery",
        severity="high",
        kind="customer_with_problem",
        channel_id="C1",
        source_link="https://example.slack.com/archives/C1/p1",
        now=NOW,
    )
    assert logged.customer == "Acme Corp"
    assert logged.status == "open"
    assert logged.created_at == NOW and logged.created_at.tzinfo is not None
    listed = service.list_incidents(actor)
    assert [i.id for i in listed] == [logged.id]
    assert listed[0].created_at.utcoffset() == timedelta(0)
    assert listed[0].user_name == "Ada"


def test_what_was_agreed_becomes_a_tracked_promise(service: Service, actor: Actor):
    due = datetime(2026, 3, 6, 15, 0, tzinfo=UTC)
    incident = service.log_incident(
        actor, customer="Acme", what_happened="Wrong invoice",
        what_agreed="Send a corrected invoice", due=due, now=NOW,
    )
    [promise] = service.open_promises(actor)
    assert promise.text == "Send a corrected invoice"
    assert promise.due == due
    assert promise.incident_id == incident.id
    assert promise.customer == "Acme"


def test_a_naive_due_is_read_in_the_users_time_zone(service: Service, actor: Actor):
    service.update_settings(actor, tz="Europe/Paris")
    service.log_incident(
        actor, customer="Acme", what_happened="x", what_agreed="Call back",
        due=datetime(2026, 3, 6, 15, 0), now=NOW,
    )
    [promise] = service.open_promises(actor)
    assert promise.due == datetime(2026, 3, 6, 14, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"customer": "  ", "what_happened": "x"}, "customer"),
        ({"customer": "Acme", "what_happened": ""}, "what happened"),
        ({"customer": "Acme", "what_happened": "x", "severity": "urgent"}, "Severity"),
        ({"customer": "Acme", "what_happened": "x", "kind": "villain"}, "Kind"),
        ({"customer": "A" * 201, "what_happened": "x"}, "too long"),
        ({"customer": "Acme", "what_happened": "x", "due": NOW}, "what was agreed"),
    ],
)
def test_bad_incident_input_is_refused_with_a_reason(service, actor, fields, words):
    with pytest.raises(InvalidInput, match=words):
        service.log_incident(actor, **fields)
    assert service.list_incidents(actor) == []


def test_incidents_filter_by_customer_status_kind_and_period(service: Service, actor: Actor):
    first = service.log_incident(
        actor, customer="Acme", what_happened="a", kind="problem_customer",
        now=NOW - timedelta(days=10),
    )
    second = service.log_incident(
        actor, customer="ACME ", what_happened="b", now=NOW - timedelta(days=2)
    )
    third = service.log_incident(actor, customer="Globex", what_happened="c", now=NOW)
    service.resolve_incident(actor, second.id, now=NOW)

    assert [i.id for i in service.list_incidents(actor)] == [third.id, second.id, first.id]
    assert [i.id for i in service.list_incidents(actor, customer="acme")] == [second.id, first.id]
    assert [i.id for i in service.list_incidents(actor, status="open")] == [third.id, first.id]
    assert [i.id for i in service.list_incidents(actor, kind="problem_customer")] == [first.id]
    since = service.list_incidents(actor, since=NOW - timedelta(days=3))
    assert [i.id for i in since] == [third.id, second.id]
    until = service.list_incidents(actor, until=NOW - timedelta(days=1))
    assert [i.id for i in until] == [second.id, first.id]
    assert len(service.list_incidents(actor, limit=1)) == 1
    with pytest.raises(InvalidInput):
        service.list_incidents(actor, status="closed")


def test_resolving_records_the_time_once(service: Service, actor: Actor):
    incident = service.log_incident(actor, customer="Acme", what_happened="x", now=NOW)
    resolved = service.resolve_incident(actor, incident.id, now=NOW + timedelta(hours=1))
    again = service.resolve_incident(actor, incident.id, now=NOW + timedelta(hours=5))
    assert resolved.status == "resolved"
    assert again.resolved_at == NOW + timedelta(hours=1)


def test_resolving_an_unknown_incident_is_not_found(service: Service, actor: Actor):
    with pytest.raises(NotFound, match="#999"):
        service.resolve_incident(actor, 999)
