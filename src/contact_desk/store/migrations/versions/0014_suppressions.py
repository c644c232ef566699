"""Suppressions: a message type not to send one customer, for a reason, optionally only
about one vehicle, until an end date; lifting one marks it (kept, as history).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "suppression",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("customer_id", sa.Integer,
                  sa.ForeignKey("customer.id", ondelete="CASCADE",
                                name="fk_suppression_customer_id_customer"), nullable=False),
        sa.Column("message", sa.String(32), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("vehicle_id", sa.Integer,
                  sa.ForeignKey("vehicle.id", ondelete="CASCADE",
                                name="fk_suppression_vehicle_id_vehicle")),
        sa.Column("ends_on", sa.Date),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("user_id", sa.Integer,
                  sa.ForeignKey("app_user.id", name="fk_suppression_user_id_app_user")),
        sa.Column("lifted_at", sa.DateTime),
        sa.Column("lifted_by_id", sa.Integer,
                  sa.ForeignKey("app_user.id", name="fk_suppression_lifted_by_id_app_user")),
        sa.PrimaryKeyConstraint("id", name="pk_suppression"),
    )
    op.create_index("ix_suppression_customer_id", "suppression", ["customer_id"])


def downgrade() -> None:
    op.drop_index("ix_suppression_customer_id", "suppression")
    op.drop_table("suppression")
