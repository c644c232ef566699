"""Settings every desk on the database shares (the mail server, the dealership's calling and
texting apps), kept as text under a prefix in the setting table, each change audited."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from contact_desk.domain.actor import Actor
from contact_desk.services import audit
from contact_desk.store.users import Setting

MAX_VALUE = 500  # the setting table's value column


def stored_settings(session: Session, prefix: str) -> dict[str, str]:
    """The settings whose keys start with ``prefix``, by the rest of the key."""
    rows = session.scalars(select(Setting).where(Setting.key.startswith(prefix)))
    return {row.key.removeprefix(prefix): row.value for row in rows}


def keep_settings(session: Session, actor: Actor, prefix: str,
                  values: Mapping[str, str]) -> list[str]:
    """Store each value under ``prefix + name`` and audit those that changed (the key names
    the history's field); the names that changed."""
    changed = []
    for name, value in values.items():
        key = prefix + name
        row = session.get(Setting, key)
        old = row.value if row else None
        if old == value:
            continue
        if row is None:
            session.add(Setting(key=key, value=value))
        else:
            row.value = value
        audit.record(session, actor, None, "setting", None, key, old, value)
        changed.append(name)
    return changed
