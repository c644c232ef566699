"""vCards in and out: import what address books really export, export 4.0 that comes back home.

Each card goes to the customer services.matching finds (its DMS customer number or its UID,
with a name that confirms it, or a phone or email with a name that agrees), or becomes a
new one, recorded as a possible duplicate of each customer it came near. A card never gives
a customer number: that is the DMS's key, so a number the desk does not know is only named
in the report. Its values become dealer-added, keeping the card's TYPE words and opt-outs;
on a new customer its preferred phone and email become primary. A card that cannot be read,
or holds a value that is not a phone or email, is skipped whole and reported; so is a part
too big to read (vcard_file).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from contact_desk.domain.actor import Actor
from contact_desk.domain.consent import ConsentHow, ConsentState
from contact_desk.domain.customer import check_customer_names
from contact_desk.domain.duplicates import DuplicateSource
from contact_desk.domain.enums import ContactKind, ContactPointType, Permission
from contact_desk.domain.errors import DomainError, InvalidValue
from contact_desk.domain.history import Cause
from contact_desk.domain.incoming import IncomingKind
from contact_desk.services.consent import add_records, summaries
from contact_desk.services.contact_points import settle_primary
from contact_desk.services.customers import new_customer
from contact_desk.services.duplicate_scan import check_arrival
from contact_desk.services.duplicates import (
    PossibleDuplicateView,
    record_possible_duplicates,
)
from contact_desk.services.files import check_output
from contact_desk.services.forms import ConsentForm
from contact_desk.services.lookup import home_region
from contact_desk.services.matching import (
    Arrival,
    CustomerRef,
    customer_of_uid,
    exported_uids,
    find_customer_for,
)
from contact_desk.store.customer import Customer
from contact_desk.store.database import Database
from contact_desk.sync.contact_values import add_missing_values, stored_keys
from contact_desk.sync.incoming import incoming_run
from contact_desk.sync.report import BadRow, CardOutcome, VcardImportReport
from contact_desk.sync.vcard_card import OPT_OUT_WORDS, Card, card_of, read_card
from contact_desk.sync.vcard_file import MAX_CARD, CardFile, CardText

Progress = Callable[[int, int], None]
BATCH = 100
_DEALER_ADDED = {ContactKind.PHONE: ContactPointType.DEALER_PHONE,
                 ContactKind.EMAIL: ContactPointType.DEALER_EMAIL}


@dataclass
class _Tally:
    """What the cards of a batch (or of the file) did; a batch's counts only once it is saved."""

    created: int = 0
    matched: int = 0
    added: int = 0
    bad: list[BadRow] = field(default_factory=list)
    cards: list[CardOutcome] = field(default_factory=list)
    duplicates: list[PossibleDuplicateView] = field(default_factory=list)
    left_out: list[BadRow] = field(default_factory=list)

    def take(self, batch: _Tally) -> None:
        self.created, self.matched = self.created + batch.created, self.matched + batch.matched
        self.added += batch.added
        for mine, theirs in ((self.bad, batch.bad), (self.cards, batch.cards),
                             (self.duplicates, batch.duplicates),
                             (self.left_out, batch.left_out)):
            mine.extend(theirs)


def import_vcards(
    database: Database, actor: Actor, path: Path, progress: Progress | None = None
) -> VcardImportReport:
    """Import every card of a .vcf file, a batch of cards per transaction."""
    actor.require(Permission.RUN_SYNC)
    actor = actor.acting_for(Cause.IMPORTED)  # the history says why, with their name
    path = Path(path)
    with incoming_run(database, actor, IncomingKind.VCARD_IMPORT, path):
        return _import_file(database, actor, path, progress)


def _import_file(database: Database, actor: Actor, path: Path,
                 progress: Progress | None) -> VcardImportReport:
    cards = CardFile(path)
    total = cards.count()
    region = _region(database)
    tally = _Tally()
    texts = iter(cards)
    done = 0
    while batch := list(islice(texts, BATCH)):
        batch_tally = _Tally()
        with database.unit_of_work() as uow:
            for text in batch:
                _import_text(uow.session, actor, text, region, path.name, batch_tally)
            done += len(batch)
            if progress is not None:
                progress(done, total)
            uow.commit()
        tally.take(batch_tally)
    return VcardImportReport(cards_read=done, customers_created=tally.created,
                             customers_matched=tally.matched, values_added=tally.added,
                             bad_cards=tuple(tally.bad), cards=tuple(tally.cards),
                             possible_duplicates=tuple(tally.duplicates),
                             left_out=tuple(tally.left_out))


