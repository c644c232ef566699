"""Recording consent: each statement about a value (at the desk, a form, a STOP reply, the
DMS) adds records, never overwrites; Undo withdraws the records it added (kept, marked).

A record is the value's (the phone's E.164, the lower-case email), so every customer who
has the value on file sees it: each of them gets the history entry and a new version, so
a desk showing one of them hears of it. The current state is domain/consent's derivation
of the records that count.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from contact_desk.domain.actor import Actor
from contact_desk.domain.consent import (
    CHANNELS_OF_KIND,
    MAX_EVIDENCE_FILE,
    MAX_EVIDENCE_NOTE,
    NOTHING_RECORDED,
    ConsentHow,
    ConsentRecord,
    ConsentState,
    ConsentSummary,
    Purpose,
    check_channel,
)
from contact_desk.domain.enums import Channel, ContactKind
from contact_desk.domain.errors import NotAllowed
from contact_desk.domain.history import CONSENT_FIELD_OF, Cause
from contact_desk.services import audit
from contact_desk.services.forms import ConsentForm, EvidenceFile
from contact_desk.services.lookup import touch
from contact_desk.store.base import utc_now
from contact_desk.store.consent import ConsentRow, records_of
from contact_desk.store.customer import ContactPoint

Value = tuple[ContactKind, str]


def summaries(session: Session, values: Iterable[Value]) -> dict[Value, ConsentSummary]:
    """The current consent of each value, from one query."""
    return {key: ConsentSummary.of(found) for key, found in records_of(session, values).items()}


def summary_of(session: Session, kind: ContactKind, value: str) -> ConsentSummary:
    return summaries(session, [(kind, value)]).get((kind, value), NOTHING_RECORDED)


def holders(session: Session, kind: ContactKind, value: str) -> list[ContactPoint]:
    """Every customer's row of this value (a household may share a number)."""
    return list(session.scalars(select(ContactPoint).where(
        ContactPoint.value == value, ContactPoint.kind == kind).order_by(ContactPoint.id)))


def check_form(kind: ContactKind, form: ConsentForm) -> None:
    """What the desk and the command line may record, refused in words before anything."""
    check_channel(kind, form.channel)
    if not form.purposes:
        raise NotAllowed("Choose the purpose the consent is for: transactional, marketing "
                         "or both.")
    if len(form.note) > MAX_EVIDENCE_NOTE:
        raise NotAllowed(f"The note is {len(form.note):,} characters; keep it to "
                         f"{MAX_EVIDENCE_NOTE:,}.")
    if form.evidence is not None:
        _check_file(form.evidence)


def _check_file(evidence: EvidenceFile) -> None:
    if not evidence.content:
        raise NotAllowed(f"{evidence.name} is empty; attach the scanned form itself.")
    check_evidence_size(evidence.name, len(evidence.content))


def check_evidence_size(name: str, size: int) -> None:
    """A file of ``size`` bytes refused as evidence when too big: the window asks before it
    reads the file, so a 2 GB scan chosen by mistake is never read into memory."""
    if size > MAX_EVIDENCE_FILE:
        raise NotAllowed(f"{name} is {size / 2**20:.1f} MB; an evidence file may be at "
                         f"most {MAX_EVIDENCE_FILE // 2**20} MB.")


def add_records(
    session: Session,
    actor: Actor,
    kind: ContactKind,
    value: str,
    form: ConsentForm,
    *,
    on: Sequence[ContactPoint] | None = None,
    source_key: str | None = None,
    at: datetime | None = None,
    cause: Cause | None = None,
) -> list[ConsentRow]:
    """Add one record per purpose of ``form`` for the value; audited on every customer who
    has it (``on``: those rows, if the caller has them). Nothing is added for a
    ``source_key`` already recorded (the same reply imported again)."""
    check_channel(kind, form.channel)
    if source_key is not None and session.scalar(
            select(ConsentRow.id).where(ConsentRow.source_key == source_key)) is not None:
        return []
    points = list(on) if on is not None else holders(session, kind, value)
    before = summary_of(session, kind, value)
    at = at or utc_now()
    rows = [ConsentRow(**columns) for columns in record_columns(
        actor, kind, value, form, at, points[0].customer_id if points else None, source_key)]
    session.add_all(rows)
    session.flush()
    _audit(session, actor, points, form.channel, form.purposes, before,
           summary_of(session, kind, value), _detail(form), cause)
    return rows


