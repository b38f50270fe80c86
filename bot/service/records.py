"""ORM rows to views, and the input checks shared by the use cases."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.service.errors import InvalidInput
from bot.service.limits import CUSTOMER_CHARS, USER_NAME_CHARS
from bot.service.views import IncidentView, PromiseView
from bot.store.models import Incident, Promise
from bot.user_text import clean_text

PROMISE_COLUMNS = (
    Promise.id,
    Promise.platform,
    Promise.tenant_id,
    Promise.user_id,
    Promise.customer,
    Promise.text,
    Promise.due,
    Promise.status,
    Promise.created_at,
    Promise.closed_at,
    Promise.source_link,
    Promise.incident_id,
)
"""PromiseView's fields in order: bulk reads select these and build views positionally."""


def incident_view(row: Incident) -> IncidentView:
    return IncidentView(
        id=row.id,
        platform=row.platform,
        tenant_id=row.tenant_id,
        user_id=row.user_id,
        customer=row.customer,
        channel_id=row.channel_id,
        what_happened=row.what_happened,
        what_agreed=row.what_agreed,
        severity=row.severity,
        kind=row.kind,
        status=row.status,
        created_at=row.created_at,
        resolved_at=row.resolved_at,
        source_link=row.source_link,
        user_name=row.user_name,
    )


def promise_view(row: Promise) -> PromiseView:
    return PromiseView(
        id=row.id,
        platform=row.platform,
        tenant_id=row.tenant_id,
        user_id=row.user_id,
        customer=row.customer,
        text=row.text,
        due=row.due,
        status=row.status,
        created_at=row.created_at,
        closed_at=row.closed_at,
        source_link=row.source_link,
        incident_id=row.incident_id,
    )


def promise_view_from_columns(row: Any) -> PromiseView:
    return PromiseView(*row)


def customer_key(name: str) -> str:
    """How customer names are matched: case and spacing do not make a new customer."""
    return " ".join(name.split()).casefold()


def clean_customer(name: str | None, *, required: bool) -> str | None:
    cleaned = " ".join(clean_text(name or "").split())
    if not cleaned:
        if required:
            raise InvalidInput("Say which customer this was about.")
        return None
    if len(cleaned) > CUSTOMER_CHARS:
        raise InvalidInput(
            f"That customer name is too long (at most {CUSTOMER_CHARS:,} characters)."
        )
    return cleaned


def optional_text(value: str | None, what: str, limit: int) -> str:
    """Stored text without control characters, at most `limit` characters, or InvalidInput."""
    cleaned = clean_text(value or "").strip()
    if len(cleaned) > limit:
        raise InvalidInput(
            f"{what[:1].upper()}{what[1:]} is too long ({len(cleaned):,} characters; "
            f"at most {limit:,}). Shorten it and try again: nothing was saved."
        )
    return cleaned


def required_text(value: str | None, what: str, limit: int) -> str:
    cleaned = optional_text(value, what, limit)
    if not cleaned:
        raise InvalidInput(f"Say {what}.")
    return cleaned


def display_name(name: str | None) -> str | None:
    """A person's name as the platform gave it, cut to fit its column."""
    cleaned = " ".join(clean_text(name or "").split())
    return cleaned[:USER_NAME_CHARS] or None


def one_of(value: str, allowed: tuple[str, ...], what: str) -> str:
    if value not in allowed:
        raise InvalidInput(f"{what} must be one of: {', '.join(allowed)} (not {value!r}).")
    return value


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInput(
            f"Unknown time zone {name!r}; use a name such as Europe/Paris or America/New_York."
        ) from None


def aware(moment: datetime | None, tz: str) -> datetime | None:
    """A datetime in UTC; a naive one is read in the user's own time zone."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone(tz))
    return moment.astimezone(UTC)


def utc_now(now: datetime | None) -> datetime:
    if now is None:
        return datetime.now(UTC)
    if now.tzinfo is None:
        raise InvalidInput("`now` must be an aware datetime.")
    return now.astimezone(UTC)
