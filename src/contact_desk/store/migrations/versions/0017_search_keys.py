"""Search keys: each customer filed under every word of their names and company, folded
(accents, case, punctuation), their number with and without its letters, emails and their
domains, phones from the country code, without the area code and backwards (the last four
digits), VINs forwards and backwards. Each row carries the customer's place in the list,
so a search reads its matches in list order from one index (store/search_keys).

The customers already stored get their keys here. The one-column indexes search read
before (name, company, phone digits, local digits, VIN backwards) are read by nothing now
and go. On PostgreSQL the list's order columns compare by code point ("C"), as the keys do,
so a database made under a language's collation still walks them by index.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-10
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

KEY_LENGTH, LIST_KEY_LENGTH = 254, 724
# (table, index, columns) read by search alone before this revision.
OLD_INDEXES = (
    ("customer", "ix_customer_name_key_last_name_key", ["name_key", "last_name_key", "id"]),
    ("customer", "ix_customer_company_key", ["company_key"]),
    ("contact_point", "ix_contact_point_digits", ["digits"]),
    ("contact_point", "ix_contact_point_local_digits", ["local_digits"]),
    ("vehicle", "ix_vehicle_vin_reversed", ["vin_reversed"]),
)
LIST_COLUMNS = (("last_name_key", 240), ("name_key", 483))
BACKFILL_CHUNK = 5000


def _text(length: int) -> sa.types.TypeEngine:
    return sa.String(length).with_variant(sa.String(length, collation="C"), "postgresql")


def upgrade() -> None:
    bind = op.get_bind()
    op.create_table(
        "search_key",
        sa.Column("customer_id", sa.Integer, nullable=False),
        sa.Column("kind", sa.SmallInteger, nullable=False),
        sa.Column("key", _text(KEY_LENGTH), nullable=False),
        sa.Column("place", sa.SmallInteger, nullable=False),
        sa.Column("list_key", _text(LIST_KEY_LENGTH), nullable=False),
        sa.ForeignKeyConstraint(["customer_id"], ["customer.id"],
                                name="fk_search_key_customer_id_customer", ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("customer_id", "kind", "key", name="pk_search_key"),
        sqlite_with_rowid=False,
    )
    for table, name, _ in OLD_INDEXES:
        op.drop_index(name, table_name=table)
    if bind.dialect.name == "postgresql":
        for column, length in LIST_COLUMNS:
            op.alter_column("customer", column, type_=sa.String(length, collation="C"),
                            existing_type=sa.String(length), existing_nullable=False)
    _backfill(bind)
    op.create_index("ix_search_key_lookup", "search_key",
                    ["kind", "place", "key", "list_key", "customer_id"])


def _backfill(bind: sa.Connection) -> None:
    """Every stored customer's keys, by the desk's own rules (store/search_keys)."""
    from contact_desk.store.search_keys import write_search_keys

    ids = list(bind.execute(sa.text("SELECT id FROM customer ORDER BY id")).scalars())
    session = Session(bind=bind)
    for start in range(0, len(ids), BACKFILL_CHUNK):
        write_search_keys(session, ids[start:start + BACKFILL_CHUNK])


def downgrade() -> None:
    op.drop_index("ix_search_key_lookup", table_name="search_key")
    op.drop_table("search_key")
    if op.get_bind().dialect.name == "postgresql":
        for column, length in LIST_COLUMNS:
            op.alter_column("customer", column, type_=sa.String(length),
                            existing_type=sa.String(length, collation="C"),
                            existing_nullable=False)
    for table, name, columns in OLD_INDEXES:
        op.create_index(name, table, columns)
