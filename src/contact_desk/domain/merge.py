"""Merging two customers who are one person: which value of each single field survives,
how two equal phones or emails become one, and which phone and email end up primary.

Pure rules over the facts of the two customers; services/merge applies the plan. KEEP is
the customer who stays, OTHER the one merged into it. Nothing is dropped: a single field's
value not chosen stays on OTHER's row (kept, merged away, for Unmerge and the history).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from contact_desk.domain.customer import check_customer_names
from contact_desk.domain.enums import (
    AssignmentRole,
    CommunicationPreference,
    ContactKind,
    ContactPointType,
    ContactStatus,
    LabelledEnum,
    Source,
)
from contact_desk.domain.errors import NotAllowed
from contact_desk.domain.primary import PrimaryCandidate, check_can_be_primary, primary_after_change


class Side(LabelledEnum):
    """Which of the two customers a value comes from."""

    KEEP = "The customer kept"
    OTHER = "The customer merged in"


class MergeField(LabelledEnum):
    """A field a customer has one value of; the clerk picks the side that survives."""

    FIRST_NAME = "First name"
    LAST_NAME = "Last name"
    COMPANY = "Company"
    BIRTH_DATE = "Birth date"
    ADDRESS = "Address"
    PAYMENT = "Payment figures"
    SALES = AssignmentRole.SALES.label
    BDC = AssignmentRole.BDC.label
    SERVICE_BDC = AssignmentRole.SERVICE_BDC.label

    @property
    def columns(self) -> tuple[str, ...]:
        """The customer's columns this field is made of (an address is taken whole: a
        street of one and the city of the other is nobody's address)."""
        return _COLUMNS.get(self, ())

    @property
    def from_dms(self) -> bool:
        """Whether the DMS export carries this field (the DMS is its system of record)."""
        return self in _DMS_FIELDS

    @property
    def role(self) -> AssignmentRole | None:
        """The assigned user this field is, if it is one."""
        return AssignmentRole.__members__.get(self.name)


_COLUMNS = {
    MergeField.FIRST_NAME: ("first_name",),
    MergeField.LAST_NAME: ("last_name",),
    MergeField.COMPANY: ("company",),
    MergeField.BIRTH_DATE: ("birth_date",),
    MergeField.ADDRESS: ("address_line1", "city", "state", "postal_code"),
    MergeField.PAYMENT: ("regular_amount", "payment_frequency", "current_due_date",
                         "current_amount_due"),
}
_DMS_FIELDS = frozenset({MergeField.FIRST_NAME, MergeField.LAST_NAME, MergeField.COMPANY,
                         MergeField.BIRTH_DATE, MergeField.ADDRESS})


@dataclass(frozen=True)
class FieldValue:
    """One customer's value of a field: what is stored (one item a column, or the user's
    id of an assignment) and how it reads."""

    value: tuple[object, ...]
    shown: str

    @property
    def empty(self) -> bool:
        return all(part is None or part == "" for part in self.value)


@dataclass(frozen=True)
class PointFacts:
    """What a merge needs to know of one phone or email. ``dms_number`` is the DMS
    customer number it came from when that is not its customer's own (None: its own)."""

    id: int
    kind: ContactKind
    type: ContactPointType
    value: str
    extension: str
    display: str
    status: ContactStatus
    status_date: date
    is_primary: bool
    dms_number: str | None = None
    card_types: str = ""

    @property
    def key(self) -> tuple[ContactKind, str, str]:
        """What makes two of them the same value."""
        return (self.kind, self.value, self.extension)


@dataclass(frozen=True)
class LinkFacts:
    """A person's place on a customer's account."""

    id: int
    person_id: int
    primary_contact: bool
    preferences: frozenset[CommunicationPreference] = frozenset()


@dataclass(frozen=True)
class CustomerFacts:
    id: int
    customer_number: str | None
    values: Mapping[MergeField, FieldValue]
    points: tuple[PointFacts, ...] = ()
    links: tuple[LinkFacts, ...] = ()

    @property
    def from_dms(self) -> bool:
        return bool(self.customer_number)


@dataclass(frozen=True)
class MergeChoices:
    """What the clerk picked; anything not picked takes the default. ``primary`` names a
    phone or email (either customer's) by id."""

    fields: Mapping[MergeField, Side] = field(default_factory=dict)
    primary: Mapping[ContactKind, int] = field(default_factory=dict)


