"""LinkedIn connection notes (the account's note limit, a connected mark) and the follow-up
after silence (days to wait per application, a reply mark)

Revision ID: i13c_linkedin_followup
Revises: i10a_point_readings
Create Date: 2026-11-23 20:00:00

"""

import sqlalchemy as sa
from alembic import op

revision = "i13c_linkedin_followup"
down_revision = "i10a_point_readings"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("users") as batch:
        batch.add_column(
            sa.Column("linkedin_note_limit", sa.Integer(), nullable=False, server_default="300")
        )
    with op.batch_alter_table("applications") as batch:
        batch.add_column(
            sa.Column("followup_days", sa.Integer(), nullable=False, server_default="7")
        )
        batch.add_column(sa.Column("replied_at", sa.DateTime(), nullable=True))
    with op.batch_alter_table("drafts") as batch:
        batch.add_column(sa.Column("connected_at", sa.DateTime(), nullable=True))


def downgrade():
    with op.batch_alter_table("drafts") as batch:
        batch.drop_column("connected_at")
    with op.batch_alter_table("applications") as batch:
        batch.drop_column("replied_at")
        batch.drop_column("followup_days")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("linkedin_note_limit")
