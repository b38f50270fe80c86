"""The records of product.md, as typed SQLAlchemy 2 mappings.

Every table carries `platform` and `tenant_id` (Slack team or enterprise id,
Teams tenant id) and every query filters on them first, which is why the
indexes lead with those two columns. Writes that come from a chat platform
keep the platform's delivery key under a unique constraint, so a retried
delivery finds the first record instead of making a second one.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from bot import labels
from bot.store.types import UTCDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

SEVERITIES = labels.values(labels.SEVERITIES)
INCIDENT_KINDS = labels.values(labels.INCIDENT_KINDS)
INCIDENT_STATUSES = labels.values(labels.INCIDENT_STATUSES)
PROMISE_STATUSES = labels.values(labels.PROMISE_STATUSES)
DIGEST_STATUSES = ("claimed", "sent", "failed", "skipped")

# Lengths: platform ids are short; customer names and texts are what people type.
ID = 64
NAME = 200
KEY = 200


def _one_of(column: str, values: tuple[str, ...]) -> str:
    listed = ", ".join(f"'{v}'" for v in values)
    return f"{column} IN ({listed})"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Incident(Base):
    """A difficult exchange, kept as the team's record (coaching principle 6)."""

    __tablename__ = "incidents"
    __table_args__ = (
        UniqueConstraint("platform", "tenant_id", "delivery_key"),
        Index(None, "platform", "tenant_id", "created_at"),
        Index(None, "platform", "tenant_id", "customer_key", "created_at"),
        Index(None, "platform", "tenant_id", "user_id", "created_at"),
        CheckConstraint(_one_of("severity", SEVERITIES), name="severity"),
        CheckConstraint(_one_of("kind", INCIDENT_KINDS), name="kind"),
        CheckConstraint(_one_of("status", INCIDENT_STATUSES), name="status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    tenant_id: Mapped[str] = mapped_column(String(ID))
    user_id: Mapped[str] = mapped_column(String(ID))
    user_name: Mapped[str | None] = mapped_column(String(NAME))
    customer: Mapped[str] = mapped_column(String(NAME))
    customer_key: Mapped[str] = mapped_column(String(NAME))
    channel_id: Mapped[str | None] = mapped_column(String(ID))
    what_happened: Mapped[str] = mapped_column(Text)
    what_agreed: Mapped[str] = mapped_column(Text, default="")
    severity: Mapped[str] = mapped_column(String(16), default="medium")
    kind: Mapped[str] = mapped_column(String(32), default="unsure")
    status: Mapped[str] = mapped_column(String(16), default="open")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    source_link: Mapped[str | None] = mapped_column(Text)
    delivery_key: Mapped[str | None] = mapped_column(String(KEY))


class Promise(Base):
    """A commitment made to a customer, tracked until it is kept (principle 2)."""

    __tablename__ = "promises"
    __table_args__ = (
        UniqueConstraint("platform", "tenant_id", "delivery_key"),
        Index(None, "platform", "tenant_id", "user_id", "status", "due"),
        Index(None, "platform", "tenant_id", "customer_key", "status"),
        Index(None, "status", "closed_at"),
        Index(None, "incident_id"),
        CheckConstraint(_one_of("status", PROMISE_STATUSES), name="status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    tenant_id: Mapped[str] = mapped_column(String(ID))
    user_id: Mapped[str] = mapped_column(String(ID))
    customer: Mapped[str | None] = mapped_column(String(NAME))
    customer_key: Mapped[str | None] = mapped_column(String(NAME))
    text: Mapped[str] = mapped_column(Text)
    due: Mapped[datetime | None] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(16), default="open")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    source_link: Mapped[str | None] = mapped_column(Text)
    incident_id: Mapped[int | None] = mapped_column(
        ForeignKey("incidents.id", ondelete="SET NULL")
    )
    delivery_key: Mapped[str | None] = mapped_column(String(KEY))


class CoachingEvent(Base):
    """Which flags fired on one draft, for trends; the draft itself only when allowed."""

    __tablename__ = "coaching_events"
    __table_args__ = (
        UniqueConstraint("platform", "tenant_id", "delivery_key"),
        Index(None, "platform", "tenant_id", "user_id", "created_at"),
        Index(None, "created_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    tenant_id: Mapped[str] = mapped_column(String(ID))
    user_id: Mapped[str] = mapped_column(String(ID))
    flag_codes: Mapped[str] = mapped_column(Text, default="")
    flag_count: Mapped[int] = mapped_column(Integer, default=0)
    promise_count: Mapped[int] = mapped_column(Integer, default=0)
    rewrite_source: Mapped[str] = mapped_column(String(16), default="rules")
    draft_text: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    delivery_key: Mapped[str | None] = mapped_column(String(KEY))


class UserSetting(Base):
    """A person's time zone and weekly digest schedule."""

    __tablename__ = "user_settings"
    __table_args__ = (
        UniqueConstraint("platform", "tenant_id", "user_id"),
        CheckConstraint("digest_day BETWEEN 0 AND 6", name="digest_day"),
        CheckConstraint("digest_hour BETWEEN 0 AND 23", name="digest_hour"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    tenant_id: Mapped[str] = mapped_column(String(ID))
    user_id: Mapped[str] = mapped_column(String(ID))
    tz: Mapped[str] = mapped_column(String(64), default="UTC")
    digest_day: Mapped[int] = mapped_column(Integer, default=0)
    digest_hour: Mapped[int] = mapped_column(Integer, default=9)
    digest_enabled: Mapped[bool] = mapped_column(default=True)
    all_clear: Mapped[bool] = mapped_column(default=False, server_default=false())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ConversationReference(Base):
    """A Teams conversation reference for proactive messages, as plain JSON text."""

    __tablename__ = "conversation_references"
    __table_args__ = (UniqueConstraint("platform", "tenant_id", "user_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    tenant_id: Mapped[str] = mapped_column(String(ID))
    user_id: Mapped[str] = mapped_column(String(ID))
    user_name: Mapped[str | None] = mapped_column(String(NAME))
    reference_json: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class DigestDelivery(Base):
    """One weekly digest per person per week, claimed once across every replica."""

    __tablename__ = "digest_deliveries"
    __table_args__ = (
        UniqueConstraint("platform", "tenant_id", "user_id", "week_key"),
        Index(None, "claimed_at"),
        CheckConstraint(_one_of("status", DIGEST_STATUSES), name="status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    tenant_id: Mapped[str] = mapped_column(String(ID))
    user_id: Mapped[str] = mapped_column(String(ID))
    week_key: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16), default="claimed")
    claimed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    error: Mapped[str | None] = mapped_column(Text)
    # Where the digest landed (Slack DM channel and ts, Teams activity id), so a
    # sender that takes over a stale claim can look before it sends again.
    channel_id: Mapped[str | None] = mapped_column(String(KEY))
    message_id: Mapped[str | None] = mapped_column(String(KEY))


class ProcessedDelivery(Base):
    """A platform delivery already handled: Slack and Teams retry, we answer once."""

    __tablename__ = "processed_deliveries"
    __table_args__ = (
        UniqueConstraint("platform", "tenant_id", "delivery_key"),
        Index(None, "created_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    tenant_id: Mapped[str] = mapped_column(String(ID))
    delivery_key: Mapped[str] = mapped_column(String(KEY))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class TenantSetting(Base):
    """A workspace's or tenant's own choices: may drafts go to the model, may admins see
    team trends."""

    __tablename__ = "tenant_settings"
    __table_args__ = (UniqueConstraint("platform", "tenant_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    tenant_id: Mapped[str] = mapped_column(String(ID))
    llm_enabled: Mapped[bool] = mapped_column(default=True)
    team_trends: Mapped[bool] = mapped_column(default=False, server_default=false())
    updated_by: Mapped[str | None] = mapped_column(String(ID), nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
