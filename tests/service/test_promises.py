from datetime import UTC, datetime, timedelta

import pytest

from bot.service import Actor, InvalidInput, NotFound, Service

NOW = datetime(2026, 3, 4, 10, 0, tzinfo=UTC)


def test_open_promises_are_overdue_first_then_by_due_then_undated(service: Service, actor: Actor):
    later = service.track_promise(actor, text="later", due=NOW + timedelta(days=9), now=NOW)
    undated = service.track_promise(actor, text="undated", now=NOW)
    overdue = service.track_promise(actor, text="overdue", due=NOW - timedelta(days=1), now=NOW)
    soon = service.track_promise(actor, text="soon", due=NOW + timedelta(hours=2), now=NOW)
    very_overdue = service.track_promise(
        actor, text="very overdue", due=NOW - timedelta(days=5), now=NOW
    )
    order = [p.id for p in service.open_promises(actor, now=NOW)]
    assert order == [very_overdue.id, overdue.id, soon.id, later.id, undated.id]
    views = service.open_promises(actor, now=NOW)
    assert [p.overdue(NOW) for p in views] == [True, True, False, False, False]


def test_a_closed_promise_leaves_the_open_list(service: Service, actor: Actor):
    promise = service.track_promise(actor, text="Call back by 3pm", customer="Acme", now=NOW)
    closed = service.close_promise(actor, promise.id, "kept", now=NOW + timedelta(hours=1))
    assert closed.status == "kept"
    assert closed.closed_at == NOW + timedelta(hours=1)
    assert service.open_promises(actor) == []


def test_closing_twice_with_the_same_status_changes_nothing(service: Service, actor: Actor):
    promise = service.track_promise(actor, text="Send the quote", now=NOW)
    first = service.close_promise(actor, promise.id, "cancelled", now=NOW)
    second = service.close_promise(actor, promise.id, "cancelled", now=NOW + timedelta(days=1))
    assert second.closed_at == first.closed_at
    with pytest.raises(InvalidInput, match="already marked cancelled"):
        service.close_promise(actor, promise.id, "kept")


def test_a_promise_closes_only_as_kept_broken_or_cancelled(service: Service, actor: Actor):
    promise = service.track_promise(actor, text="Send the quote", now=NOW)
    with pytest.raises(InvalidInput, match="kept, broken, cancelled"):
        service.close_promise(actor, promise.id, "open")
    with pytest.raises(InvalidInput, match="what you promised"):
        service.track_promise(actor, text="   ")


def test_a_colleague_cannot_close_my_promise(service: Service, actor: Actor):
    promise = service.track_promise(actor, text="Send the quote", now=NOW)
    colleague = Actor(actor.platform, actor.tenant_id, "U2")
    with pytest.raises(NotFound):
        service.close_promise(colleague, promise.id, "kept")
    assert service.open_promises(colleague) == []
    assert [p.id for p in service.open_promises(actor)] == [promise.id]
