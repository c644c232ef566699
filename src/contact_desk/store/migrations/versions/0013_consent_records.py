"""Consent becomes a history of records per value, channel and purpose (consent_record),
and the four flags of contact_point that were overwritten in place go.

Each flag that was set becomes the records it meant, how = MIGRATED, dated when the history
says it was set (the last event that set it, by whom) or else when the value was added:
- do not call: calls opted out, transactional and marketing;
- do not text, or text consent "opted out": texts opted out, both purposes;
- text consent "opted in": texts opted in, both purposes;
- marketing opt-out (emails): marketing email opted out.
An opt-out is never dated before an opt-in of the same value and channel, so a value that
had both (a contradiction the flags allowed) stays opted out, as the flags meant.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03
"""

from __future__ import annotations

from datetime import datetime, timezone

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

point = sa.table(
    "contact_point",
    sa.column("id", sa.Integer), sa.column("customer_id", sa.Integer),
    sa.column("kind", sa.String), sa.column("value", sa.String),
    sa.column("created_at", sa.DateTime),
    sa.column("do_not_call", sa.Boolean), sa.column("do_not_text", sa.Boolean),
    sa.column("text_consent", sa.String), sa.column("marketing_opt_out", sa.Boolean),
)
audit = sa.table(
    "audit_event",
    sa.column("id", sa.Integer), sa.column("at", sa.DateTime),
    sa.column("user_id", sa.Integer), sa.column("desk", sa.String),
    sa.column("entity", sa.String), sa.column("entity_id", sa.Integer),
    sa.column("field", sa.String), sa.column("new", sa.Text),
)
BOTH = ("TRANSACTIONAL", "MARKETING")
# Written out here, not imported: a migration must not change when the code does.
# (flag field, what set it, channel, purposes, state, the words of the evidence)
MEANINGS = (
    ("TEXT_CONSENT", "OPTED_IN", "TEXT", BOTH, "OPTED_IN", "Text consent: opted in"),
    ("DO_NOT_CALL", "true", "CALL", BOTH, "OPTED_OUT", "Do not call"),
    ("DO_NOT_TEXT", "true", "TEXT", BOTH, "OPTED_OUT", "Do not text"),
    ("TEXT_CONSENT", "OPTED_OUT", "TEXT", BOTH, "OPTED_OUT", "Text consent: opted out"),
    ("MARKETING_OPT_OUT", "true", "EMAIL", ("MARKETING",), "OPTED_OUT", "Marketing opt-out"),
)


def _consent_table() -> None:
    op.create_table(
        "consent_record",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("value", sa.String(254), nullable=False),
        sa.Column("channel", sa.String(32), nullable=False),
        sa.Column("purpose", sa.String(32), nullable=False),
        sa.Column("state", sa.String(32), nullable=False),
        sa.Column("how", sa.String(32), nullable=False),
        sa.Column("recorded_at", sa.DateTime, nullable=False),
        sa.Column("user_id", sa.Integer,
                  sa.ForeignKey("app_user.id", name="fk_consent_record_user_id_app_user")),
        sa.Column("desk", sa.String(120), nullable=False),
        sa.Column("customer_id", sa.Integer,
                  sa.ForeignKey("customer.id", ondelete="SET NULL",
                                name="fk_consent_record_customer_id_customer")),
        sa.Column("evidence_note", sa.Text, nullable=False),
        sa.Column("evidence_file_name", sa.String(255), nullable=False),
        sa.Column("evidence_content_type", sa.String(100), nullable=False),
        sa.Column("evidence_file", sa.LargeBinary),
        sa.Column("source_key", sa.String(64)),
        sa.Column("withdrawn_at", sa.DateTime),
        sa.Column("withdrawn_by_id", sa.Integer,
                  sa.ForeignKey("app_user.id", name="fk_consent_record_withdrawn_by_id_app_user")),
        sa.PrimaryKeyConstraint("id", name="pk_consent_record"),
        sa.UniqueConstraint("source_key", name="uq_consent_record_source_key"),
    )
    op.create_index("ix_consent_record_value_kind", "consent_record", ["value", "kind"])


