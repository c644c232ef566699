"""Merging customers: a record of each merge (who, when, the versions it left and what
Unmerge puts back), the DMS number each value came from when it is a merged-in customer's
(the sync of that number touches only those), and the permission to merge, given to the
managers (those who hold every permission there was).

Nothing is copied: the new table stands alone and the new column is a plain one, which
SQLite adds in place. Downgrading forgets the merges: a merged-away customer is then a
customer with nothing on it, and its number no longer leads to the survivor.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-12
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

# Written out here, not imported: a migration must not change when the enums do.
EARLIER_PERMISSIONS = ("EDIT_CUSTOMERS", "ASSIGN_USERS", "CHANGE_DEAL_SOURCE",
                       "MANAGE_PROGRAMS", "RUN_SYNC", "EDIT_DMS_DATA", "EXPORT_CUSTOMERS",
                       "MANAGE_USERS")
MERGE = "MERGE_CUSTOMERS"

user_permission = sa.table(
    "user_permission", sa.column("user_id", sa.Integer), sa.column("permission", sa.String)
)


def upgrade() -> None:
    op.create_table(
        "customer_merge",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("survivor_id", sa.Integer,
                  sa.ForeignKey("customer.id", name="fk_customer_merge_survivor_id_customer"),
                  nullable=False),
        sa.Column("merged_id", sa.Integer,
                  sa.ForeignKey("customer.id", name="fk_customer_merge_merged_id_customer"),
                  nullable=False),
        sa.Column("merged_at", sa.DateTime, nullable=False),
        sa.Column("user_id", sa.Integer,
                  sa.ForeignKey("app_user.id", name="fk_customer_merge_user_id_app_user")),
        sa.Column("desk", sa.String(120), nullable=False),
        sa.Column("survivor_version", sa.Integer, nullable=False),
        sa.Column("merged_version", sa.Integer, nullable=False),
        sa.Column("undo", sa.Text, nullable=False),
        sa.Column("unmerged_at", sa.DateTime),
        sa.Column("unmerged_by_id", sa.Integer,
                  sa.ForeignKey("app_user.id",
                                name="fk_customer_merge_unmerged_by_id_app_user")),
        sa.Column("version", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_customer_merge"),
    )
    op.create_index("ix_customer_merge_survivor_id", "customer_merge", ["survivor_id"])
    op.create_index("uq_customer_merge_merged_id_in_force", "customer_merge", ["merged_id"],
                    unique=True, sqlite_where=sa.text("unmerged_at IS NULL"),
                    postgresql_where=sa.text("unmerged_at IS NULL"))
    op.add_column("contact_point", sa.Column("dms_number", sa.String(32)))
    connection = op.get_bind()
    managers = sa.select(user_permission.c.user_id).where(
        user_permission.c.permission.in_(EARLIER_PERMISSIONS)).group_by(
        user_permission.c.user_id).having(sa.func.count() == len(EARLIER_PERMISSIONS))
    found = list(connection.execute(managers).scalars())
    if found:
        connection.execute(user_permission.insert(),
                           [{"user_id": user_id, "permission": MERGE} for user_id in found])


def downgrade() -> None:
    op.get_bind().execute(user_permission.delete().where(user_permission.c.permission == MERGE))
    with op.batch_alter_table("contact_point") as batch:
        batch.drop_column("dms_number")
    op.drop_index("uq_customer_merge_merged_id_in_force", "customer_merge")
    op.drop_index("ix_customer_merge_survivor_id", "customer_merge")
    op.drop_table("customer_merge")
