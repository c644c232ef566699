"""Every change leaves an audit event: who, when, which record and field, old and new value."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from contact_desk.domain.actor import Actor
from contact_desk.domain.enums import LabelledEnum
from contact_desk.store.activity import AuditEvent


def shown(value: Any) -> str | None:
    """How a value is written into the audit trail."""
    if value is None:
        return None
    if isinstance(value, LabelledEnum):
        return value.label
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def record(
    session: Session,
    actor: Actor,
    customer_id: int | None,
    entity: str,
    entity_id: int | None,
    field: str,
    old: Any,
    new: Any,
    reason: str = "",
) -> None:
    session.add(AuditEvent(**event(actor, customer_id, entity, entity_id, field, old, new,
                                   reason)))


def event(
    actor: Actor,
    customer_id: int | None,
    entity: str,
    entity_id: int | None,
    field: str,
    old: Any,
    new: Any,
    reason: str = "",
) -> dict[str, Any]:
    """The columns of one audit event, for ``record`` or for a bulk insert of many."""
    return {"user_id": actor.user_id, "customer_id": customer_id, "entity": entity,
            "entity_id": entity_id, "field": field, "old": shown(old), "new": shown(new),
            "reason": reason}


def record_changes(
    session: Session,
    actor: Actor,
    customer_id: int | None,
    entity: str,
    entity_id: int | None,
    target: object,
    changes: dict[str, Any],
) -> list[str]:
    """Set each changed attribute on ``target`` and audit it; return the fields that changed."""
    changed = []
    for name, new in changes.items():
        old = getattr(target, name)
        if old == new:
            continue
        setattr(target, name, new)
        record(session, actor, customer_id, entity, entity_id, name, old, new)
        changed.append(name)
    return changed
