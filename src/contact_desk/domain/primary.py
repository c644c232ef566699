"""Which phone and which email are primary: the default rule and when a value may be chosen."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from contact_desk.domain.enums import ContactKind, ContactPointType, ContactStatus
from contact_desk.domain.errors import NotAllowed

PREFERRED_TYPE = {
    ContactKind.PHONE: ContactPointType.DMS_CELL,
    ContactKind.EMAIL: ContactPointType.DMS_EMAIL,
}


@dataclass(frozen=True)
class PrimaryCandidate:
    """What the rule needs to know of one phone or email; ``order`` is when it was added."""

    id: int
    type: ContactPointType
    status: ContactStatus
    is_primary: bool
    order: int


def default_primary(candidates: Iterable[PrimaryCandidate]) -> PrimaryCandidate | None:
    """The DMS cell phone (or DMS email) if active, else the first active value, else none."""
    active = sorted(
        (c for c in candidates if c.status is ContactStatus.ACTIVE), key=lambda c: c.order
    )
    if not active:
        return None
    kind = active[0].type.kind
    for candidate in active:
        if candidate.type is PREFERRED_TYPE[kind]:
            return candidate
    return active[0]


def primary_after_change(
    candidates: Iterable[PrimaryCandidate], successor: int | None = None
) -> PrimaryCandidate | None:
    """The primary once a change is done: a chosen primary stays while it is active.

    ``successor`` is the value that replaced the primary (the DMS sent a new value for the
    primary's field): it takes over when active, before the default rule is asked.
    """
    candidates = list(candidates)
    for candidate in candidates:
        if candidate.is_primary and candidate.status is ContactStatus.ACTIVE:
            return candidate
    replacing_primary = any(c.is_primary for c in candidates)
    for candidate in candidates:
        if (replacing_primary and candidate.id == successor
                and candidate.status is ContactStatus.ACTIVE):
            return candidate
    return default_primary(candidates)


def check_can_be_primary(status: ContactStatus, shown_value: str) -> None:
    """Only an active value can be primary; say why otherwise."""
    if status is ContactStatus.INACTIVE:
        raise NotAllowed(
            f"{shown_value} is inactive, so it cannot be the primary. "
            "Make it active first or choose an active one."
        )
    if status is ContactStatus.INVALID:
        raise NotAllowed(
            f"{shown_value} is marked invalid (bounced or disconnected), "
            "so it cannot be the primary."
        )
