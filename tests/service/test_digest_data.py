from datetime import UTC, datetime, timedelta

from bot.service import Actor, Service

NOW = datetime(2026, 3, 4, 10, 0, tzinfo=UTC)


def _seed(service: Service, actor: Actor) -> None:
    service.track_promise(actor, text="overdue", due=NOW - timedelta(hours=1), now=NOW)
    service.track_promise(actor, text="this week", due=NOW + timedelta(days=6), now=NOW)
    service.track_promise(actor, text="later", due=NOW + timedelta(days=8), now=NOW)
    service.track_promise(actor, text="undated", now=NOW)
    kept = service.track_promise(actor, text="kept", now=NOW - timedelta(days=3))
    service.close_promise(actor, kept.id, "kept", now=NOW - timedelta(days=2))
    old = service.track_promise(actor, text="kept long ago", now=NOW - timedelta(days=30))
    service.close_promise(actor, old.id, "kept", now=NOW - timedelta(days=20))
    service.log_incident(actor, customer="Acme", what_happened="x", now=NOW - timedelta(days=1))
    service.log_incident(actor, customer="Acme", what_happened="y", now=NOW - timedelta(days=9))


def test_a_digest_sorts_open_promises_by_when_they_are_due(service: Service, actor: Actor):
    _seed(service, actor)
    digest = service.digest_for(actor, now=NOW)
    assert [p.text for p in digest.overdue] == ["overdue"]
    assert [p.text for p in digest.due_this_week] == ["this week"]
    assert [p.text for p in digest.later] == ["later"]
    assert [p.text for p in digest.undated] == ["undated"]
    assert (digest.kept_last_week, digest.incidents_last_week) == (1, 1)
    assert digest.actor == actor and digest.generated_at == NOW and digest.tz == "UTC"


def test_everyones_digest_matches_each_persons_own(service: Service, actor: Actor):
    colleague = Actor(actor.platform, actor.tenant_id, "U2")
    elsewhere = Actor("teams", "tenant-9", "29:x")
    quiet = Actor(actor.platform, actor.tenant_id, "U3")
    _seed(service, actor)
    service.track_promise(colleague, text="colleague's", now=NOW)
    service.track_promise(elsewhere, text="teams user's", now=NOW)
    service.update_settings(elsewhere, tz="Europe/Berlin")
    service.update_settings(quiet, digest_enabled=False)
    service.track_promise(quiet, text="no digest wanted", now=NOW)

    everyone = {(d.actor.platform, d.actor.tenant_id, d.actor.user_id): d
                for d in service.digests_for_all(now=NOW)}
    assert set(everyone) == {
        ("slack", "T1", "U1"), ("slack", "T1", "U2"), ("teams", "tenant-9", "29:x")
    }
    mine = everyone[("slack", "T1", "U1")]
    own = service.digest_for(actor, now=NOW)
    assert (mine.overdue, mine.due_this_week, mine.later, mine.undated) == (
        own.overdue, own.due_this_week, own.later, own.undated
    )
    assert everyone[("teams", "tenant-9", "29:x")].tz == "Europe/Berlin"
    assert [p.text for p in everyone[("slack", "T1", "U2")].undated] == ["colleague's"]


def test_a_person_with_the_digest_off_can_still_preview_it(service: Service, actor: Actor):
    service.update_settings(actor, digest_enabled=False)
    service.track_promise(actor, text="call", now=NOW)
    assert service.digests_for_all(now=NOW) == []
    assert [p.text for p in service.digest_for(actor, now=NOW).undated] == ["call"]
