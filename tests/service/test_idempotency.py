"""The same delivery key twice is the same record, never a duplicate."""

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from threading import Barrier

import pytest

from bot.service import Actor, Service

NOW = datetime(2026, 3, 4, 10, 0, tzinfo=UTC)
THREADS = 8


def test_a_redelivered_incident_returns_the_first_record(service: Service, actor: Actor):
    first = service.log_incident(
        actor, customer="Acme", what_happened="x", what_agreed="Refund by Friday",
        delivery_key="Ev1", now=NOW,
    )
    again = service.log_incident(
        actor, customer="Acme", what_happened="x", what_agreed="Refund by Friday",
        delivery_key="Ev1", now=NOW,
    )
    assert again == first
    assert len(service.list_incidents(actor)) == 1
    assert len(service.open_promises(actor)) == 1


def test_a_redelivered_promise_returns_the_first_record(service: Service, actor: Actor):
    first = service.track_promise(actor, text="Call back", delivery_key="trig-1", now=NOW)
    again = service.track_promise(actor, text="Call back", delivery_key="trig-1", now=NOW)
    assert again == first
    assert len(service.open_promises(actor)) == 1


def test_the_same_key_in_another_workspace_is_a_different_delivery(
    service: Service, actor: Actor, other_tenant: Actor
):
    mine = service.track_promise(actor, text="Call back", delivery_key="k", now=NOW)
    theirs = service.track_promise(other_tenant, text="Call back", delivery_key="k", now=NOW)
    assert mine.id != theirs.id
    assert service.claim_delivery(actor, "k2") is True
    assert service.claim_delivery(other_tenant, "k2") is True
    assert service.claim_delivery(actor, "k2") is False


def test_writes_without_a_key_are_all_kept(service: Service, actor: Actor):
    service.track_promise(actor, text="Call back", now=NOW)
    service.track_promise(actor, text="Call back", now=NOW)
    assert len(service.open_promises(actor)) == 2


def _hammer(function, count: int = THREADS) -> list:
    barrier = Barrier(count)

    def run(_: int):
        barrier.wait()
        return function()

    with ThreadPoolExecutor(count) as pool:
        return list(pool.map(run, range(count)))


def test_concurrent_deliveries_of_one_incident_make_one_record(service: Service, actor: Actor):
    results = _hammer(
        lambda: service.log_incident(
            actor, customer="Acme", what_happened="x", what_agreed="Refund",
            delivery_key="Ev-race", now=NOW,
        )
    )
    assert {r.id for r in results} == {results[0].id}
    assert len(service.list_incidents(actor)) == 1
    assert len(service.open_promises(actor)) == 1


def test_concurrent_deliveries_of_one_promise_make_one_record(service: Service, actor: Actor):
    results = _hammer(
        lambda: service.track_promise(actor, text="Call", delivery_key="race", now=NOW)
    )
    assert {r.id for r in results} == {results[0].id}
    assert len(service.open_promises(actor)) == 1


def test_exactly_one_concurrent_claim_of_a_delivery_wins(service: Service, actor: Actor):
    claims = _hammer(lambda: service.claim_delivery(actor, "Ev-claim"))
    assert sorted(claims) == [False] * (THREADS - 1) + [True]


@pytest.mark.parametrize("week", ["2026-W10"])
def test_exactly_one_replica_claims_a_weekly_digest(service: Service, actor: Actor, week: str):
    claims = _hammer(lambda: service.claim_digest(actor, week, now=NOW))
    assert claims.count("first") == 1 and claims.count(None) == len(claims) - 1
    assert service.claim_digest(actor, "2026-W11", now=NOW) == "first"
