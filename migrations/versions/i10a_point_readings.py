"""talking points keep how the drafts read them; a person can have their own greeting style

Revision ID: i10a_point_readings
Revises: c3_user_ids
Create Date: 2026-11-23 17:00:00

"""

import sqlalchemy as sa
from alembic import op

revision = "i10a_point_readings"
down_revision = "i10b_drafts_composed"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("talking_points") as batch:
        batch.add_column(sa.Column("reading", sa.Text(), nullable=False, server_default=""))
        batch.add_column(
            sa.Column("reading_edited", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    with op.batch_alter_table("contacts") as batch:
        batch.add_column(
            sa.Column("greeting_style", sa.String(length=12), nullable=False, server_default="")
        )


def downgrade():
    with op.batch_alter_table("contacts") as batch:
        batch.drop_column("greeting_style")
    with op.batch_alter_table("talking_points") as batch:
        batch.drop_column("reading_edited")
        batch.drop_column("reading")
