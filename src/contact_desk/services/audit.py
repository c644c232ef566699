"""Every change leaves an audit event: who, at which desk, when, which record and field, the
old and new value as codes, and why (the cause). See domain/history for the vocabulary."""

from __future__ import annotations

import functools
import socket
from typing import Any

from sqlalchemy.orm import Session

from contact_desk.domain.actor import Actor
from contact_desk.domain.enums import AssignmentRole
from contact_desk.domain.history import Cause, Entity, Field, code
from contact_desk.store.activity import AuditEvent

MAX_DESK = 120


@functools.cache
def this_desk() -> str:
    """The computer a change is made at, as its network name says."""
    return (socket.gethostname() or "")[:MAX_DESK]


def record(
    session: Session,
    actor: Actor,
    customer_id: int | None,
    entity: Entity | str,
    entity_id: int | None,
    field: Field | AssignmentRole | str,
    old: Any,
    new: Any,
    reason: str = "",
    cause: Cause | None = None,
) -> None:
    """One event; ``reason`` is a detail in words (shown, never read back by code), and
    ``cause`` is the actor's own (a person, or the sync or import it runs) unless given."""
    session.add(AuditEvent(**event(actor, customer_id, entity, entity_id, field, old, new,
                                   reason, cause)))
    session.info[_RECORDED] = session.info.get(_RECORDED, 0) + 1


_RECORDED = "audit events recorded"


def recorded(session: Session) -> int:
    """How many events this session has recorded so far (flushed or not): a use case whose
    steps recorded none changed nothing, and leaves the customer's version as it was.
    Counted as they are added: a flushed event the use case holds no reference to leaves
    the session's identity map (it keeps clean rows weakly), so the map cannot tell."""
    return session.info.get(_RECORDED, 0)


def event(
    actor: Actor,
    customer_id: int | None,
    entity: Entity | str,
    entity_id: int | None,
    field: Field | AssignmentRole | str,
    old: Any,
    new: Any,
    reason: str = "",
    cause: Cause | None = None,
) -> dict[str, Any]:
    """The columns of one audit event, for ``record`` or for a bulk insert of many."""
    return {"user_id": actor.user_id, "customer_id": customer_id,
            "entity": entity if isinstance(entity, Entity) else Entity[entity.upper()],
            "entity_id": entity_id, "field": Field.of(field), "old": code(old),
            "new": code(new), "reason": reason, "cause": cause or actor.cause,
            "desk": this_desk()}


def record_changes(
    session: Session,
    actor: Actor,
    customer_id: int | None,
    entity: Entity | str,
    entity_id: int | None,
    target: object,
    changes: dict[str, Any],
    cause: Cause | None = None,
) -> list[str]:
    """Set each changed attribute on ``target`` and audit it; return the fields that changed."""
    changed = []
    for name, new in changes.items():
        old = getattr(target, name)
        if old == new:
            continue
        setattr(target, name, new)
        record(session, actor, customer_id, entity, entity_id, name, old, new, cause=cause)
        changed.append(name)
    return changed
