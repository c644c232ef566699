"""Phones searchable by the number without its area code ("555 0142").

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

import phonenumbers
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

contact_point = sa.table(
    "contact_point",
    sa.column("id", sa.Integer),
    sa.column("kind", sa.String),
    sa.column("value", sa.String),
    sa.column("local_digits", sa.String),
)


def _local_digits(e164: str) -> str:
    # Written out here, not imported from domain/: a migration must not change later.
    try:
        parsed = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return ""
    national = phonenumbers.national_significant_number(parsed)
    area = phonenumbers.length_of_geographical_area_code(parsed)
    return national[area:] if 0 < area < len(national) else ""


def upgrade() -> None:
    with op.batch_alter_table("contact_point") as batch:
        batch.add_column(
            sa.Column("local_digits", sa.String(20), nullable=False, server_default="")
        )
        batch.create_index("ix_contact_point_local_digits", ["local_digits"])
    connection = op.get_bind()
    rows = connection.execute(
        sa.select(contact_point.c.id, contact_point.c.value).where(contact_point.c.kind == "PHONE")
    ).all()
    for point_id, value in rows:
        connection.execute(
            contact_point.update()
            .where(contact_point.c.id == point_id)
            .values(local_digits=_local_digits(value))
        )


def downgrade() -> None:
    with op.batch_alter_table("contact_point") as batch:
        batch.drop_index("ix_contact_point_local_digits")
        batch.drop_column("local_digits")