def _when_set(bind: sa.Connection) -> dict[tuple[int, str, str], tuple[datetime, int | None, str]]:
    """The last event that set each flag of each value: when, by whom, at which desk."""
    fields = sorted({meaning[0] for meaning in MEANINGS})
    rows = bind.execute(sa.select(audit.c.entity_id, audit.c.field, audit.c.new, audit.c.at,
                                  audit.c.user_id, audit.c.desk)
                        .where(audit.c.entity == "CONTACT_POINT", audit.c.field.in_(fields))
                        .order_by(audit.c.id)).all()
    return {(r.entity_id, r.field, r.new): (r.at, r.user_id, r.desk or "") for r in rows}


def _is_set(row: sa.Row, field: str, setting: str) -> bool:
    if field == "TEXT_CONSENT":
        return row.text_consent == setting
    return bool(getattr(row, field.lower()))


def upgrade() -> None:
    _consent_table()
    bind = op.get_bind()
    when_set = _when_set(bind)
    flagged = bind.execute(sa.select(point).where(sa.or_(
        point.c.do_not_call, point.c.do_not_text, point.c.marketing_opt_out,
        point.c.text_consent != "NOT_ASKED")).order_by(point.c.id)).all()
    records = []
    for row in flagged:
        opted_in_at: dict[str, datetime] = {}
        for field, setting, channel, purposes, state, words in MEANINGS:
            if not _is_set(row, field, setting):
                continue
            at, user_id, desk = when_set.get((row.id, field, setting),
                                             (row.created_at, None, ""))
            at = at or datetime.now(timezone.utc).replace(tzinfo=None)
            if state == "OPTED_IN":
                opted_in_at[channel] = at
            else:
                at = max(at, opted_in_at.get(channel, at))
            records += [{"kind": row.kind, "value": row.value, "channel": channel,
                         "purpose": purpose, "state": state, "how": "MIGRATED",
                         "recorded_at": at, "user_id": user_id, "desk": desk,
                         "customer_id": row.customer_id,
                         "evidence_note": f"Converted from the earlier flag: {words}",
                         "evidence_file_name": "", "evidence_content_type": ""}
                        for purpose in purposes]
    if records:
        op.bulk_insert(sa.table("consent_record", *(sa.column(n) for n in records[0])),
                       records)
    with op.batch_alter_table("contact_point") as batch:
        for column in ("do_not_call", "do_not_text", "text_consent", "marketing_opt_out"):
            batch.drop_column(column)


def downgrade() -> None:
    with op.batch_alter_table("contact_point") as batch:
        for column in ("do_not_call", "do_not_text", "marketing_opt_out"):
            batch.add_column(sa.Column(column, sa.Boolean, nullable=False,
                                       server_default=sa.false()))
        batch.add_column(sa.Column("text_consent", sa.String(32), nullable=False,
                                   server_default="NOT_ASKED"))
    consent = sa.table("consent_record", sa.column("kind", sa.String),
                       sa.column("value", sa.String), sa.column("channel", sa.String),
                       sa.column("purpose", sa.String), sa.column("state", sa.String))

    def having(channel: str, states: tuple[str, ...]) -> sa.Exists:
        return sa.exists().where(consent.c.value == point.c.value,
                                 consent.c.kind == point.c.kind,
                                 consent.c.channel == channel, consent.c.state.in_(states))

    out = ("OPTED_OUT", "DO_NOT_CONTACT")
    op.execute(point.update().where(having("CALL", out)).values(do_not_call=True))
    op.execute(point.update().where(having("TEXT", out)).values(do_not_text=True,
                                                                text_consent="OPTED_OUT"))
    op.execute(point.update().where(having("TEXT", ("OPTED_IN",)), ~having("TEXT", out))
               .values(text_consent="OPTED_IN"))
    op.execute(point.update().where(having("EMAIL", out)).values(marketing_opt_out=True))
    op.drop_index("ix_consent_record_value_kind", "consent_record")
    op.drop_table("consent_record")
