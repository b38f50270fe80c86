from datetime import UTC, datetime, timedelta

from bot.service import Actor, Service
from bot.service.customers import problem_signal

NOW = datetime(2026, 3, 4, 10, 0, tzinfo=UTC)


def _log(service: Service, actor: Actor, customer: str, days_ago: int, **fields):
    return service.log_incident(
        actor, customer=customer, what_happened="hard call", now=NOW - timedelta(days=days_ago),
        **fields,
    )


def test_names_match_whatever_the_case_and_spacing(service: Service, actor: Actor):
    _log(service, actor, "Acme Corp", 3)
    _log(service, actor, "  acme   CORP", 2)
    history = service.customer_history(actor, "ACME corp", now=NOW)
    assert history.incident_count == 2
    assert history.customer == "acme CORP"


def test_one_hard_exchange_is_a_customer_with_a_problem(service: Service, actor: Actor):
    _log(service, actor, "Acme", 1, severity="high")
    history = service.customer_history(actor, "Acme", now=NOW)
    assert not history.problem_customer
    assert "no clear pattern" in history.reason


def test_three_incidents_in_ninety_days_signal_a_problem_customer(service, actor):
    for days in (80, 40, 1):
        _log(service, actor, "Acme", days)
    history = service.customer_history(actor, "Acme", now=NOW)
    assert history.problem_customer
    assert "3 incidents in the last 90 days" in history.reason


def test_old_incidents_do_not_count_towards_the_window(service, actor):
    for days in (400, 200, 1):
        _log(service, actor, "Acme", days)
    history = service.customer_history(actor, "Acme", now=NOW)
    assert history.incident_count == 3
    assert not history.problem_customer


def test_the_teams_judgement_and_high_severity_count_too(service, actor):
    _log(service, actor, "Acme", 300, kind="problem_customer")
    _log(service, actor, "Acme", 200, kind="problem_customer")
    _log(service, actor, "Globex", 5, severity="high")
    _log(service, actor, "Globex", 4, severity="high")
    acme = service.customer_history(actor, "Acme", now=NOW)
    globex = service.customer_history(actor, "Globex", now=NOW)
    assert acme.problem_customer and 'marked "problem customer"' in acme.reason
    assert globex.problem_customer and "2 high-severity" in globex.reason


def test_history_shows_recent_incidents_and_everyones_open_promises(service, actor):
    colleague = Actor(actor.platform, actor.tenant_id, "U2")
    for days in range(7):
        _log(service, actor, "Acme", days)
    service.track_promise(colleague, text="Refund", customer="ACME", due=NOW, now=NOW)
    service.track_promise(actor, text="Call", customer="Acme", now=NOW)
    service.track_promise(actor, text="Other", customer="Globex", now=NOW)
    history = service.customer_history(actor, "acme", now=NOW)
    assert len(history.recent_incidents) == 5
    assert history.recent_incidents[0].created_at == NOW
    assert [p.text for p in history.open_promises] == ["Refund", "Call"]


def test_a_customer_with_no_record_has_a_plain_answer():
    signal = problem_signal([], now=NOW)
    assert not signal.problem_customer
    assert signal.reason == "No incidents are recorded for this customer."
