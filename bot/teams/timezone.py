"""Adopt the Teams client's time zone for people who never chose one.

Every Teams activity carries `localTimezone` (IANA, e.g. "Europe/Paris").
Settings start at UTC and Teams offers no way to change them, so a stored
UTC means "never chosen": the client's zone is saved once, before the first
coaching, so "by EOD" and the digest read in the person's own zone. A zone
someone set (anything but UTC) is never overwritten. Each person is looked at
once per process; a database hiccup costs only the zone, never the answer.
"""

from __future__ import annotations

import asyncio
import logging
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from botbuilder.schema import Activity

from bot.service import Actor, Service, bridge

log = logging.getLogger(__name__)

DEFAULT_TZ = "UTC"
# Seconds the two settings calls may take before the answer goes ahead without them.
TIMEZONE_BUDGET = 1.0


def client_timezone(activity: Activity) -> str | None:
    """The activity's IANA `localTimezone` when it names a real zone; None otherwise."""
    name = getattr(activity, "local_timezone", None)
    if not isinstance(name, str) or not name.strip() or len(name) > 64:
        return None
    name = name.strip()
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None
    return name


class TimezoneAdopter:
    """Remembers whom it has looked at, so each person costs at most one read per process."""

    def __init__(self, service: Service, *, budget: float = TIMEZONE_BUDGET) -> None:
        self.service = service
        self.budget = budget
        self._seen: set[tuple[str, str, str]] = set()

    def _adopt(self, actor: Actor, tz: str) -> bool:
        if self.service.get_settings(actor).tz != DEFAULT_TZ:
            return False
        self.service.update_settings(actor, tz=tz)
        return True

    async def adopt(self, actor: Actor, activity: Activity) -> None:
        key = (actor.platform, actor.tenant_id, actor.user_id)
        if key in self._seen:
            return
        tz = client_timezone(activity)
        if tz is None or tz == DEFAULT_TZ:
            return  # nothing to adopt yet: a later activity may carry a zone
        self._seen.add(key)
        try:
            adopted = await asyncio.wait_for(
                bridge.run(self._adopt, actor, tz), timeout=self.budget
            )
        except Exception as err:  # the zone is worth a write, never a missing answer
            self._seen.discard(key)
            log.warning("could not adopt the Teams time zone of %s: %r", actor.user_id, err)
            return
        if adopted:
            log.info("Teams user %s: time zone set to %s from the client", actor.user_id, tz)