def _region(database: Database) -> str:
    with database.unit_of_work() as uow:
        return home_region(uow.session)


def _import_text(session: Session, actor: Actor, text: CardText, region: str, file_name: str,
                 tally: _Tally) -> None:
    owner = "a card"
    try:
        if text.too_big:
            raise InvalidValue(
                f"its names, phones and emails come to {text.too_big / 1e6:.1f} MB, more "
                f"than the {MAX_CARD / 1e6:.0f} MB a card may have; it was not read.")
        card = read_card(text.line, text.text, region)
        owner = card.shown
        _import_card(session, actor, card, file_name, tally)
    except InvalidValue as error:
        tally.bad.append(BadRow(text.line, "", error.message))
    tally.left_out.extend(BadRow(part.line, "", part.reason(owner)) for part in text.left_out)


def _import_card(session: Session, actor: Actor, card: Card, file_name: str,
                 tally: _Tally) -> None:
    """Everything that can refuse the card is asked before the first write."""
    checked = [value.checked for value in card.values]
    found = find_customer_for(session, Arrival(card.names, stored_keys(checked),
                                               card.customer_number, card.uid,
                                               card.birth_date))
    customer = found.customer
    if customer is None:
        names = check_customer_names(card.names.first_name, card.names.last_name,
                                     card.names.company)
        # A UID already naming someone else stays theirs: this customer gets the desk's own.
        uid = card.uid if card.uid and customer_of_uid(session, card.uid) is None else None
        customer = new_customer(session, actor, first_name=names[0], last_name=names[1],
                                company=names[2], birth_date=card.birth_date, card_uid=uid)
        tally.created += 1
    else:
        tally.matched += 1
    added = add_missing_values(session, actor, customer, _DEALER_ADDED, checked)
    said = {value.checked.key + (value.checked.kind,): value for value in card.values}
    for value, point in added:
        card_value = said[value.key + (value.kind,)]
        point.card_types = card_value.card_types
        for word in card_value.opt_outs:
            channel, purposes = OPT_OUT_WORDS[point.kind][word]
            add_records(session, actor, point.kind, point.value, ConsentForm(
                channel=channel, purposes=purposes, state=ConsentState.OPTED_OUT,
                how=ConsentHow.IMPORTED, note=f"{file_name}: opted out of {word}"))
    for kind in ContactKind:
        settle_primary(session, actor, customer, kind)
    tally.added += len(added)
    number = card.customer_number
    tally.cards.append(CardOutcome(card.line, CustomerRef.of(customer, found.customer is None),
                                   found.basis, len(added), found.kept_apart,
                                   number if number != customer.customer_number else None))
    tally.duplicates.extend(record_possible_duplicates(session, customer, found.near,
                                                       DuplicateSource.VCARD, file_name))
    if found.customer is None:  # one on file that gained values waits for the scan
        tally.duplicates.extend(check_arrival(session, customer.id, DuplicateSource.VCARD))


def export_vcards(
    database: Database,
    actor: Actor,
    path: Path,
    customer_ids: Sequence[int] | None = None,
    progress: Progress | None = None,
) -> int:
    """Write the customers (all of them when ``customer_ids`` is None) as vCard 4.0 (see
    vcard_card.card_of); the count. The file appears whole or not at all."""
    actor.require(Permission.EXPORT_CUSTOMERS)
    output = check_output(database, Path(path))
    written = 0
    with database.unit_of_work() as uow, output.open() as out:
        session = uow.session
        ids = list(customer_ids) if customer_ids is not None else list(
            session.scalars(select(Customer.id).order_by(Customer.id)))
        for start in range(0, len(ids), BATCH):
            chunk = ids[start:start + BATCH]
            customers = {c.id: c for c in session.scalars(
                select(Customer).where(Customer.id.in_(chunk))
                .options(selectinload(Customer.contact_points)))}
            uids = exported_uids(session, chunk)
            consent = summaries(session, ((p.kind, p.value) for c in customers.values()
                                          for p in c.contact_points))
            for customer_id in chunk:
                if customer_id not in customers:
                    raise DomainError(f"There is no customer #{customer_id} to export.")
                out.write(card_of(customers[customer_id], uids.get(customer_id),
                                  consent).serialize())
                written += 1
            session.expunge_all()
            if progress is not None:
                progress(written, len(ids))
    return written
