"""A workspace's or tenant's own settings: today, whether drafts may go to the model.

The model is on by default wherever a key is configured; an admin turns it off
for their workspace (Slack) or tenant (Teams), and it stays off, uninstalls and
reinstalls included, until they turn it on again.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

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
