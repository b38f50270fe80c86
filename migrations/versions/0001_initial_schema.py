"""Initial schema: incidents, promises, coaching events, settings, platform state.

UTC timestamps are `timestamptz` on PostgreSQL; on SQLite the models' UTCDateTime
stores naive UTC. slack_sdk's OAuth tables are created here with the columns
its SQLAlchemy stores expect.

Revision ID: 0001
Revises:
Create Date: 2026-11-22 18:12:52.119603
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('coaching_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('platform', sa.String(length=16), nullable=False),
    sa.Column('tenant_id', sa.String(length=64), nullable=False),
    sa.Column('user_id', sa.String(length=64), nullable=False),
    sa.Column('flag_codes', sa.Text(), nullable=False),
    sa.Column('flag_count', sa.Integer(), nullable=False),
    sa.Column('promise_count', sa.Integer(), nullable=False),
    sa.Column('rewrite_source', sa.String(length=16), nullable=False),
    sa.Column('draft_text', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('delivery_key', sa.String(length=200), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_coaching_events')),
    sa.UniqueConstraint('platform', 'tenant_id', 'delivery_key', name=op.f('uq_coaching_events_platform_tenant_id_delivery_key'))
    )
    op.create_index(op.f('ix_coaching_events_created_at'), 'coaching_events', ['created_at'], unique=False)
    op.create_index(op.f('ix_coaching_events_platform_tenant_id_user_id_created_at'), 'coaching_events', ['platform', 'tenant_id', 'user_id', 'created_at'], unique=False)

    op.create_table('conversation_references',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('platform', sa.String(length=16), nullable=False),
    sa.Column('tenant_id', sa.String(length=64), nullable=False),
    sa.Column('user_id', sa.String(length=64), nullable=False),
    sa.Column('user_name', sa.String(length=200), nullable=True),
    sa.Column('reference_json', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_conversation_references')),
    sa.UniqueConstraint('platform', 'tenant_id', 'user_id', name=op.f('uq_conversation_references_platform_tenant_id_user_id'))
    )
    op.create_table('digest_deliveries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('platform', sa.String(length=16), nullable=False),
    sa.Column('tenant_id', sa.String(length=64), nullable=False),
    sa.Column('user_id', sa.String(length=64), nullable=False),
    sa.Column('week_key', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('claimed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('error', sa.Text(), nullable=True),
    sa.CheckConstraint("status IN ('claimed', 'sent', 'failed')", name=op.f('ck_digest_deliveries_status')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_digest_deliveries')),
    sa.UniqueConstraint('platform', 'tenant_id', 'user_id', 'week_key', name=op.f('uq_digest_deliveries_platform_tenant_id_user_id_week_key'))
    )
    op.create_index(op.f('ix_digest_deliveries_claimed_at'), 'digest_deliveries', ['claimed_at'], unique=False)

    op.create_table('incidents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('platform', sa.String(length=16), nullable=False),
    sa.Column('tenant_id', sa.String(length=64), nullable=False),
    sa.Column('user_id', sa.String(length=64), nullable=False),
    sa.Column('user_name', sa.String(length=200), nullable=True),
    sa.Column('customer', sa.String(length=200), nullable=False),
    sa.Column('customer_key', sa.String(length=200), nullable=False),
    sa.Column('channel_id', sa.String(length=64), nullable=True),
    sa.Column('what_happened', sa.Text(), nullable=False),
    sa.Column('what_agreed', sa.Text(), nullable=False),
    sa.Column('severity', sa.String(length=16), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('source_link', sa.Text(), nullable=True),
    sa.Column('delivery_key', sa.String(length=200), nullable=True),
    sa.CheckConstraint("kind IN ('problem_customer', 'customer_with_problem', 'unsure')", name=op.f('ck_incidents_kind')),
    sa.CheckConstraint("severity IN ('low', 'medium', 'high')", name=op.f('ck_incidents_severity')),
    sa.CheckConstraint("status IN ('open', 'resolved')", name=op.f('ck_incidents_status')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_incidents')),
    sa.UniqueConstraint('platform', 'tenant_id', 'delivery_key', name=op.f('uq_incidents_platform_tenant_id_delivery_key'))
    )
    op.create_index(op.f('ix_incidents_platform_tenant_id_created_at'), 'incidents', ['platform', 'tenant_id', 'created_at'], unique=False)
    op.create_index(op.f('ix_incidents_platform_tenant_id_customer_key_created_at'), 'incidents', ['platform', 'tenant_id', 'customer_key', 'created_at'], unique=False)
    op.create_index(op.f('ix_incidents_platform_tenant_id_user_id_created_at'), 'incidents', ['platform', 'tenant_id', 'user_id', 'created_at'], unique=False)

    op.create_table('processed_deliveries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('platform', sa.String(length=16), nullable=False),
    sa.Column('tenant_id', sa.String(length=64), nullable=False),
    sa.Column('delivery_key', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_processed_deliveries')),
    sa.UniqueConstraint('platform', 'tenant_id', 'delivery_key', name=op.f('uq_processed_deliveries_platform_tenant_id_delivery_key'))
    )
    op.create_index(op.f('ix_processed_deliveries_created_at'), 'processed_deliveries', ['created_at'], unique=False)

    op.create_table('slack_bots',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('client_id', sa.String(length=32), nullable=False),
    sa.Column('app_id', sa.String(length=32), nullable=False),
    sa.Column('enterprise_id', sa.String(length=32), nullable=True),
    sa.Column('enterprise_name', sa.String(length=200), nullable=True),
    sa.Column('team_id', sa.String(length=32), nullable=True),
    sa.Column('team_name', sa.String(length=200), nullable=True),
    sa.Column('bot_token', sa.String(length=200), nullable=True),
    sa.Column('bot_id', sa.String(length=32), nullable=True),
    sa.Column('bot_user_id', sa.String(length=32), nullable=True),
    sa.Column('bot_scopes', sa.String(length=1000), nullable=True),
    sa.Column('bot_refresh_token', sa.String(length=200), nullable=True),
    sa.Column('bot_token_expires_at', sa.DateTime(), nullable=True),
    sa.Column('is_enterprise_install', sa.Boolean(), nullable=False),
    sa.Column('installed_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_slack_bots'))
    )
    op.create_index('slack_bots_idx', 'slack_bots', ['client_id', 'enterprise_id', 'team_id', 'installed_at'], unique=False)

    op.create_table('slack_installations',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('client_id', sa.String(length=32), nullable=False),
    sa.Column('app_id', sa.String(length=32), nullable=False),
    sa.Column('enterprise_id', sa.String(length=32), nullable=True),
    sa.Column('enterprise_name', sa.String(length=200), nullable=True),
    sa.Column('enterprise_url', sa.String(length=200), nullable=True),
    sa.Column('team_id', sa.String(length=32), nullable=True),
    sa.Column('team_name', sa.String(length=200), nullable=True),
    sa.Column('bot_token', sa.String(length=200), nullable=True),
    sa.Column('bot_id', sa.String(length=32), nullable=True),
    sa.Column('bot_user_id', sa.String(length=32), nullable=True),
    sa.Column('bot_scopes', sa.String(length=1000), nullable=True),
    sa.Column('bot_refresh_token', sa.String(length=200), nullable=True),
    sa.Column('bot_token_expires_at', sa.DateTime(), nullable=True),
    sa.Column('user_id', sa.String(length=32), nullable=False),
    sa.Column('user_token', sa.String(length=200), nullable=True),
    sa.Column('user_scopes', sa.String(length=1000), nullable=True),
    sa.Column('user_refresh_token', sa.String(length=200), nullable=True),
    sa.Column('user_token_expires_at', sa.DateTime(), nullable=True),
    sa.Column('incoming_webhook_url', sa.String(length=200), nullable=True),
    sa.Column('incoming_webhook_channel', sa.String(length=200), nullable=True),
    sa.Column('incoming_webhook_channel_id', sa.String(length=200), nullable=True),
    sa.Column('incoming_webhook_configuration_url', sa.String(length=200), nullable=True),
    sa.Column('is_enterprise_install', sa.Boolean(), nullable=False),
    sa.Column('token_type', sa.String(length=32), nullable=True),
    sa.Column('installed_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_slack_installations'))
    )
    op.create_index('slack_installations_idx', 'slack_installations', ['client_id', 'enterprise_id', 'team_id', 'user_id', 'installed_at'], unique=False)

    op.create_table('slack_oauth_states',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('state', sa.String(length=200), nullable=False),
    sa.Column('expire_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_slack_oauth_states'))
    )
    op.create_table('user_settings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('platform', sa.String(length=16), nullable=False),
    sa.Column('tenant_id', sa.String(length=64), nullable=False),
    sa.Column('user_id', sa.String(length=64), nullable=False),
    sa.Column('tz', sa.String(length=64), nullable=False),
    sa.Column('digest_day', sa.Integer(), nullable=False),
    sa.Column('digest_hour', sa.Integer(), nullable=False),
    sa.Column('digest_enabled', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('digest_day BETWEEN 0 AND 6', name=op.f('ck_user_settings_digest_day')),
    sa.CheckConstraint('digest_hour BETWEEN 0 AND 23', name=op.f('ck_user_settings_digest_hour')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_user_settings')),
    sa.UniqueConstraint('platform', 'tenant_id', 'user_id', name=op.f('uq_user_settings_platform_tenant_id_user_id'))
    )
    op.create_table('promises',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('platform', sa.String(length=16), nullable=False),
    sa.Column('tenant_id', sa.String(length=64), nullable=False),
    sa.Column('user_id', sa.String(length=64), nullable=False),
    sa.Column('customer', sa.String(length=200), nullable=True),
    sa.Column('customer_key', sa.String(length=200), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('due', sa.DateTime(timezone=True), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('source_link', sa.Text(), nullable=True),
    sa.Column('incident_id', sa.Integer(), nullable=True),
    sa.Column('delivery_key', sa.String(length=200), nullable=True),
    sa.CheckConstraint("status IN ('open', 'kept', 'broken', 'cancelled')", name=op.f('ck_promises_status')),
    sa.ForeignKeyConstraint(['incident_id'], ['incidents.id'], name=op.f('fk_promises_incident_id_incidents'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_promises')),
    sa.UniqueConstraint('platform', 'tenant_id', 'delivery_key', name=op.f('uq_promises_platform_tenant_id_delivery_key'))
    )
    op.create_index(op.f('ix_promises_incident_id'), 'promises', ['incident_id'], unique=False)
    op.create_index(op.f('ix_promises_platform_tenant_id_customer_key_status'), 'promises', ['platform', 'tenant_id', 'customer_key', 'status'], unique=False)
    op.create_index(op.f('ix_promises_platform_tenant_id_user_id_status_due'), 'promises', ['platform', 'tenant_id', 'user_id', 'status', 'due'], unique=False)
    op.create_index(op.f('ix_promises_status_closed_at'), 'promises', ['status', 'closed_at'], unique=False)



def downgrade() -> None:
    op.drop_table('promises')
    op.drop_table('user_settings')
    op.drop_table('slack_oauth_states')
    op.drop_table('slack_installations')
    op.drop_table('slack_bots')
    op.drop_table('processed_deliveries')
    op.drop_table('incidents')
    op.drop_table('digest_deliveries')
    op.drop_table('conversation_references')
    op.drop_table('coaching_events')
