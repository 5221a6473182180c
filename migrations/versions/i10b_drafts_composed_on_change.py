"""drafts are composed when notes change: outdated and behind marks on each draft

Revision ID: i10b_drafts_composed
Revises: c3_user_ids
Create Date: 2026-11-23 17:00:00

"""

import sqlalchemy as sa
from alembic import op

revision = "i10b_drafts_composed"
down_revision = "i12_throttles"
branch_labels = None
depends_on = None


def upgrade():
    # Existing drafts were kept in step by the page itself until now: start them as current.
    with op.batch_alter_table("drafts") as batch:
        batch.add_column(
            sa.Column("outdated", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch.add_column(
            sa.Column("behind", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade():
    with op.batch_alter_table("drafts") as batch:
        batch.drop_column("behind")
        batch.drop_column("outdated")
