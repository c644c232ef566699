"""Imports match honestly: possible duplicates, leads already taken, card UIDs, card types.

An ADF lead or a vCard sharing a phone with a customer whose name does not agree makes a
new customer and a possible duplicate for a person to decide; a lead is remembered so it
is never imported twice; a customer without a DMS number gets a vCard UID so the desk's
own export finds it again; a value keeps the TYPE words of the card it came from.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-08
"""

from __future__ import annotations

import uuid
from datetime import datetime, timezone

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# Written out here, not imported: a migration must not change when the enums do.
DUPLICATE_SOURCES = ("ADF", "VCARD")
DUPLICATE_STATUSES = ("OPEN", "NOT_DUPLICATE", "MERGED")
DUPLICATE_REASONS = ("SAME_PHONE", "SAME_EMAIL")
_CHUNK = 10_000

customer = sa.table("customer", sa.column("id", sa.Integer),
                    sa.column("customer_number", sa.String))
card_uid = sa.table("card_uid", sa.column("uid", sa.String), sa.column("customer_id", sa.Integer),
                    sa.column("created_at", sa.DateTime))


def _enum(values: tuple[str, ...], name: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, length=32)


def upgrade() -> None:
    op.create_table(
        "possible_duplicate",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("other_customer_id", sa.Integer(), nullable=False),
        sa.Column("source", _enum(DUPLICATE_SOURCES, "duplicatesource"), nullable=False),
        sa.Column("source_file", sa.String(length=255), nullable=False),
        sa.Column("found_at", sa.DateTime(), nullable=False),
        sa.Column("status", _enum(DUPLICATE_STATUSES, "duplicatestatus"), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("decided_by_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("customer_id < other_customer_id",
                           name="ck_possible_duplicate_ordered_pair"),
        sa.ForeignKeyConstraint(["customer_id"], ["customer.id"], ondelete="CASCADE",
                                name="fk_possible_duplicate_customer_id_customer"),
        sa.ForeignKeyConstraint(["other_customer_id"], ["customer.id"], ondelete="CASCADE",
                                name="fk_possible_duplicate_other_customer_id_customer"),
        sa.ForeignKeyConstraint(["decided_by_id"], ["app_user.id"],
                                name="fk_possible_duplicate_decided_by_id_app_user"),
        sa.PrimaryKeyConstraint("id", name="pk_possible_duplicate"),
        sa.UniqueConstraint("customer_id", "other_customer_id",
                            name="uq_possible_duplicate_customer_id_other_customer_id"),
    )
    op.create_index("ix_possible_duplicate_other_customer_id", "possible_duplicate",
                    ["other_customer_id"])
    op.create_index("ix_possible_duplicate_status_found_at", "possible_duplicate",
                    ["status", "found_at"])
    op.create_table(
        "possible_duplicate_reason",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("duplicate_id", sa.Integer(), nullable=False),
        sa.Column("reason", _enum(DUPLICATE_REASONS, "duplicatereason"), nullable=False),
        sa.Column("value", sa.String(length=254), nullable=False),
        sa.ForeignKeyConstraint(["duplicate_id"], ["possible_duplicate.id"], ondelete="CASCADE",
                                name="fk_possible_duplicate_reason_duplicate_id_possible_duplicate"),
        sa.PrimaryKeyConstraint("id", name="pk_possible_duplicate_reason"),
        sa.UniqueConstraint("duplicate_id", "reason", "value",
                            name="uq_possible_duplicate_reason_duplicate_id_reason_value"),
    )
    op.create_table(
        "adf_lead",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("deal_id", sa.Integer(), nullable=False),
        sa.Column("provider", sa.String(length=120), nullable=False),
        sa.Column("provider_lead_id", sa.String(length=120), nullable=True),
        sa.Column("requested", sa.String(length=64), nullable=True),
        sa.Column("prospect_key", sa.String(length=64), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["deal_id"], ["deal.id"], ondelete="CASCADE",
                                name="fk_adf_lead_deal_id_deal"),
        sa.PrimaryKeyConstraint("id", name="pk_adf_lead"),
        sa.UniqueConstraint("deal_id", name="uq_adf_lead_deal_id"),
        sa.UniqueConstraint("provider", "provider_lead_id",
                            name="uq_adf_lead_provider_provider_lead_id"),
        sa.UniqueConstraint("provider", "requested", "prospect_key",
                            name="uq_adf_lead_provider_requested_prospect_key"),
    )
    op.create_table(
        "card_uid",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=255), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["customer_id"], ["customer.id"], ondelete="CASCADE",
                                name="fk_card_uid_customer_id_customer"),
        sa.PrimaryKeyConstraint("id", name="pk_card_uid"),
        sa.UniqueConstraint("uid", name="uq_card_uid_uid"),
    )
    op.create_index("ix_card_uid_customer_id", "card_uid", ["customer_id"])
    op.add_column("contact_point", sa.Column("card_types", sa.String(length=40), nullable=False,
                                             server_default=""))
    _give_card_uids()


def _give_card_uids() -> None:
    """A UID for each customer already stored without a DMS number (those with one are known
    by it), as the desk gives every new one."""
    connection = op.get_bind()
    ids = connection.execute(
        sa.select(customer.c.id).where(customer.c.customer_number.is_(None))
        .order_by(customer.c.id)
    ).scalars().all()
    now = datetime.now(timezone.utc).replace(tzinfo=None)  # stored as UTC without a zone
    for start in range(0, len(ids), _CHUNK):
        connection.execute(card_uid.insert(), [
            {"uid": f"urn:uuid:{uuid.uuid4()}", "customer_id": customer_id, "created_at": now}
            for customer_id in ids[start:start + _CHUNK]])


def downgrade() -> None:
    with op.batch_alter_table("contact_point") as batch:
        batch.drop_column("card_types")
    op.drop_index("ix_card_uid_customer_id", table_name="card_uid")
    op.drop_table("card_uid")
    op.drop_table("adf_lead")
    op.drop_table("possible_duplicate_reason")
    op.drop_index("ix_possible_duplicate_status_found_at", table_name="possible_duplicate")
    op.drop_index("ix_possible_duplicate_other_customer_id", table_name="possible_duplicate")
    op.drop_table("possible_duplicate")