@dataclass(frozen=True)
class MergedPoint:
    """A phone or email of the survivor once merged: ``id`` is the row that stays (KEEP's
    when both had the value), ``absorbed`` OTHER's row folded into it (then removed)."""

    id: int
    kind: ContactKind
    display: str
    from_other: bool
    type: ContactPointType
    status: ContactStatus
    status_date: date
    dms_number: str | None
    card_types: str
    is_primary: bool
    absorbed: int | None = None

    def names(self, point_id: int) -> bool:
        return point_id in (self.id, self.absorbed)


@dataclass(frozen=True)
class LinksPlan:
    """OTHER's people on the account: those moved to KEEP (``unprimaried`` of them giving
    up Primary contact, KEEP having one), and those already on KEEP's account, each folded
    into KEEP's place of that person (KEEP's link id), which gains their preferences (and
    Primary contact, ``promoted``, when it was OTHER's and KEEP has none)."""

    moved: tuple[int, ...] = ()
    unprimaried: tuple[int, ...] = ()
    folded: Mapping[int, int] = field(default_factory=dict)
    gained: Mapping[int, frozenset[CommunicationPreference]] = field(default_factory=dict)
    promoted: tuple[int, ...] = ()


@dataclass(frozen=True)
class MergePlan:
    sides: Mapping[MergeField, Side]
    values: Mapping[MergeField, FieldValue]
    points: tuple[MergedPoint, ...]
    links: LinksPlan
    # The survivor takes OTHER's DMS number when it has none of its own; when both have
    # one, OTHER's stays known as an alias of the survivor (the sync follows it).
    takes_number: bool
    alias: str | None

    def primary(self, kind: ContactKind) -> MergedPoint | None:
        return next((p for p in self.points if p.kind is kind and p.is_primary), None)

    @property
    def absorbed(self) -> tuple[MergedPoint, ...]:
        return tuple(p for p in self.points if p.absorbed is not None)


def default_side(merge_field: MergeField, keep: CustomerFacts, other: CustomerFacts) -> Side:
    """The DMS's value where one side comes from the DMS and the field is one of its,
    else KEEP's; an empty value never wins over one that is there (nothing is lost)."""
    preferred = Side.KEEP
    if merge_field.from_dms and keep.from_dms != other.from_dms:
        preferred = Side.KEEP if keep.from_dms else Side.OTHER
    mine, theirs = ((keep, other) if preferred is Side.KEEP else (other, keep))
    if _value(mine, merge_field).empty and not _value(theirs, merge_field).empty:
        return Side.OTHER if preferred is Side.KEEP else Side.KEEP
    return preferred


def check_can_merge(keep_id: int, other_id: int) -> None:
    if keep_id == other_id:
        raise NotAllowed("A customer cannot be merged with itself: pick two different "
                         "customers.")


def plan_merge(keep: CustomerFacts, other: CustomerFacts,
               choices: MergeChoices | None = None) -> MergePlan:
    """The survivor's values, phones, emails and people once ``other`` is merged into
    ``keep``. Raises InvalidValue when the names picked make no customer, NotAllowed when
    the picked primary cannot be primary."""
    check_can_merge(keep.id, other.id)
    choices = choices or MergeChoices()
    sides = {f: choices.fields.get(f) or default_side(f, keep, other) for f in MergeField}
    values = {f: _value(keep if side is Side.KEEP else other, f) for f, side in sides.items()}
    check_customer_names(*(str(values[f].value[0] or "") for f in
                           (MergeField.FIRST_NAME, MergeField.LAST_NAME, MergeField.COMPANY)))
    takes_number = not keep.from_dms and other.from_dms
    alias = other.customer_number if keep.from_dms and other.from_dms else None
    points = _merged_points(keep, other, alias)
    points = _with_primaries(points, keep, other, choices.primary)
    return MergePlan(sides=sides, values=values, points=points, links=merge_links(keep, other),
                     takes_number=takes_number, alias=alias)


def _value(customer: CustomerFacts, merge_field: MergeField) -> FieldValue:
    return customer.values.get(merge_field, FieldValue((None,), ""))


# ---------------------------------------------------------------- phones and emails

_STRICTNESS = {ContactStatus.ACTIVE: 0, ContactStatus.INACTIVE: 1, ContactStatus.INVALID: 2}


def merged_status(mine: PointFacts, theirs: PointFacts) -> tuple[ContactStatus, date]:
    """The status of one value both customers had: the same status since the earlier of
    the two dates; two statuses, the one set later (it is the newer news), the stricter
    on the same day."""
    if mine.status is theirs.status:
        return mine.status, min(mine.status_date, theirs.status_date)
    newer = max((mine, theirs), key=lambda p: (p.status_date, _STRICTNESS[p.status]))
    return newer.status, newer.status_date


