"""Users who are who they say: the OS login each acts from, PINs, and no built-in user who
may do everything.

The command-line user acted for whoever ran a command, with every permission. Its row stays
(the audit trail names it) but it is deactivated and holds nothing. In its place the OS
login that creates the database, or upgrades it to this revision, becomes a manager mapped
to that login: on a desk's own file that is the person at the desk, as before, and from
then on a manager adds the others. Users who held every permission there was (the
managers) get the permissions added here; nobody else does, so a clerk no longer corrects
DMS values or exports every customer.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-10
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context, op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# Written out here, not imported: a migration must not change when the enums do.
OLD_PERMISSIONS = ("EDIT_CUSTOMERS", "ASSIGN_USERS", "CHANGE_DEAL_SOURCE", "MANAGE_PROGRAMS",
                   "RUN_SYNC")
NEW_PERMISSIONS = ("EDIT_DMS_DATA", "EXPORT_CUSTOMERS", "MANAGE_USERS")
COMMAND_LINE = "command-line"
MAX_LOGIN = 40

app_user = sa.table(
    "app_user",
    sa.column("id", sa.Integer),
    sa.column("login", sa.String),
    sa.column("name", sa.String),
    sa.column("active", sa.Boolean),
    sa.column("os_login", sa.String),
)
user_permission = sa.table(
    "user_permission", sa.column("user_id", sa.Integer), sa.column("permission", sa.String)
)


def upgrade() -> None:
    op.add_column("app_user", sa.Column("os_login", sa.String(100)))
    op.add_column("app_user", sa.Column("pin_hash", sa.String(200)))
    op.add_column("app_user", sa.Column("failed_pin_tries", sa.Integer, nullable=False,
                                        server_default="0"))
    op.add_column("app_user", sa.Column("locked_until", sa.DateTime))
    op.create_index("ix_app_user_os_login", "app_user", ["os_login"], unique=True)
    connection = op.get_bind()
    command_line = connection.execute(
        sa.select(app_user.c.id).where(app_user.c.login == COMMAND_LINE)).scalar()
    if command_line is not None:
        connection.execute(
            user_permission.delete().where(user_permission.c.user_id == command_line))
        connection.execute(
            app_user.update().where(app_user.c.id == command_line).values(active=False))
    _give_managers_the_new_permissions(connection)
    login = context.config.attributes.get("os_login")
    if login:
        _first_manager(connection, login)


def _give_managers_the_new_permissions(connection: sa.Connection) -> None:
    held = sa.select(user_permission.c.user_id).where(
        user_permission.c.permission.in_(OLD_PERMISSIONS)).group_by(
        user_permission.c.user_id).having(sa.func.count() == len(OLD_PERMISSIONS))
    managers = list(connection.execute(held).scalars())
    if managers:
        connection.execute(user_permission.insert(), [
            {"user_id": user_id, "permission": permission}
            for user_id in managers for permission in NEW_PERMISSIONS])


def _first_manager(connection: sa.Connection, login: str) -> None:
    """A manager mapped to ``login``, the OS login running this upgrade."""
    taken = set(connection.execute(sa.select(app_user.c.login)).scalars())
    desk_login = login[:MAX_LOGIN]
    serial = 1
    while desk_login in taken:
        serial += 1
        desk_login = f"{login[:MAX_LOGIN - len(str(serial)) - 1]}-{serial}"
    connection.execute(app_user.insert().values(login=desk_login, name=login[:80],
                                                active=True, os_login=login[:100]))
    user_id = connection.execute(
        sa.select(app_user.c.id).where(app_user.c.login == desk_login)).scalar_one()
    connection.execute(user_permission.insert(), [
        {"user_id": user_id, "permission": permission}
        for permission in (*OLD_PERMISSIONS, *NEW_PERMISSIONS)])


def downgrade() -> None:
    connection = op.get_bind()
    connection.execute(
        user_permission.delete().where(user_permission.c.permission.in_(NEW_PERMISSIONS)))
    command_line = connection.execute(
        sa.select(app_user.c.id).where(app_user.c.login == COMMAND_LINE)).scalar()
    if command_line is not None:
        connection.execute(app_user.update().where(app_user.c.id == command_line)
                           .values(active=True))
        connection.execute(user_permission.insert(), [
            {"user_id": command_line, "permission": p} for p in OLD_PERMISSIONS])
    op.drop_index("ix_app_user_os_login", "app_user")
    with op.batch_alter_table("app_user") as table:
        for column in ("locked_until", "failed_pin_tries", "pin_hash", "os_login"):
            table.drop_column(column)
