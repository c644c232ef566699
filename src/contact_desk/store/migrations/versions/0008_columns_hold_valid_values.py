"""Columns wide enough for every value the desk accepts, so PostgreSQL never refuses one.

PostgreSQL refused, and so failed whole sync batches over: the audit reason naming a
254-character email ("moved by the default rule: ... was replaced in the DMS"); the search
keys of long names, since casefolding makes up to three characters of one (ß is ss, ﬃ is
ffi); and an additional contact's phone shown with a 16-digit extension. SQLite keeps text
of any length whatever width is declared, so only PostgreSQL's columns change; rewriting
SQLite's tables for a number it ignores would copy every customer. Widening a varchar (or
making it text) is a change of the catalogue alone on PostgreSQL: no row or index is rewritten.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

# (table, column, width before, width now); None is text. Written out here, not taken from
# the models: a migration must not change later.
WIDER = (
    ("audit_event", "reason", 300, None),
    ("customer", "name_key", 170, 483),
    ("customer", "last_name_key", 80, 240),
    ("customer", "company_key", 120, 360),
    ("contact_person", "phone_display", 40, 64),
)


def _type(width: int | None) -> sa.types.TypeEngine:
    return sa.Text() if width is None else sa.String(width)


def upgrade() -> None:
    _alter(widen=True)


def downgrade() -> None:
    _alter(widen=False)


def _alter(widen: bool) -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, column, before, now in WIDER:
        old, new = (before, now) if widen else (now, before)
        op.alter_column(table, column, type_=_type(new), existing_type=_type(old),
                        existing_nullable=False)
