"""The duplicate scan: a possible duplicate carries a score (how alike the two are), and
customers are indexed by postal code, so one customer's check finds its housemates.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("possible_duplicate", sa.Column("score", sa.Integer, nullable=False,
                                                  server_default="0"))
    op.create_index("ix_customer_postal_code", "customer", ["postal_code"])


def downgrade() -> None:
    op.drop_index("ix_customer_postal_code", "customer")
    with op.batch_alter_table("possible_duplicate") as batch:
        batch.drop_column("score")
