"""Alembic's entry: migrate on the connection contact_desk.store.migrating hands over.

That connection is already inside the one transaction the whole upgrade runs in, with the
database's write lock held; Alembic must neither begin nor commit anything of its own.
"""

from __future__ import annotations

from alembic import context

from contact_desk.store.models import Base

context.configure(
    connection=context.config.attributes["connection"],
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
    transactional_ddl=False,
)
context.run_migrations()
