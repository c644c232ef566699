"""The built-in command-line user and the home-region setting every desk shares.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# Written out here, not imported: a migration must not change when the enums do.
ALL_PERMISSIONS = (
    "EDIT_CUSTOMERS",
    "ASSIGN_USERS",
    "CHANGE_DEAL_SOURCE",
    "MANAGE_PROGRAMS",
    "RUN_SYNC",
)

app_user = sa.table(
    "app_user",
    sa.column("id", sa.Integer),
    sa.column("login", sa.String),
    sa.column("name", sa.String),
    sa.column("active", sa.Boolean),
)
user_permission = sa.table(
    "user_permission", sa.column("user_id", sa.Integer), sa.column("permission", sa.String)
)
setting = sa.table("setting", sa.column("key", sa.String), sa.column("value", sa.String))


def upgrade() -> None:
    connection = op.get_bind()
    connection.execute(
        app_user.insert().values(login="command-line", name="Command line", active=True)
    )
    user_id = connection.execute(
        sa.select(app_user.c.id).where(app_user.c.login == "command-line")
    ).scalar_one()
    connection.execute(
        user_permission.insert(),
        [{"user_id": user_id, "permission": p} for p in ALL_PERMISSIONS],
    )
    connection.execute(setting.insert().values(key="home_region", value="US"))


def downgrade() -> None:
    connection = op.get_bind()
    user_id = connection.execute(
        sa.select(app_user.c.id).where(app_user.c.login == "command-line")
    ).scalar_one_or_none()
    if user_id is not None:
        connection.execute(user_permission.delete().where(user_permission.c.user_id == user_id))
        connection.execute(app_user.delete().where(app_user.c.id == user_id))
    connection.execute(setting.delete().where(setting.c.key == "home_region"))
