from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import select
from sqlalchemy.exc import StatementError

from bot.service import Service
from bot.store.models import Promise

PARIS_WINTER = timezone(timedelta(hours=1))


def _add(service: Service, due):
    with service._writers.begin() as session:
        session.add(
            Promise(platform="slack", tenant_id="T", user_id="U", text="x", status="open",
                    created_at=datetime(2026, 1, 1, tzinfo=UTC), due=due)
        )


def test_times_come_back_aware_in_utc_on_both_databases(service: Service):
    _add(service, datetime(2026, 3, 4, 15, 30, tzinfo=PARIS_WINTER))
    with service._readers.begin() as session:
        due = session.scalars(select(Promise.due)).one()
    assert due == datetime(2026, 3, 4, 14, 30, tzinfo=UTC)
    assert due.utcoffset() == timedelta(0)


def test_comparisons_use_the_instant_not_the_wall_clock(service: Service):
    _add(service, datetime(2026, 3, 4, 15, 30, tzinfo=PARIS_WINTER))
    cutoff = datetime(2026, 3, 4, 14, 45, tzinfo=UTC)
    with service._readers.begin() as session:
        earlier = session.scalars(select(Promise.id).where(Promise.due < cutoff)).all()
    assert len(earlier) == 1


def test_a_naive_datetime_is_refused(service: Service):
    with pytest.raises(StatementError, match="naive datetime"):
        _add(service, datetime(2026, 3, 4, 15, 30))
