"""A workspace's or tenant's own settings, switched by its admins.

Whether drafts may go to the model (on by default wherever a key is configured)
and whether team trends may be shown (off until an admin turns them on). They
stay as chosen, uninstalls and reinstalls included, until an admin changes them.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.service.views import Actor
from bot.store.models import TenantSetting
from bot.store.queries import upsert

KEYED = ("platform", "tenant_id")


def llm_enabled(session: Session, platform: str, tenant_id: str) -> bool:
    enabled = session.scalars(
        select(TenantSetting.llm_enabled).where(
            TenantSetting.platform == platform, TenantSetting.tenant_id == tenant_id
        )
    ).one_or_none()
    return True if enabled is None else bool(enabled)


def set_llm_enabled(
    session: Session,
    platform: str,
    tenant_id: str,
    enabled: bool,
    *,
    by: str | None,
    now: datetime,
) -> bool:
    values = {
        "platform": platform,
        "tenant_id": tenant_id,
        "llm_enabled": enabled,
        "updated_by": by,
        "updated_at": now,
    }
    upsert(session, TenantSetting, values, KEYED, ("llm_enabled", "updated_by", "updated_at"))
    return enabled


def team_trends_enabled(session: Session, platform: str, tenant_id: str) -> bool:
    enabled = session.scalars(
        select(TenantSetting.team_trends).where(
            TenantSetting.platform == platform, TenantSetting.tenant_id == tenant_id
        )
    ).one_or_none()
    return bool(enabled)


def set_team_trends(session: Session, admin: Actor, enabled: bool, *, now: datetime) -> bool:
    """Whoever calls this has been checked as an admin by the adapter (Slack or Teams)."""
    values = {
        "platform": admin.platform,
        "tenant_id": admin.tenant_id,
        "team_trends": enabled,
        "updated_by": admin.user_id,
        "updated_at": now,
    }
    upsert(session, TenantSetting, values, KEYED, ("team_trends", "updated_by", "updated_at"))
    return enabled