def record_columns(actor: Actor, kind: ContactKind, value: str, form: ConsentForm,
                   at: datetime, customer_id: int | None,
                   source_key: str | None = None) -> list[dict[str, Any]]:
    """The stored columns of the records of one statement, one per purpose: the plan both
    ways of adding them follow (here, and the sync's batches of new customers)."""
    evidence = form.evidence
    return [{
        "kind": kind, "value": value, "channel": form.channel, "purpose": purpose,
        "state": form.state, "how": form.how, "recorded_at": at, "user_id": actor.user_id,
        "desk": audit.this_desk(), "customer_id": customer_id, "evidence_note": form.note,
        "evidence_file_name": evidence.name if evidence else "",
        "evidence_content_type": evidence.content_type if evidence else "",
        "evidence_file": evidence.content if evidence else None,
        "source_key": source_key if index == 0 else None,
    } for index, purpose in enumerate(form.purposes)]


def first_record_events(actor: Actor, point: tuple[int, int], form: ConsentForm,
                        ) -> list[dict[str, Any]]:
    """The history of a new value's first records, for a batch that writes them directly
    (``point`` is the value's row and customer ids): from not asked to the form's state."""
    point_id, customer_id = point
    return [audit.event(actor, customer_id, "contact_point", point_id,
                        CONSENT_FIELD_OF[(form.channel, purpose)], ConsentState.NOT_ASKED,
                        form.state, reason=_detail(form)) for purpose in form.purposes]


# What a DMS export's consent columns mean; the DMS only ever sets them (an opt-out), and
# a value the DMS stops flagging stays opted out until the customer opts in again.
DMS_OPT_OUTS: dict[str, tuple[Channel, tuple[Purpose, ...]]] = {
    "do_not_call": (Channel.CALL, tuple(Purpose)),
    "do_not_text": (Channel.TEXT, tuple(Purpose)),
    "do_not_email": (Channel.EMAIL, (Purpose.MARKETING,)),
}


def dms_forms(kind: ContactKind, columns: Iterable[str]) -> list[ConsentForm]:
    """The opt-outs a DMS row's flags (``do_not_text``...) state for a value of ``kind``."""
    return [ConsentForm(channel=channel, purposes=purposes, state=ConsentState.OPTED_OUT,
                        how=ConsentHow.DMS, note=f"The DMS marks it {column.replace('_', ' ')}")
            for column, (channel, purposes) in DMS_OPT_OUTS.items()
            if column in columns and channel in CHANNELS_OF_KIND[kind]]


def still_to_record(records: Sequence[ConsentRecord], form: ConsentForm) -> ConsentForm | None:
    """The part of a DMS opt-out not on record yet: none for a purpose already opted out,
    or that the DMS opted out before (a START since then stands: the export repeating an
    old flag is not news)."""
    summary = ConsentSummary.of(records)
    purposes = tuple(
        purpose for purpose in form.purposes
        if not summary.opted_out(form.channel, purpose) and not any(
            r.how is form.how and r.state.is_opt_out and (r.channel, r.purpose) == (
                form.channel, purpose) for r in records))
    return replace(form, purposes=purposes) if purposes else None


def withdraw(session: Session, actor: Actor, record_ids: Iterable[int]) -> None:
    """Take back records this desk added (Undo): marked withdrawn, kept, and audited."""
    record_ids = list(record_ids)
    if not record_ids:
        return
    rows = session.scalars(select(ConsentRow).where(ConsentRow.id.in_(record_ids),
                                                    ConsentRow.withdrawn_at.is_(None))).all()
    for (kind, value, channel), group in _grouped(rows).items():
        before = summary_of(session, kind, value)
        for row in group:
            row.withdrawn_at = utc_now()
            row.withdrawn_by_id = actor.user_id
        session.flush()
        purposes = tuple(dict.fromkeys(row.purpose for row in group))
        _audit(session, actor, holders(session, kind, value), channel, purposes, before,
               summary_of(session, kind, value), "withdrawn (undo at the desk)", None)


def _grouped(rows: Iterable[ConsentRow]) -> dict[tuple[ContactKind, str, Channel],
                                                  list[ConsentRow]]:
    groups: dict[tuple[ContactKind, str, Channel], list[ConsentRow]] = {}
    for row in rows:
        groups.setdefault((row.kind, row.value, row.channel), []).append(row)
    return groups


def _detail(form: ConsentForm) -> str:
    parts = [form.how.label]
    if form.note:
        parts.append(form.note if len(form.note) <= 200 else form.note[:199] + "…")
    if form.evidence is not None:
        parts.append(f"file {form.evidence.name}")
    return "; ".join(parts)


def _audit(session: Session, actor: Actor, points: Sequence[ContactPoint], channel: Channel,
           purposes: Sequence[Purpose], before: ConsentSummary, after: ConsentSummary,
           detail: str, cause: Cause | None) -> None:
    """One history entry per customer and purpose (old and new: the derived states), and a
    new version for each customer, so their desks hear of it."""
    for point in points:
        for purpose in purposes:
            audit.record(session, actor, point.customer_id, "contact_point", point.id,
                         CONSENT_FIELD_OF[(channel, purpose)], before.state(channel, purpose),
                         after.state(channel, purpose), reason=detail, cause=cause)
        touch(point.customer)

