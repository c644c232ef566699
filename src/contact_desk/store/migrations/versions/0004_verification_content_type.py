"""Verification documents keep their content type (PDF or which image), read from their bytes.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

document = sa.table(
    "verification_document",
    sa.column("id", sa.Integer),
    sa.column("content", sa.LargeBinary),
    sa.column("content_type", sa.String),
)


def _content_type(content: bytes) -> str:
    # Written out here, not imported from domain/: a migration must not change later.
    if b"%PDF-" in content[:1024]:
        return "application/pdf"
    for signature, content_type in (
        (b"\x89PNG\r\n\x1a\n", "image/png"),
        (b"\xff\xd8\xff", "image/jpeg"),
        (b"GIF8", "image/gif"),
        (b"II*\x00", "image/tiff"),
        (b"MM\x00*", "image/tiff"),
    ):
        if content.startswith(signature):
            return content_type
    return "application/octet-stream"  # kept before types were checked


def upgrade() -> None:
    with op.batch_alter_table("verification_document") as batch:
        batch.add_column(
            sa.Column("content_type", sa.String(100), nullable=False, server_default="")
        )
    connection = op.get_bind()
    rows = connection.execute(sa.select(document.c.id, document.c.content)).all()
    for document_id, content in rows:
        connection.execute(
            document.update()
            .where(document.c.id == document_id)
            .values(content_type=_content_type(bytes(content)))
        )


def downgrade() -> None:
    with op.batch_alter_table("verification_document") as batch:
        batch.drop_column("content_type")
