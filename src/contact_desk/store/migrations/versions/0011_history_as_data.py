"""History as data: an audit event's entity and field are codes (an enum member's name), its
old and new values are codes instead of the labels a screen showed, and it says why the
value changed (its cause) and at which desk.

What older events said in sentences is read once, here: a primary "moved by the default
rule" was the default rule's; a value added with a DMS type, or a vehicle from the DMS, was
the DMS's; a lead's was an import; a note, an attempt, an assignment, a deal's source or a
setting was a person's. Any other older event keeps the cause EARLIER ("not recorded"), as
nobody can now tell whether a person or the sync made it. Their sentences stay, as detail.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

# Written out here, not imported: a migration must not change when the enums do.
LABELS = {  # field: {label: code}
    "TYPE": {"Cell Phone Number in DMS": "DMS_CELL", "Home Phone Number in DMS": "DMS_HOME",
             "Work Phone Number in DMS": "DMS_WORK",
             "Phone Number Customer Added": "CUSTOMER_PHONE",
             "Phone Number Dealer Added": "DEALER_PHONE", "Email in DMS": "DMS_EMAIL",
             "Email Customer Added": "CUSTOMER_EMAIL", "Email Dealer Added": "DEALER_EMAIL"},
    "STATUS": {"Active": "ACTIVE", "Inactive": "INACTIVE", "Invalid": "INVALID"},
    "TEXT_CONSENT": {"Not asked": "NOT_ASKED", "Opted in": "OPTED_IN",
                     "Opted out": "OPTED_OUT"},
    "ROLE": {"Spouse": "SPOUSE", "Assistant": "ASSISTANT", "Bookkeeper": "BOOKKEEPER",
             "Vehicle manager": "VEHICLE_MANAGER", "Other": "OTHER"},
}
PREFERENCES = {"Scheduling": "SCHEDULING", "Car Updates": "CAR_UPDATES",
               "Contracts": "CONTRACTS", "Invoices": "INVOICES", "Estimates": "ESTIMATES",
               "Marketing": "MARKETING"}
YES_NO = ("DO_NOT_CALL", "DO_NOT_TEXT", "MARKETING_OPT_OUT", "PORTAL_ACCESS",
          "PRIMARY_CONTACT", "OWNED")
ASSIGNED_ROLES = {"Sales": "SALES", "BDC": "BDC", "Service BDC": "SERVICE_BDC"}
DMS_REASONS = ("Cell Phone Number in DMS", "Home Phone Number in DMS",
               "Work Phone Number in DMS", "Email in DMS", "DMS")
BY_PEOPLE = ("NOTE", "CONTACT_ATTEMPT", "ASSIGNMENT", "SETTING", "VERIFICATION_DOCUMENT",
             "INTERACTION_SUMMARY", "DEAL", "PROGRAM", "INVOICE")
MOVED = "moved by the default rule"
CHOSEN = "chosen at the desk"

audit = sa.table(
    "audit_event",
    sa.column("id", sa.Integer),
    sa.column("entity", sa.String),
    sa.column("field", sa.String),
    sa.column("old", sa.Text),
    sa.column("new", sa.Text),
    sa.column("reason", sa.Text),
    sa.column("cause", sa.String),
)


def upgrade() -> None:
    op.add_column("audit_event", sa.Column("cause", sa.String(32), nullable=False,
                                           server_default="EARLIER"))
    op.add_column("audit_event", sa.Column("desk", sa.String(120), nullable=False,
                                           server_default=""))
    op.execute(audit.update().values(entity=sa.func.upper(audit.c.entity)))
    for label, role in ASSIGNED_ROLES.items():
        op.execute(audit.update().where(audit.c.entity == "ASSIGNMENT", audit.c.field == label)
                   .values(field=role))
    op.execute(audit.update().where(audit.c.entity != "ASSIGNMENT").values(
        field=sa.func.upper(sa.func.replace(audit.c.field, ".", "_"))))
    for field, codes in LABELS.items():
        for label, value in codes.items():
            for column in ("old", "new"):
                op.execute(audit.update().where(audit.c.field == field,
                                                audit.c[column] == label)
                           .values({column: value}))
    for column in ("old", "new"):
        for said, value in (("yes", "true"), ("no", "false")):
            op.execute(audit.update().where(audit.c.field.in_(YES_NO),
                                            audit.c[column] == said).values({column: value}))
    _preferences_as_codes()
    when = (
        (audit.c.reason.startswith(MOVED), "DEFAULT_RULE"),
        (audit.c.reason == CHOSEN, "PERSON"),
        (audit.c.reason.in_(DMS_REASONS), "DMS_CHANGED"),
        (audit.c.reason == "ADF lead", "IMPORTED"),
        (audit.c.reason.startswith("trade-in on a lead"), "IMPORTED"),
        (audit.c.entity.in_(BY_PEOPLE), "PERSON"),
    )
    for condition, cause in when:
        op.execute(audit.update().where(condition, audit.c.cause == "EARLIER")
                   .values(cause=cause))


def _preferences_as_codes() -> None:
    """"Scheduling, Invoices" (or "none") becomes "INVOICES,SCHEDULING" (or "")."""
    connection = op.get_bind()
    rows = connection.execute(sa.select(audit.c.id, audit.c.old, audit.c.new)
                              .where(audit.c.field == "PREFERENCES")).all()
    for row in rows:
        values = {}
        for column in ("old", "new"):
            said = getattr(row, column)
            if said is None:
                continue
            labels = [] if said == "none" else [part.strip() for part in said.split(",")]
            if all(label in PREFERENCES for label in labels):
                values[column] = ",".join(sorted(PREFERENCES[label] for label in labels))
        if values:
            connection.execute(audit.update().where(audit.c.id == row.id).values(values))


def downgrade() -> None:
    """Back to labels and lower-case names; the causes and desks are dropped (a cause said
    only by the sentence was kept in it)."""
    for field, codes in LABELS.items():
        for label, value in codes.items():
            for column in ("old", "new"):
                op.execute(audit.update().where(audit.c.field == field,
                                                audit.c[column] == value)
                           .values({column: label}))
    for column in ("old", "new"):
        for said, value in (("yes", "true"), ("no", "false")):
            op.execute(audit.update().where(audit.c.field.in_(YES_NO),
                                            audit.c[column] == value).values({column: said}))
    connection = op.get_bind()
    labels = {value: label for label, value in PREFERENCES.items()}
    for row in connection.execute(sa.select(audit.c.id, audit.c.old, audit.c.new)
                                  .where(audit.c.field == "PREFERENCES")).all():
        values = {column: ", ".join(labels.get(code, code) for code in said.split(",")
                                    if code) or "none"
                  for column in ("old", "new") if (said := getattr(row, column)) is not None}
        connection.execute(audit.update().where(audit.c.id == row.id).values(values))
    for label, role in ASSIGNED_ROLES.items():
        op.execute(audit.update().where(audit.c.entity == "ASSIGNMENT", audit.c.field == role)
                   .values(field=label))
    op.execute(audit.update().where(audit.c.entity == "SETTING").values(
        field=sa.func.replace(sa.func.lower(audit.c.field), "mail_", "mail.")))
    op.execute(audit.update().where(audit.c.entity.notin_(("ASSIGNMENT", "SETTING"))).values(
        field=sa.func.lower(audit.c.field)))
    op.execute(audit.update().values(entity=sa.func.lower(audit.c.entity)))
    with op.batch_alter_table("audit_event") as table:
        table.drop_column("desk")
        table.drop_column("cause")
