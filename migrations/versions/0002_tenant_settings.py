"""Tenant settings: a workspace or tenant can turn the model rewriter off.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01 17:20:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('tenant_settings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('platform', sa.String(length=16), nullable=False),
    sa.Column('tenant_id', sa.String(length=64), nullable=False),
    sa.Column('llm_enabled', sa.Boolean(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tenant_settings')),
    sa.UniqueConstraint('platform', 'tenant_id', name=op.f('uq_tenant_settings_platform_tenant_id'))
    )


def downgrade() -> None:
    op.drop_table('tenant_settings')
