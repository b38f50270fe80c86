"""Actionable digest: where each digest landed, skipped deliveries, all-clear, team trends.

A digest row now remembers the message it became (so a stale claim can be
checked before sending again) and may be "skipped" (app removed, account
deactivated, token revoked) with the reason. People may ask for a one-line
all-clear; a workspace or tenant admin may turn team trends on (a column of
the tenant settings that 0002 made).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 17:30:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD_STATUSES = "status IN ('claimed', 'sent', 'failed')"
NEW_STATUSES = "status IN ('claimed', 'sent', 'failed', 'skipped')"


def _replace_status_check(condition: str) -> None:
    """SQLite cannot alter a CHECK: batch mode copies the table with the new one."""
    with op.batch_alter_table('digest_deliveries', recreate='auto') as batch:
        batch.drop_constraint(op.f('ck_digest_deliveries_status'), type_='check')
        batch.create_check_constraint(op.f('ck_digest_deliveries_status'), sa.text(condition))


def upgrade() -> None:
    with op.batch_alter_table('digest_deliveries') as batch:
        batch.add_column(sa.Column('channel_id', sa.String(length=200), nullable=True))
        batch.add_column(sa.Column('message_id', sa.String(length=200), nullable=True))
    _replace_status_check(NEW_STATUSES)
    with op.batch_alter_table('user_settings') as batch:
        batch.add_column(
            sa.Column('all_clear', sa.Boolean(), server_default=sa.false(), nullable=False)
        )
    with op.batch_alter_table('tenant_settings') as batch:
        batch.add_column(
            sa.Column('team_trends', sa.Boolean(), server_default=sa.false(), nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table('tenant_settings') as batch:
        batch.drop_column('team_trends')
    with op.batch_alter_table('user_settings') as batch:
        batch.drop_column('all_clear')
    op.execute("UPDATE digest_deliveries SET status = 'failed' WHERE status = 'skipped'")
    _replace_status_check(OLD_STATUSES)
    with op.batch_alter_table('digest_deliveries') as batch:
        batch.drop_column('message_id')
        batch.drop_column('channel_id')
