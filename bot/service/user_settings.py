"""A person's time zone and digest schedule; defaults until they change them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.service.errors import InvalidInput
from bot.service.records import zone
from bot.service.views import Actor, UserSettingsView
from bot.store.models import UserSetting
from bot.store.queries import upsert

DEFAULTS = UserSettingsView(tz="UTC", digest_day=0, digest_hour=9, digest_enabled=True)
KEYED = ("platform", "tenant_id", "user_id")


def settings_view(row: UserSetting | None) -> UserSettingsView:
    if row is None:
        return DEFAULTS
    return UserSettingsView(
        tz=row.tz,
        digest_day=row.digest_day,
        digest_hour=row.digest_hour,
        digest_enabled=row.digest_enabled,
        all_clear=row.all_clear,
    )


def get_settings(session: Session, actor: Actor) -> UserSettingsView:
    row = session.scalars(
        select(UserSetting).where(
            UserSetting.platform == actor.platform,
            UserSetting.tenant_id == actor.tenant_id,
            UserSetting.user_id == actor.user_id,
        )
    ).one_or_none()
    return settings_view(row)


def check_changes(
    *,
    tz: str | None,
    digest_day: int | None,
    digest_hour: int | None,
) -> None:
    if tz is not None:
        zone(tz)
    if digest_day is not None and not 0 <= digest_day <= 6:
        raise InvalidInput("The digest day is 0 (Monday) to 6 (Sunday).")
    if digest_hour is not None and not 0 <= digest_hour <= 23:
        raise InvalidInput("The digest hour is 0 to 23, in your own time zone.")


def update_settings(
    session: Session,
    actor: Actor,
    *,
    tz: str | None,
    digest_day: int | None,
    digest_hour: int | None,
    digest_enabled: bool | None,
    all_clear: bool | None = None,
    now: datetime,
) -> UserSettingsView:
    check_changes(tz=tz, digest_day=digest_day, digest_hour=digest_hour)
    current = get_settings(session, actor)
    changed = UserSettingsView(
        tz=current.tz if tz is None else tz,
        digest_day=current.digest_day if digest_day is None else digest_day,
        digest_hour=current.digest_hour if digest_hour is None else digest_hour,
        digest_enabled=current.digest_enabled if digest_enabled is None else digest_enabled,
        all_clear=current.all_clear if all_clear is None else all_clear,
    )
    values = {
        "platform": actor.platform,
        "tenant_id": actor.tenant_id,
        "user_id": actor.user_id,
        "tz": changed.tz,
        "digest_day": changed.digest_day,
        "digest_hour": changed.digest_hour,
        "digest_enabled": changed.digest_enabled,
        "all_clear": changed.all_clear,
        "updated_at": now,
    }
    upsert(session, UserSetting, values, KEYED, tuple(k for k in values if k not in KEYED))
    return changed
