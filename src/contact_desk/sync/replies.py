"""Replies to the dealership's texts, from the texting provider's export: a CSV of from,
text and received_at (a mapping file renames the columns, as for the DMS).

Each reply is read by domain/replies. A STOP opts the number out of all texts and a START
back in to transactional ones, with the message as the evidence and the time it was
received as the record's time. The records are the number's (services/consent): every
customer who has it is opted out, and so is one added later with it, so a STOP from a
number no customer has is recorded all the same. HELP, and a START from such a number, are
only reported. A reply is keyed by its number, text and time: importing the same file
again records nothing twice.

A batch of rows is one transaction. A Cancel (``cancelled`` saying so between batches)
keeps the batches done, and the report says how many rows those were.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from itertools import islice
from pathlib import Path

from sqlalchemy.orm import Session

from contact_desk.domain.actor import Actor
from contact_desk.domain.consent import ConsentHow, describe
from contact_desk.domain.enums import Channel, ContactKind, Permission
from contact_desk.domain.errors import InvalidValue
from contact_desk.domain.history import Cause
from contact_desk.domain.incoming import IncomingKind
from contact_desk.domain.phone import PhoneNumber
from contact_desk.domain.replies import RECORDED, ReplyMeaning, read_reply
from contact_desk.services.consent import add_records, holders, summary_of
from contact_desk.services.forms import ConsentForm
from contact_desk.services.lookup import home_region
from contact_desk.services.matching import CustomerRef
from contact_desk.store.base import utc_now
from contact_desk.store.database import Database
from contact_desk.store.unit_of_work import retried_when_desks_collide
from contact_desk.sync.dms_csv import (
    CsvShape,
    DmsLayout,
    Record,
    data_records,
    read_mapping,
    read_shape,
    width_problem,
)
from contact_desk.sync.incoming import incoming_run
from contact_desk.sync.reply_report import Reply, ReplyImportReport, ReplyOutcome
from contact_desk.sync.report import BadRow

FROM, TEXT, RECEIVED_AT = "from", "text", "received_at"
FIELDS = (FROM, TEXT, RECEIVED_AT)
BATCH = 100
# A reply "received" later than now is a mistake in the file (a wrong year, an offset
# applied twice): kept, it would stay the number's newest record for years. The slack is
# for the provider's clock.
CLOCK_SLACK = timedelta(minutes=5)
Progress = Callable[[int, int], None]
_EXAMPLE_TIME = "2026-03-01T09:30:00-05:00"


@dataclass(frozen=True)
class ReplyRow:
    """One reply whose number, text and time are checked."""

    line: int
    phone: PhoneNumber
    text: str
    received_at: datetime

    @property
    def source_key(self) -> str:
        """What makes it the same reply when the file is imported again."""
        when = self.received_at.astimezone(timezone.utc).isoformat()
        said = "\0".join(("text reply", self.phone.e164, self.text, when))
        return hashlib.sha256(said.encode("utf-8")).hexdigest()


def import_replies(
    database: Database,
    actor: Actor,
    path: Path,
    mapping: Path | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ReplyImportReport:
    """Record the STOPs and STARTs of the provider's export, a batch per transaction.

    InvalidValue, before anything is written, when the file (or the mapping) cannot be read
    or its header lacks the from, text or received_at column; a row that cannot be used is
    reported in ``bad_rows`` with its line."""
    actor.require(Permission.RUN_SYNC)
    actor = actor.acting_for(Cause.IMPORTED)  # the history says why, with their name
    path = Path(path)
    with incoming_run(database, actor, IncomingKind.REPLY_IMPORT, path, mapping):
        return _import_file(database, actor, path, mapping, progress, cancelled)


def _import_file(database: Database, actor: Actor, path: Path, mapping: Path | None,
                 progress: Progress | None,
                 cancelled: Callable[[], bool] | None) -> ReplyImportReport:
    layout = (read_mapping(mapping, FIELDS, dated=False) if mapping
              else DmsLayout(columns={name: name for name in FIELDS}))
    shape = read_shape(path, layout, FROM)
    for name in (TEXT, RECEIVED_AT):
        if name not in shape.positions:
            raise InvalidValue(
                f"{path.name} has no {layout.columns[name]!r} column; a texting provider's "
                f"export needs {', '.join(repr(layout.columns[n]) for n in FIELDS)} (a "
                "mapping file can rename them). Nothing was imported.")
    with database.unit_of_work() as uow:
        home = home_region(uow.session)
    region, now = layout.region or home, utc_now()
    total = sum(1 for _ in _records(path, shape))
    replies: list[Reply] = []
    bad_rows: list[BadRow] = []
    done = 0
    records = _records(path, shape)
    while batch := list(islice(records, BATCH)):
        rows = []
        for record in batch:
            checked = _checked(record, shape, region, now)
            (bad_rows if isinstance(checked, BadRow) else rows).append(checked)
        replies += _import_batch(database, actor, rows, home)
        done += len(batch)
        if progress is not None:
            progress(done, total)
        if cancelled is not None and done < total and cancelled():
            break
    return ReplyImportReport(file_name=path.name, rows_read=done, rows_in_file=total,
                             replies=tuple(replies), bad_rows=tuple(bad_rows))


def _records(path: Path, shape: CsvShape) -> Iterator[Record]:
    return data_records(path, shape.decoding, shape.delimiter)


@retried_when_desks_collide
def _import_batch(database: Database, actor: Actor, rows: list[ReplyRow],
                  home: str) -> list[Reply]:
    with database.unit_of_work() as uow:
        replies = [_import_reply(uow.session, actor, row, home) for row in rows]
        uow.commit()
    return replies


def _import_reply(session: Session, actor: Actor, row: ReplyRow, home: str) -> Reply:
    reading = read_reply(row.text)
    number = row.phone.e164
    points = holders(session, ContactKind.PHONE, number)
    customers = {point.customer_id: point.customer for point in points}
    reply = Reply(line=row.line, number=number, shown=row.phone.display(home),
                  text=row.text, meaning=reading.meaning, keyword=reading.keyword,
                  outcome=_OUTCOME[reading.meaning], worth_reading=reading.worth_reading,
                  customers=tuple(CustomerRef.of(c) for c in customers.values()),
                  customer_ids=tuple(customers))
    recorded = RECORDED.get(reading.meaning)
    if not points and reading.meaning is not ReplyMeaning.NOT_A_KEYWORD:
        reply = reply.but(outcome=ReplyOutcome.NO_CUSTOMER)
    # A STOP is the number's even when no customer has it yet; a START is recorded only
    # for a number on file (there is nobody it could be meant to let texts reach).
    if recorded is None or not (points or reading.meaning is ReplyMeaning.OPT_OUT):
        return reply
    state, purposes = recorded
    form = ConsentForm(channel=Channel.TEXT, purposes=purposes, state=state,
                       how=ConsentHow.TEXT_REPLY, note=row.text)
    if not add_records(session, actor, ContactKind.PHONE, number, form, on=points,
                       source_key=row.source_key, at=row.received_at):
        return reply.but(outcome=ReplyOutcome.ALREADY_IMPORTED)
    summary = summary_of(session, ContactKind.PHONE, number)
    # A newer record (the desk's, a later reply) or the dealership's "do not contact"
    # stands over this one: the report says which, as the card would.
    standing = next((purpose for purpose in purposes
                     if summary.state(Channel.TEXT, purpose) is not state), None)
    if standing is None:
        return reply.but(recorded=True)
    record = summary.record(Channel.TEXT, standing)
    return reply.but(recorded=True, still=f"{standing.label.lower()} texts stay "
                                          f"{describe(record) if record else 'not asked'}")


_OUTCOME = {ReplyMeaning.OPT_OUT: ReplyOutcome.OPTED_OUT,
            ReplyMeaning.OPT_IN: ReplyOutcome.OPTED_IN,
            ReplyMeaning.HELP: ReplyOutcome.HELP,
            ReplyMeaning.NOT_A_KEYWORD: ReplyOutcome.NOT_A_KEYWORD}


def _checked(record: Record, shape: CsvShape, region: str,
             now: datetime) -> ReplyRow | BadRow:
    """A record of the file checked: the reply to import, or why it is bad (and, for a
    STOP, that it is one, so a person does not miss it)."""
    line, cells, problem = record
    if cells is None:
        return BadRow(line, "", problem)
    raw = {name: cells[at] if at < len(cells) else "" for name, at in shape.positions.items()}
    number, text = " ".join(raw[FROM].split()), raw[TEXT].strip()
    problem = problem or width_problem(cells, shape.width)
    try:
        if problem:
            raise InvalidValue(problem)
        return ReplyRow(line, _phone(number, region), _text(text),
                        _received_at(raw[RECEIVED_AT].strip(), now))
    except InvalidValue as error:
        reason = f"{error.field}: {error.message}" if error.field else error.message
        if read_reply(text).meaning is ReplyMeaning.OPT_OUT:
            reason = reason.rstrip(".") + ("; the text is an opt-out, so fix the row and import the file again "
                       "(or record it at the desk)")
        return BadRow(line, number[:40], reason)


def _phone(text: str, region: str) -> PhoneNumber:
    if not text:
        raise InvalidValue("the number the reply came from is missing", field=FROM)
    try:
        phone = PhoneNumber.parse(text, region)
    except InvalidValue as error:
        raise InvalidValue(error.message, field=FROM) from None
    if phone.extension:
        raise InvalidValue(f"{text!r} has an extension, and no text comes from one",
                           field=FROM)
    return phone


def _text(text: str) -> str:
    if not text:
        raise InvalidValue("the reply's message is missing", field=TEXT)
    return text


def _received_at(text: str, now: datetime) -> datetime:
    if not text:
        raise InvalidValue(f"missing: give when the reply came, e.g. {_EXAMPLE_TIME}",
                           field=RECEIVED_AT)
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        raise InvalidValue(f"{text!r} is not an ISO-8601 time such as {_EXAMPLE_TIME}",
                           field=RECEIVED_AT) from None
    if when.tzinfo is None:
        raise InvalidValue(
            f"{text!r} has no UTC offset, so when the reply came is not known; the export "
            f"must give one, e.g. {_EXAMPLE_TIME}", field=RECEIVED_AT)
    if when > now + CLOCK_SLACK:
        raise InvalidValue(f"{text!r} is later than now; check the export's dates",
                           field=RECEIVED_AT)
    return when
