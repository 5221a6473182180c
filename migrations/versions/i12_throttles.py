"""throttles: attempt counters shared by every worker (sign-in, sign-up, reset email)

Revision ID: i12_throttles
Revises: c3_user_ids
Create Date: 2026-11-23 17:00:00

"""

import sqlalchemy as sa
from alembic import op

revision = "i12_throttles"
down_revision = "c3_user_ids"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "throttles",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("hits", sa.Integer(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    with op.batch_alter_table("throttles") as batch_op:
        batch_op.create_index(batch_op.f("ix_throttles_expires_at"), ["expires_at"], unique=False)


def downgrade():
    with op.batch_alter_table("throttles") as batch_op:
        batch_op.drop_index(batch_op.f("ix_throttles_expires_at"))
    op.drop_table("throttles")
