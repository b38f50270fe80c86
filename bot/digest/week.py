"""Which week a digest belongs to, in the person's own time zone.

The key is what makes delivery exactly-once: every replica computes the same
key for the same person, and the database lets only one of them claim it.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo


def week_key(now: datetime, tz: str) -> str:
    """ISO week in the user's zone, e.g. "2026-W10"."""
    year, week, _ = now.astimezone(ZoneInfo(tz)).isocalendar()
    return f"{year}-W{week:02d}"
