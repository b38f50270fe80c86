"""What a workspace or tenant admin turned on for everyone in it: team trends."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.service.views import Actor
from bot.store.models import TenantSetting
from bot.store.queries import upsert


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
        "changed_by": admin.user_id,
        "updated_at": now,
    }
    upsert(
        session,
        TenantSetting,
        values,
        ("platform", "tenant_id"),
        ("team_trends", "changed_by", "updated_at"),
    )
    return enabled