def _merged_points(keep: CustomerFacts, other: CustomerFacts,
                   alias: str | None) -> list[MergedPoint]:
    theirs = {p.key: p for p in other.points}
    mine_keys = {p.key for p in keep.points}
    merged = []
    for mine in keep.points:
        twin = theirs.get(mine.key)
        if twin is None:
            merged.append(_as_merged(mine, False, mine.dms_number))
            continue
        status, since = merged_status(mine, twin)
        # The DMS's field where only OTHER's came from it: the sync of OTHER's number
        # must find it among the values it owns.
        dms_twin = mine.type.source is not Source.DMS and twin.type.source is Source.DMS
        merged.append(MergedPoint(
            id=mine.id, kind=mine.kind, display=mine.display, from_other=False,
            type=twin.type if dms_twin else mine.type, status=status, status_date=since,
            dms_number=_tag(twin, alias) if dms_twin else mine.dms_number,
            card_types=mine.card_types or twin.card_types, is_primary=False,
            absorbed=twin.id))
    merged += [_as_merged(p, True, _tag(p, alias)) for p in other.points
               if p.key not in mine_keys]
    return merged


def _tag(point: PointFacts, alias: str | None) -> str | None:
    """The DMS number a value of OTHER's answers to on the survivor."""
    if point.dms_number or point.type.source is not Source.DMS:
        return point.dms_number
    return alias


def _as_merged(point: PointFacts, from_other: bool, dms_number: str | None) -> MergedPoint:
    return MergedPoint(id=point.id, kind=point.kind, display=point.display,
                       from_other=from_other, type=point.type, status=point.status,
                       status_date=point.status_date, dms_number=dms_number,
                       card_types=point.card_types, is_primary=False)


def _with_primaries(points: list[MergedPoint], keep: CustomerFacts, other: CustomerFacts,
                    picked: Mapping[ContactKind, int]) -> tuple[MergedPoint, ...]:
    chosen: dict[ContactKind, int | None] = {}
    for kind in ContactKind:
        of_kind = [p for p in points if p.kind is kind]
        if kind in picked:
            wanted = next((p for p in of_kind if p.names(picked[kind])), None)
            if wanted is None:
                raise NotAllowed(f"The {kind.label.lower()} picked as primary is not one of "
                                 "the two customers'.")
            check_can_be_primary(wanted.status, wanted.display)
            chosen[kind] = wanted.id
        else:
            chosen[kind] = default_primary_of(of_kind, keep, other)
    return tuple(replace(p, is_primary=chosen[p.kind] == p.id) for p in points)


def default_primary_of(points: list[MergedPoint], keep: CustomerFacts,
                       other: CustomerFacts) -> int | None:
    """The primary a merge leaves by itself: KEEP's while it is active, as a chosen primary
    always stays; OTHER's where KEEP had none; else the default rule (the DMS cell phone or
    DMS email, else the first active value)."""
    kind = points[0].kind if points else None
    keep_had = any(p.is_primary and p.kind is kind for p in keep.points)
    chosen = {p.id for p in keep.points if p.is_primary}
    if not keep_had:
        chosen |= {p.id for p in other.points if p.is_primary}
    found = primary_after_change(
        PrimaryCandidate(id=p.id, type=p.type, status=p.status,
                         is_primary=bool({p.id, p.absorbed} & chosen), order=order)
        for order, p in enumerate(points))
    return found.id if found is not None else None


# ---------------------------------------------------------------- people on the account


def merge_links(keep: CustomerFacts, other: CustomerFacts) -> LinksPlan:
    """Every person of OTHER's account on the survivor's once: a person on both keeps
    KEEP's place and role and gains OTHER's preferences; the Primary contact stays KEEP's
    (OTHER's when KEEP has none)."""
    mine = {link.person_id: link for link in keep.links}
    keep_has_primary = any(link.primary_contact for link in keep.links)
    moved, unprimaried, folded, gained, promoted = [], [], {}, {}, []
    for link in other.links:
        twin = mine.get(link.person_id)
        if twin is None:
            moved.append(link.id)
            if link.primary_contact and keep_has_primary:
                unprimaried.append(link.id)
            continue
        folded[link.id] = twin.id
        more = link.preferences - twin.preferences
        if more:
            gained[twin.id] = frozenset(more)
        if link.primary_contact and not keep_has_primary:
            promoted.append(twin.id)
    return LinksPlan(tuple(moved), tuple(unprimaried), folded, gained, tuple(promoted))
