"""Customers indexed in the order the list shows them, so a page of a million is a short walk.

The list is ordered by last name, name, id. With one index in that order a page (and a
last-name prefix) reads only its own rows; with the name first and the last name beside it,
a first-name prefix is answered from the index alone. Each replaces the one-column index it
starts with.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("customer") as batch:
        batch.drop_index("ix_customer_last_name_key")
        batch.drop_index("ix_customer_name_key")
        batch.create_index("ix_customer_list_order", ["last_name_key", "name_key", "id"])
        batch.create_index("ix_customer_name_key_last_name_key", ["name_key", "last_name_key", "id"])


def downgrade() -> None:
    with op.batch_alter_table("customer") as batch:
        batch.drop_index("ix_customer_name_key_last_name_key")
        batch.drop_index("ix_customer_list_order")
        batch.create_index("ix_customer_name_key", ["name_key"])
        batch.create_index("ix_customer_last_name_key", ["last_name_key"])
