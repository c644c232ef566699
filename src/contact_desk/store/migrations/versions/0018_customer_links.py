"""Links between customers: a spouse, a co-buyer, a parent and child, a business and its
owner, a fleet account and its driver (domain/household).

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "customer_link",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("customer_id", sa.Integer,
                  sa.ForeignKey("customer.id", ondelete="CASCADE",
                                name="fk_customer_link_customer_id_customer"), nullable=False),
        sa.Column("other_customer_id", sa.Integer,
                  sa.ForeignKey("customer.id", ondelete="CASCADE",
                                name="fk_customer_link_other_customer_id_customer"),
                  nullable=False),
        sa.Column("relation", sa.String(32), nullable=False),
        sa.Column("receives_contracts", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("created_by_id", sa.Integer,
                  sa.ForeignKey("app_user.id", name="fk_customer_link_created_by_id_app_user")),
        sa.Column("removed_at", sa.DateTime),
        sa.Column("removed_by_id", sa.Integer,
                  sa.ForeignKey("app_user.id", name="fk_customer_link_removed_by_id_app_user")),
        sa.PrimaryKeyConstraint("id", name="pk_customer_link"),
        sa.UniqueConstraint("customer_id", "other_customer_id",
                            name="uq_customer_link_customer_id_other_customer_id"),
        sa.CheckConstraint("customer_id < other_customer_id",
                           name="ck_customer_link_ordered_link"),
        sa.CheckConstraint("receives_contracts = false OR relation = 'CO_BUYER'",
                           name="ck_customer_link_contracts_only_to_a_co_buyer"),
    )
    op.create_index("ix_customer_link_other_customer_id", "customer_link",
                    ["other_customer_id"])


def downgrade() -> None:
    op.drop_index("ix_customer_link_other_customer_id", "customer_link")
    op.drop_table("customer_link")
