"""The DMS sync: read the export, apply it a batch at a time, report what happened.

Each batch is one transaction. A crash, a kill or a Cancel (``progress`` raising) leaves
the database as it was before that batch; earlier batches stay, and running the same file
again completes the job, since rows already applied change nothing.

No row can fail its batch. A row a rule refuses is left out and the batch run again without
it; a row the database itself refuses (a constraint or a width the checks did not foresee)
is found by trying each row of the batch alone, and is reported the same way.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from dataclasses import replace
from datetime import date
from itertools import islice
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from contact_desk.domain.actor import Actor
from contact_desk.domain.enums import Permission
from contact_desk.domain.errors import ConflictError, InvalidValue, NotAllowed
from contact_desk.domain.history import Cause
from contact_desk.domain.incoming import IncomingKind
from contact_desk.services.customers import home_region_of
from contact_desk.store.customer import Customer
from contact_desk.store.database import Database
from contact_desk.store.loading import loading
from contact_desk.store.merges import survivors
from contact_desk.store.refusals import known_refusal
from contact_desk.store.unit_of_work import retried_when_desks_collide
from contact_desk.store.users import Setting
from contact_desk.sync.collector import fewer_collections
from contact_desk.sync.dms_csv import (
    DmsExport,
    DmsLayout,
    DmsRow,
    delimiter_of,
    read_mapping,
)
from contact_desk.sync.incoming import incoming_run
from contact_desk.sync.new_customers import create_customers
from contact_desk.sync.parallel_rows import checked_rows
from contact_desk.sync.reconcile import RowOutcome, RowRefused, reconcile
from contact_desk.sync.report import BadRow, SyncReport

log = logging.getLogger(__name__)

BATCH = 1000  # rows per transaction: each commit rewrites the index pages it touched
# A file this long into a desk with no customers is a first load: the search indexes are
# built once at its end (store/loading.py). Under it, building them costs more than it saves.
FIRST_LOAD = 3_000
Progress = Callable[[int, int], None]
# What makes one row fail while the others of its batch are fine.
_ROW_ERRORS = (InvalidValue, NotAllowed, ConflictError)
# What the database says when it refuses a row: a constraint, or a value it cannot keep.
# Not a lost connection or a full disk: those stop the sync.
_REFUSED_BY_DATABASE = (IntegrityError, DataError)
_CHANGED_MEANWHILE = ("another desk changed this customer at the same moment; the row was "
                      "left as it was: run the sync again")


def sync_dms(
    database: Database,
    actor: Actor,
    path: Path,
    mapping: Path | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
    delimiter: str | None = None,
    batch_size: int = BATCH,
    workers: int | None = None,
) -> SyncReport:
    """Bring the desk up to date with a DMS export; ``dry_run`` counts without keeping.

    Raises InvalidValue when the file (or the mapping) cannot be read or has no usable
    header; a row that cannot be used is skipped and reported in ``bad_rows``. A big file's
    rows are checked by ``workers`` other processes (default: one per core; 0: none).
    A big first load builds the search indexes once, after its last batch.
    """
    actor.require(Permission.RUN_SYNC)
    actor = actor.acting_for(Cause.DMS_CHANGED)  # the history says why, with their name
    with incoming_run(database, actor, IncomingKind.DMS_SYNC, Path(path), mapping,
                      writes=not dry_run):
        return _sync(database, actor, Path(path), mapping, dry_run, progress, delimiter,
                     batch_size, workers)


def _sync(database: Database, actor: Actor, path: Path, mapping: Path | None, dry_run: bool,
          progress: Progress | None, delimiter: str | None, batch_size: int,
          workers: int | None) -> SyncReport:
    layout = read_mapping(mapping) if mapping else DmsLayout()
    if delimiter is not None:  # an empty one is a mistake, not a request for the default
        layout = replace(layout, delimiter=delimiter_of(delimiter))
    home = home_region_of(database.unit_of_work())
    export = DmsExport.open(path, layout, layout.region or home, home)
    today = date.today()
    totals: Counter[str] = Counter()
    bad_rows: list[BadRow] = []
    done = 0
    # Asked with the incoming lock held: two syncs racing into an empty desk cannot both
    # take it for a first load.
    first_load = not dry_run and export.total >= FIRST_LOAD and _no_customers(database)
    with fewer_collections(), loading(database, first_load) as store, \
            closing(checked_rows(export, workers)) as checked:
        for batch in _batches(checked, batch_size):
            done += len(batch)
            counts, skipped = _apply_batch(
                store, actor, batch, today, dry_run,
                lambda: progress(done, export.total) if progress else None)
            totals += counts
            bad_rows += skipped
    return SyncReport(
        rows_read=export.total,
        customers_created=totals["created"],
        customers_updated=totals["updated"],
        unchanged=totals["unchanged"],
        values_added=totals["values_added"],
        values_deactivated=totals["values_deactivated"],
        vehicles_added=totals["vehicles_added"],
        bad_rows=tuple(bad_rows),
        dry_run=dry_run,
    )


def _apply_batch(
    database: Database,
    actor: Actor,
    batch: list[DmsRow | BadRow],
    today: date,
    dry_run: bool,
    batch_done: Callable[[], None],
) -> tuple[Counter[str], list[BadRow]]:
    """One batch applied whatever its rows: a row a rule or the database refuses is left out
    and reported, and the others are kept. The bad rows come back in file order."""
    rows = [item for item in batch if isinstance(item, DmsRow)]
    skipped = [item for item in batch if isinstance(item, BadRow)]
    tried_alone = False
    while True:
        try:
            counts = _apply(database, actor, rows, today, dry_run, batch_done)
            break
        except RowRefused as failed:  # the batch rolled back: again, without that row
            rows.remove(failed.row)
            skipped.append(BadRow(failed.row.line, failed.row.customer_number, failed.reason))
        except _REFUSED_BY_DATABASE:
            if tried_alone:  # no row is refused alone: the batch's fault, not a row's
                raise
            log.warning("The database refused a batch; trying its rows alone", exc_info=True)
            refused = _refused_alone(database, actor, rows, today)
            rows = [row for row in rows if row.line not in refused]
            skipped += refused.values()
            tried_alone = True
    skipped += [BadRow(row.line, row.customer_number, reason, rest_synced=True)
                for row in rows for reason in row.left_out]
    return counts, sorted(skipped, key=lambda bad: bad.line)


@retried_when_desks_collide
def _apply(
    database: Database,
    actor: Actor,
    rows: list[DmsRow],
    today: date,
    dry_run: bool,
    batch_done: Callable[[], None],
) -> Counter[str]:
    """One batch in one transaction; ``batch_done`` raising rolls all of it back."""
    counts: Counter[str] = Counter()
    with database.unit_of_work() as uow:
        session = uow.session
        # Held for the batch, so reading the home region for each value needs no query.
        settings = session.scalars(select(Setting)).all()  # noqa: F841
        known = customers_of(session, [row.customer_number for row in rows])
        outcomes = create_customers(
            session, actor, [row for row in rows if row.customer_number not in known], today)
        for row in rows:
            if row.customer_number in known:
                outcomes.append(_reconciled(session, actor, *known[row.customer_number], row,
                                            today))
        for outcome in outcomes:
            if outcome.created:
                counts["created"] += 1
            else:
                counts["updated" if outcome.changed else "unchanged"] += 1
            counts["values_added"] += outcome.values_added
            counts["values_deactivated"] += outcome.values_deactivated
            counts["vehicles_added"] += outcome.vehicles_added
        batch_done()
        if not dry_run:
            uow.commit()
    return counts


def customers_of(session: Session,
                 numbers: list[str]) -> dict[str, tuple[Customer, str | None]]:
    """The customer each DMS number is on file as, with its phones and emails: a number
    of a customer merged into another is the survivor's, with the number as an alias
    (None: the customer's own number). A number not there is not in the answer."""
    if not numbers:
        return {}
    on_file = session.scalars(select(Customer).where(Customer.customer_number.in_(numbers))
                              .options(selectinload(Customer.contact_points))).all()
    now = survivors(session, [customer.id for customer in on_file])
    elsewhere = sorted({survivor for asked, survivor in now.items() if survivor != asked})
    loaded = {customer.id: customer for customer in on_file}
    if elsewhere:
        loaded |= {customer.id: customer for customer in session.scalars(
            select(Customer).where(Customer.id.in_(elsewhere))
            .options(selectinload(Customer.contact_points)))}
    found = {}
    for customer in on_file:
        survivor = loaded[now[customer.id]]
        number = customer.customer_number or ""
        found[number] = (survivor, None if survivor is customer else number)
    return found


def _reconciled(session: Session, actor: Actor, customer: Customer, alias: str | None,
                row: DmsRow, today: date) -> RowOutcome:
    try:
        outcome = reconcile(session, actor, customer, row, today, alias)
        session.flush()  # so that a refusal is this row's, not a later one's
    except _ROW_ERRORS as error:
        raise RowRefused(row, error.message) from error
    except StaleDataError as error:
        raise RowRefused(row, _CHANGED_MEANWHILE) from error
    return outcome


def _refused_alone(database: Database, actor: Actor, rows: list[DmsRow],
                   today: date) -> dict[int, BadRow]:
    """The rows of a batch the database refused, each tried alone and rolled back, by line.

    The rare way, taken only after a refusal: a query or two and a transaction a row.
    """
    refused = {}
    for row in rows:
        with database.unit_of_work() as uow:
            session = uow.session
            known = customers_of(session, [row.customer_number]).get(row.customer_number)
            try:
                if known is None:
                    create_customers(session, actor, [row], today)
                    session.flush()
                else:
                    _reconciled(session, actor, *known, row, today)
            except RowRefused:
                continue  # the rules' refusals are found on the batch's own way
            except _REFUSED_BY_DATABASE as error:
                refused[row.line] = BadRow(row.line, row.customer_number, _refusal(error))
    return refused


def _refusal(error: IntegrityError | DataError) -> str:
    """A constraint the desk knows in its own words; else the database's own first line
    (it names the constraint or the width), and the traceback in the log."""
    known = known_refusal(error) if isinstance(error, IntegrityError) else None
    if known is not None:
        return known.message
    log.error("The database refused a row for a reason the desk does not know",
              exc_info=error)
    said = str(error.orig).strip().splitlines() or ["it gave no reason"]
    return f"the database refused the row ({said[0]}); the row was left as it was"


def _no_customers(database: Database) -> bool:
    with database.unit_of_work() as uow:
        return uow.session.scalar(select(Customer.id).limit(1)) is None


def _batches(items: Iterable[DmsRow | BadRow], size: int) -> Iterator[list[DmsRow | BadRow]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch
