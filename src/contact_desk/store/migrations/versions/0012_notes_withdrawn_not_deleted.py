"""A note taken back (by Undo at the desk) is withdrawn, not deleted: notes are history.

Undo of "Add note" used to have nothing to do but delete the row, and the note's words
would have been gone. A withdrawn note keeps its text, author and time, says when and by
whom it was withdrawn, and no longer shows on the card or in the summary; redo (or any
later restore) clears the mark. Both are audited.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-10
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # SQLite cannot add a foreign key in place: batch mode copies the note table there.
    with op.batch_alter_table("note") as batch:
        batch.add_column(sa.Column("withdrawn_at", sa.DateTime()))
        batch.add_column(sa.Column("withdrawn_by_id", sa.Integer,
                                   sa.ForeignKey("app_user.id",
                                                 name="fk_note_withdrawn_by_id_app_user")))


def downgrade() -> None:
    with op.batch_alter_table("note") as batch:
        batch.drop_column("withdrawn_by_id")
        batch.drop_column("withdrawn_at")
