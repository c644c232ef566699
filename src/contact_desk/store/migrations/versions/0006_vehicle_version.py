"""Vehicles carry a version, so an edit made on a stale copy is refused, not written over.

Two desks editing the same vehicle each saved over the other. Like customers and their
phones, a vehicle now counts its changes; an edit or a removal names the count it saw.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("vehicle", sa.Column("version", sa.Integer, nullable=False, server_default="1"))


def downgrade() -> None:
    with op.batch_alter_table("vehicle") as batch:
        batch.drop_column("version")
