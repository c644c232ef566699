"""The edit dialog's Save: corrections, additions, status changes and removals in one transaction.

A clerk edits several phones and emails at once; either all of it is kept or none of it.
Undo sends the inverse changes back through the same function.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from contact_desk.domain.actor import Actor
from contact_desk.domain.consent import CHOSEN_HOWS
from contact_desk.domain.enums import (
    ContactKind,
    ContactPointType,
    ContactStatus,
    Permission,
    Source,
)
from contact_desk.domain.errors import NotAllowed
from contact_desk.services import audit, consent
from contact_desk.services.consent import check_form
from contact_desk.services.contact_points import (
    apply_status,
    check_may_change,
    correct_value,
    make_primary,
    new_contact_point,
    point_of,
    settle_primary,
)
from contact_desk.services.customers import contact_info_view
from contact_desk.services.forms import ConsentForm
from contact_desk.services.lookup import check_version, get, touch
from contact_desk.services.views import ContactInfoView, CustomerView
from contact_desk.store.customer import ContactPoint, Customer
from contact_desk.store.unit_of_work import UnitOfWork, retried_when_desks_collide


@dataclass(frozen=True)
class PointChange:
    """A correction of an existing value and/or a new status for it."""

    point_id: int
    text: str | None = None
    status: ContactStatus | None = None


@dataclass(frozen=True)
class NewPoint:
    kind: ContactKind
    text: str
    source: Source = Source.DEALER


@dataclass(frozen=True)
class ConsentChange:
    """A consent recorded for an existing value (the consent column's dialog)."""

    point_id: int
    form: ConsentForm


@dataclass(frozen=True)
class ContactInfoChanges:
    edits: tuple[PointChange, ...] = ()
    additions: tuple[NewPoint, ...] = ()
    removals: tuple[int, ...] = ()
    primaries: tuple[int, ...] = ()  # values to check as primary once the rest is done
    consents: tuple[ConsentChange, ...] = ()
    withdrawn_consents: tuple[int, ...] = ()  # consent records to take back (Undo)

    def __bool__(self) -> bool:
        return bool(self.edits or self.additions or self.removals or self.primaries
                    or self.consents or self.withdrawn_consents)


@dataclass(frozen=True)
class SavedContactInfo:
    """What a save made: the ids of the values it added, and the customer's phones, emails
    and warnings after it, with the version the next change of the same step (its undo,
    say) must expect. The page shows these; it does not read the customer again."""

    info: ContactInfoView
    added_ids: tuple[int, ...] = field(default=())
    consent_ids: tuple[int, ...] = field(default=())  # the consent records it added

    @property
    def version(self) -> int:
        return self.info.version

    @property
    def added_id(self) -> int:
        """The id of the one value this save added."""
        (added,) = self.added_ids
        return added


@retried_when_desks_collide
def save_contact_info(
    uow: UnitOfWork,
    actor: Actor,
    customer_id: int,
    changes: ContactInfoChanges,
    expected_version: int | None = None,
) -> SavedContactInfo:
    """Apply every change of the edit dialog, or none of them; audited one by one."""
    return _save_to(uow, actor, customer_id, changes, expected_version)


@retried_when_desks_collide
def add_contact_point(
    uow: UnitOfWork,
    actor: Actor,
    customer_id: int,
    kind: ContactKind,
    text: str,
    source: Source = Source.DEALER,
    expected_version: int | None = None,
) -> SavedContactInfo:
    """Add a phone or email the dealership (or the customer) gave; it is primary if none is."""
    return _save_to(uow, actor, customer_id,
                    ContactInfoChanges(additions=(NewPoint(kind, text, source),)),
                    expected_version)


@retried_when_desks_collide
def edit_contact_point(
    uow: UnitOfWork, actor: Actor, point_id: int, text: str,
    expected_version: int | None = None,
) -> SavedContactInfo:
    """Correct a value here. A DMS value changes only in Contact Desk, never in the DMS."""
    return _save_on(uow, actor, point_id, ContactInfoChanges(edits=(PointChange(point_id, text),)),
                    expected_version)


@retried_when_desks_collide
def set_contact_point_status(
    uow: UnitOfWork, actor: Actor, point_id: int, status: ContactStatus,
    expected_version: int | None = None,
) -> SavedContactInfo:
    """Mark a value Active, Inactive or Invalid; a primary leaving Active moves by the rule."""
    return _save_on(uow, actor, point_id,
                    ContactInfoChanges(edits=(PointChange(point_id, status=status),)),
                    expected_version)


@retried_when_desks_collide
def set_consent(
    uow: UnitOfWork, actor: Actor, point_id: int, form: ConsentForm,
    expected_version: int | None = None,
) -> SavedContactInfo:
    """Record what the customer said about being called, texted or emailed on this value,
    for the form's purposes: new records; the older ones stay, as proof of what was."""
    return _save_on(uow, actor, point_id,
                    ContactInfoChanges(consents=(ConsentChange(point_id, form),)),
                    expected_version)


def set_consent_by_value(uow: UnitOfWork, actor: Actor, customer_key: str, text: str,
                         form: ConsentForm) -> tuple[str, SavedContactInfo]:
    """The command line's consent: the value typed (a phone in any format), then
    ``set_consent``; the value as shown, and what the save returned."""
    with uow:
        point = point_of(uow.session, customer_key, text)
        point_id, shown = point.id, point.display
    return shown, set_consent(uow, actor, point_id, form)


@retried_when_desks_collide
def set_primary(
    uow: UnitOfWork, actor: Actor, point_id: int, expected_version: int | None = None
) -> SavedContactInfo:
    """Make this value the primary; the old primary is unchecked in the same transaction."""
    return _save_on(uow, actor, point_id, ContactInfoChanges(primaries=(point_id,)),
                    expected_version)


def _save_to(uow: UnitOfWork, actor: Actor, customer_id: int, changes: ContactInfoChanges,
             expected_version: int | None) -> SavedContactInfo:
    actor.require(Permission.EDIT_CUSTOMERS)
    with uow:
        customer = get(uow.session, Customer, customer_id, "customer")
        return _save(uow, actor, customer, changes, expected_version)


def _save_on(uow: UnitOfWork, actor: Actor, point_id: int, changes: ContactInfoChanges,
             expected_version: int | None) -> SavedContactInfo:
    """``changes`` to the customer of the value ``point_id``."""
    actor.require(Permission.EDIT_CUSTOMERS)
    with uow:
        point = get(uow.session, ContactPoint, point_id, "phone or email")
        return _save(uow, actor, point.customer, changes, expected_version)


def _save(uow: UnitOfWork, actor: Actor, customer: Customer, changes: ContactInfoChanges,
          expected_version: int | None) -> SavedContactInfo:
    """The one way a customer's phones and emails change at a desk: in one transaction,
    the customer's version checked first, what it returns taken before the commit."""
    session = uow.session
    check_version(customer, expected_version)
    before = audit.recorded(session)
    points = {p.id: p for p in customer.contact_points}
    for point_id in changes.removals:
        _remove(uow, actor, customer, _own(points, point_id))
    for edit in changes.edits:
        point = _own(points, edit.point_id)
        if edit.text is not None:
            correct_value(session, actor, customer, point, edit.text)
        if edit.status is not None and edit.status is not point.status:
            check_may_change(actor, point)
            apply_status(session, actor, customer, point, edit.status)
    added = tuple(
        new_contact_point(
            session, actor, customer, ContactPointType.added_by(new.source, new.kind), new.text
        ).id
        for new in changes.additions
    )
    for kind in ContactKind:
        settle_primary(session, actor, customer, kind)
    for point_id in changes.primaries:
        make_primary(session, actor, customer, _own(points, point_id))
    recorded = _record_consents(session, actor, points, changes)
    if audit.recorded(session) != before:
        touch(customer)
    uow.flush()
    saved = SavedContactInfo(contact_info_view(session, customer), added_ids=added,
                             consent_ids=recorded)
    uow.commit()
    return saved


def undo_changes(before: CustomerView, changes: ContactInfoChanges,
                 saved: SavedContactInfo) -> ContactInfoChanges:
    """The changes that take the customer back to ``before`` after ``changes`` were saved."""
    old = {p.id: p for p in (*before.phones, *before.emails)}
    edits = []
    for edit in changes.edits:
        was = old[edit.point_id]
        edits.append(PointChange(
            edit.point_id,
            text=was.display if edit.text is not None else None,
            status=was.status if edit.status is not None else None,
        ))
    primaries = tuple(p.id for p in old.values() if p.is_primary)
    return ContactInfoChanges(edits=tuple(edits), removals=saved.added_ids, primaries=primaries,
                              withdrawn_consents=saved.consent_ids)


def _record_consents(session: Session, actor: Actor, points: dict[int, ContactPoint],
                     changes: ContactInfoChanges) -> tuple[int, ...]:
    """The consents of ``changes``, each checked before any is added; the ids added."""
    wanted = [(_own(points, change.point_id), change.form) for change in changes.consents]
    for point, form in wanted:
        if form.how not in CHOSEN_HOWS:
            raise NotAllowed(f"{form.how.label} consent is recorded by the desk itself; at "
                             "the desk choose how the customer told you.")
        check_form(point.kind, form)
    added = [row.id for point, form in wanted
             for row in consent.add_records(session, actor, point.kind, point.value, form)]
    consent.withdraw(session, actor, changes.withdrawn_consents)
    return tuple(added)


def _own(points: dict[int, ContactPoint], point_id: int) -> ContactPoint:
    point = points.get(point_id)
    if point is None:
        raise NotAllowed("That phone or email is no longer on this customer; reload and retry.")
    return point


def _remove(uow: UnitOfWork, actor: Actor, customer: Customer, point: ContactPoint) -> None:
    """Take back a value added here by mistake; a DMS value is deactivated, never removed."""
    if point.type.source is Source.DMS:
        raise NotAllowed(
            f"{point.display} comes from the DMS and cannot be removed here; mark it Inactive."
        )
    audit.record(uow.session, actor, customer.id, "contact_point", point.id, "removed",
                 point.display, None)
    customer.contact_points.remove(point)
    uow.flush()
