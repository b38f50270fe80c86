from dataclasses import replace
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from bot.config import Settings
from bot.service import Actor, InvalidInput, Service, build_service
from bot.store.models import CoachingEvent

NOW = datetime(2026, 3, 4, 10, 0, tzinfo=UTC)
DRAFT = "We can't do that. I'll get back to you soon."


def _events(service: Service) -> list[CoachingEvent]:
    with service._readers.begin() as session:
        return list(session.scalars(select(CoachingEvent).order_by(CoachingEvent.id)))


def test_coaching_records_the_flags_but_not_the_draft(service: Service, actor: Actor):
    outcome = service.coach(actor, DRAFT, now=NOW)
    assert outcome.tz == "UTC"
    assert outcome.result.flag_codes
    [event] = _events(service)
    assert event.id == outcome.event_id
    assert event.flag_codes.split(",") == outcome.result.flag_codes
    assert event.flag_count == len(outcome.result.flags)
    assert event.draft_text is None


def test_the_draft_is_stored_only_when_the_setting_allows(
    service: Service, settings: Settings, actor: Actor
):
    keeping = build_service(replace(settings, store_drafts=True))
    try:
        keeping.coach(actor, DRAFT, now=NOW)
    finally:
        keeping.close()
    assert [e.draft_text for e in _events(service)] == [DRAFT]


def test_coaching_runs_in_the_users_time_zone(service: Service, actor: Actor):
    service.update_settings(actor, tz="Asia/Tokyo")
    outcome = service.coach(actor, "I'll call you by 3pm today.", now=NOW)
    assert outcome.tz == "Asia/Tokyo"
    dues = [p.due for p in outcome.result.promises if p.due]
    assert dues and all(d.utcoffset().total_seconds() == 9 * 3600 for d in dues)


def test_a_redelivered_draft_is_one_coaching_event(service: Service, actor: Actor):
    first = service.coach(actor, DRAFT, delivery_key="Ev1", now=NOW)
    again = service.coach(actor, DRAFT, delivery_key="Ev1", now=NOW)
    assert first.event_id == again.event_id
    assert len(_events(service)) == 1


def test_an_empty_draft_is_invalid_input_and_records_nothing(service: Service, actor: Actor):
    with pytest.raises(InvalidInput):
        service.coach(actor, "   ", now=NOW)
    assert _events(service) == []


def test_coaching_still_works_when_the_database_is_down(actor: Actor):
    from bot.store.engine import make_engine
    from bot.store.retry import RetryPolicy

    settings = Settings(database_url="postgresql://postgres@127.0.0.1:1/none")
    down = Service(make_engine(settings.sqlalchemy_url), settings, retry=RetryPolicy(delays=()))
    outcome = down.coach(actor, DRAFT, now=NOW)
    assert outcome.event_id is None
    assert outcome.result.flag_codes
