"""The run bringing data in right now, so a second sync can say who is running one.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

# Written out here, not imported: a migration must not change when the enum does.
KINDS = ("DMS_SYNC", "ADF_IMPORT", "VCARD_IMPORT", "DEMO_DATA")


def upgrade() -> None:
    op.create_table(
        "incoming_run",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.Enum(*KINDS, name="incomingkind", native_enum=False, length=32),
                  nullable=False),
        sa.Column("file_name", sa.String(255), nullable=False, server_default=""),
        sa.Column("started_at", sa.DateTime, nullable=False),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("app_user.id",
                                                       name="fk_incoming_run_user_id_app_user")),
        sa.Column("user_name", sa.String(80), nullable=False, server_default=""),
        sa.Column("host", sa.String(255), nullable=False, server_default=""),
        sa.Column("pid", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_index("ix_incoming_run_started_at", "incoming_run", ["started_at"])


def downgrade() -> None:
    op.drop_table("incoming_run")
