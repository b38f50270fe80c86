"""Frozen time across zones and both daylight-saving changes: one digest a week, never two,
never none, at the first round on or after the person's chosen local day and hour.

The clock is walked hour by hour (the server runs a round about every ten
minutes; an hour is enough to pass every chosen hour) across three whole
weeks around each change, with the real delivery round and database.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.digest.deliver import deliver_digests
from bot.digest.outcomes import Delivered
from bot.digest.week import week_key
from bot.service import Actor, DigestData, Service

HOUR = timedelta(hours=1)


class Clocked:
    """Keeps (person, week, the round's time) of every digest it was handed."""

    def __init__(self) -> None:
        self.now = datetime.min.replace(tzinfo=UTC)
        self.sent: list[tuple[str, str, datetime]] = []

    async def send(self, data: DigestData, week: str) -> Delivered:
        self.sent.append((data.actor.user_id, week, self.now))
        return Delivered("D", str(len(self.sent)))

    async def find_sent(self, data: DigestData, week: str) -> Delivered | None:
        return None


# (zone, a date in the week of the change, [(day, hour) chosen]) -- the chosen hours
# include the one the change skips (spring) or repeats (autumn) on its Sunday.
CASES = [
    ("America/New_York", "2026-03-08", [(6, 2), (0, 9), (6, 23)]),  # 02:00 does not exist
    ("America/New_York", "2026-11-01", [(6, 1), (0, 9), (4, 17)]),  # 01:00 happens twice
    ("Europe/London", "2026-03-29", [(6, 1), (0, 0), (2, 12)]),  # 01:00 does not exist
    ("Europe/Berlin", "2026-10-25", [(6, 2), (0, 9), (6, 23)]),  # 02:00 happens twice
    ("Pacific/Auckland", "2026-04-05", [(6, 2), (0, 9)]),  # southern autumn: 02:00 twice
    ("Asia/Kolkata", "2026-03-29", [(0, 9), (6, 23)]),  # no DST, half-hour offset
]


def _three_weeks(day: str, tz: str) -> tuple[datetime, datetime]:
    """Monday 00:00 local of the week before the change, to Monday 00:00 local three weeks on."""
    local = datetime.fromisoformat(day).replace(tzinfo=ZoneInfo(tz))
    monday = (local - timedelta(days=local.weekday() + 7)).replace(hour=0)
    return monday.astimezone(UTC), (monday + timedelta(weeks=3)).astimezone(UTC)


@pytest.mark.parametrize(("tz", "change", "chosen"), CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES])
async def test_one_digest_a_week_at_the_chosen_local_hour(
    service: Service, tz: str, change: str, chosen: list[tuple[int, int]]
) -> None:
    start, end = _three_weeks(change, tz)
    people = {}
    for n, (day, hour) in enumerate(chosen):
        person = Actor("slack", "T1", f"U{n}")
        service.track_promise(person, text="Call the customer back", now=start - HOUR)
        service.update_settings(person, tz=tz, digest_day=day, digest_hour=hour)
        people[person.user_id] = (day, hour)
    clock = Clocked()
    moment = start
    while moment < end:
        clock.now = moment
        report = await deliver_digests(service, {"slack": clock}, now=moment)
        assert report.failed == []
        moment += HOUR

    weeks: dict[str, list[str]] = defaultdict(list)
    for user, week, at in clock.sent:
        weeks[user].append(week)
        day, hour = people[user]
        local = at.astimezone(ZoneInfo(tz))
        assert week == week_key(at, tz)
        # The first hourly round on or after the chosen local day and hour.
        assert (local.weekday(), local.hour) >= (day, hour)
        earlier = (at - HOUR).astimezone(ZoneInfo(tz))
        assert week_key(at - HOUR, tz) != week or (earlier.weekday(), earlier.hour) < (day, hour)
    for user in people:
        assert len(weeks[user]) == 3, (user, weeks[user])
        assert len(set(weeks[user])) == 3, (user, weeks[user])
