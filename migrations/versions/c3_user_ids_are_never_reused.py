"""user ids are never reused (SQLite AUTOINCREMENT; PostgreSQL sequences already never reuse)

Revision ID: c3_user_ids
Revises: 6a83aae85a6e
Create Date: 2026-11-22 00:40:00

"""

from alembic import op

revision = "c3_user_ids"
down_revision = "6a83aae85a6e"
branch_labels = None
depends_on = None


def upgrade():
    if op.get_bind().dialect.name == "sqlite":
        with op.batch_alter_table(
            "users", recreate="always", table_kwargs={"sqlite_autoincrement": True}
        ):
            pass


def downgrade():
    if op.get_bind().dialect.name == "sqlite":
        with op.batch_alter_table("users", recreate="always"):
            pass
