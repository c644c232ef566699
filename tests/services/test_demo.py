"""Demo data: written through the desk's rules, covering every feature, the same per seed."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from contact_desk.domain.consent import ConsentState, Purpose
from contact_desk.domain.enums import (
    AttemptOutcome,
    Channel,
    ContactKind,
    ContactPointType,
    ContactRole,
    ContactStatus,
    DealStage,
    Permission,
    ProgramState,
)
from contact_desk.domain.errors import NotAllowed
from contact_desk.domain.history import Entity, Field
from contact_desk.domain.interaction_summary import summarize
from contact_desk.domain.phone import PhoneNumber
from contact_desk.domain.vin import vin_check_digit
from contact_desk.services.card import contact_card
from contact_desk.services.consent import summaries
from contact_desk.services.customers import get_customer
from contact_desk.services.demo import (
    CHOSEN_PRIMARY,
    EVERY_PROGRAM_STATE,
    FULL_CARD,
    MOVED_PRIMARY,
    NO_ACTIVE_EMAIL,
    NO_ACTIVE_PHONE,
    DemoSummary,
    fill_demo_data,
)
from contact_desk.services.program_views import program_views
from contact_desk.services.summary import interaction_facts
from contact_desk.store.activity import (
    AuditEvent,
    ContactAttempt,
    InteractionSummary,
    Note,
    WebActivity,
)
from contact_desk.store.consent import ConsentRow
from contact_desk.store.customer import ContactPoint, Customer
from contact_desk.store.database import Database, open_database
from contact_desk.store.people import AccountContact, ContactPerson
from contact_desk.store.program import Invoice, Program
from contact_desk.store.sales import Deal, Vehicle
from contact_desk.store.users import Assignment, User
from tests.conftest import first_manager

CUSTOMERS = 60


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, DemoSummary]]:
    db = open_database(str(tmp_path_factory.mktemp("demo") / "demo.sqlite3"), create=True)
    try:
        yield db, fill_demo_data(db, first_manager(db), customers=CUSTOMERS)
    finally:
        db.dispose()


@pytest.fixture
def db(filled: tuple[Database, DemoSummary]) -> Database:
    return filled[0]


@pytest.fixture
def summary(filled: tuple[Database, DemoSummary]) -> DemoSummary:
    return filled[1]


def _all(db: Database, statement):
    with db.sessions() as session:
        return session.execute(statement).all()


def _values(db: Database, column) -> set:
    with db.sessions() as session:
        return set(session.scalars(select(column).distinct()))


def test_it_makes_the_customers_asked_for_with_unique_numbers(db, summary):
    numbers = [row[0] for row in _all(db, select(Customer.customer_number))]
    assert summary.customers == len(numbers) == CUSTOMERS
    assert len(set(numbers)) == CUSTOMERS
    assert all(n and n.startswith("C") and n[1:].isdigit() for n in numbers)
    assert "C100001" in numbers


def test_every_customer_has_at_most_one_primary_which_is_active_and_one_whenever_any_is_active(db):
    points: dict[tuple[int, ContactKind], list[ContactPoint]] = defaultdict(list)
    with db.sessions() as session:
        for point in session.scalars(select(ContactPoint)):
            points[(point.customer_id, point.kind)].append(point)
    assert points
    for (customer_id, kind), group in points.items():
        primaries = [p for p in group if p.is_primary]
        any_active = any(p.status is ContactStatus.ACTIVE for p in group)
        assert len(primaries) == (1 if any_active else 0), (customer_id, kind)
        assert all(p.status is ContactStatus.ACTIVE for p in primaries)


def test_every_customer_has_at_most_one_primary_contact(db):
    rows = _all(
        db,
        select(AccountContact.customer_id, func.count())
        .where(AccountContact.primary_contact)
        .group_by(AccountContact.customer_id),
    )
    assert rows, "some customer has a primary contact"
    assert all(count == 1 for _, count in rows)


def test_a_persons_email_belongs_to_that_person_alone(db):
    emails = [row[0] for row in _all(db, select(ContactPerson.email)) if row[0]]
    assert emails
    assert len(emails) == len(set(emails))


def test_every_type_status_role_and_program_state_appears(db):
    assert _values(db, ContactPoint.type) == set(ContactPointType)
    assert _values(db, ContactPoint.status) == set(ContactStatus)
    assert _values(db, AccountContact.role) == set(ContactRole)
    assert _values(db, Program.state) == set(ProgramState)
    assert _values(db, ContactAttempt.channel) == set(Channel)
    assert _values(db, ContactAttempt.outcome) == set(AttemptOutcome)
    assert _values(db, ConsentRow.state) == {ConsentState.OPTED_IN, ConsentState.OPTED_OUT}
    assert _values(db, ConsentRow.channel) == set(Channel)
    assert len(_values(db, Deal.stage)) >= 4


def test_inactive_and_invalid_values_changed_status_in_the_past(db):
    today = date.today()
    rows = _all(db, select(ContactPoint.status, ContactPoint.status_date))
    assert all(status_date < today for _, status_date in rows)


def test_consent_and_opt_outs_are_recorded(db):
    with db.sessions() as session:
        phones = session.scalars(select(ContactPoint).where(ContactPoint.kind == ContactKind.PHONE))
        phones = phones.all()
        emails = session.scalars(select(ContactPoint).where(ContactPoint.kind == ContactKind.EMAIL))
        emails = emails.all()
        consent = summaries(session, ((p.kind, p.value) for p in (*phones, *emails)))
    stated = [consent[(p.kind, p.value)] for p in phones]
    assert any(s.opted_out(Channel.CALL, Purpose.TRANSACTIONAL) for s in stated)
    assert any(s.opted_out(Channel.TEXT, Purpose.TRANSACTIONAL) for s in stated)
    assert any(s.state(Channel.TEXT, Purpose.MARKETING) is ConsentState.OPTED_IN
               for s in stated)
    assert any(consent[(e.kind, e.value)].opted_out(Channel.EMAIL, Purpose.MARKETING)
               for e in emails)


def test_stored_phones_are_valid_e164_with_some_foreign_numbers_and_extensions(db):
    with db.sessions() as session:
        phones = session.scalars(
            select(ContactPoint).where(ContactPoint.kind == ContactKind.PHONE)
        ).all()
    regions = set()
    for phone in phones:
        parsed = PhoneNumber.parse(phone.value)
        assert parsed.e164 == phone.value
        regions.add(parsed.region)
    assert "US" in regions and regions - {"US"}, regions
    assert any(p.extension for p in phones if p.type is ContactPointType.DMS_WORK)
    assert all(not p.can_receive_texts for p in phones if p.value.startswith("+4420"))


def test_examples_open_and_show_what_they_are_named_for(db, summary):
    assert summary.example_numbers
    for number in summary.example_numbers:
        assert get_customer(db.unit_of_work(), number).customer_number == number
    examples = dict(summary.examples)

    chosen = get_customer(db.unit_of_work(), examples[CHOSEN_PRIMARY])
    cell = next(p for p in chosen.phones if p.type is ContactPointType.DMS_CELL)
    assert cell.status is ContactStatus.ACTIVE and not cell.is_primary
    assert chosen.primary(ContactKind.PHONE) is not None

    moved = get_customer(db.unit_of_work(), examples[MOVED_PRIMARY])
    assert any("moved to" in warning for warning in moved.warnings)

    no_phone = get_customer(db.unit_of_work(), examples[NO_ACTIVE_PHONE])
    assert no_phone.phones and no_phone.primary(ContactKind.PHONE) is None
    assert any("will not receive texts" in warning for warning in no_phone.warnings)

    no_email = get_customer(db.unit_of_work(), examples[NO_ACTIVE_EMAIL])
    assert any("will not receive emails" in warning for warning in no_email.warnings)


def test_additional_contacts_follow_the_portal_and_role_rules(db):
    with db.sessions() as session:
        links = session.scalars(select(AccountContact)).all()
        people = session.scalars(select(ContactPerson)).all()
        assert all(link.role_description for link in links if link.role is ContactRole.OTHER)
        assert all(person.email for person in people if person.portal_access)
        invited = [person for person in people if person.invite_sent_at]
        assert invited and all(p.portal_access and p.invite_sent_by_id for p in invited)
        assert any(len(person.links) >= 2 for person in people), "a person on two accounts"
        assert len({frozenset(link.preferences) for link in links}) > 3


def test_vins_are_valid_and_some_customers_own_more_than_three_vehicles(db):
    with db.sessions() as session:
        vehicles = session.scalars(select(Vehicle)).all()
    assert vehicles
    for vehicle in vehicles:
        assert len(vehicle.vin) == 17 and not set(vehicle.vin) & set("IOQ")
        assert vehicle.vin[8] == vin_check_digit(vehicle.vin)
        assert vehicle.vin_reversed == vehicle.vin[::-1]
    owned = defaultdict(int)
    for vehicle in vehicles:
        owned[vehicle.customer_id] += vehicle.owned
    assert max(owned.values()) > 3


def test_deals_have_vehicles_and_leads_keep_their_source(db):
    with db.sessions() as session:
        deals = session.scalars(select(Deal)).all()
    locked = [deal for deal in deals if deal.source_locked]
    assert locked and all(deal.source for deal in locked)
    assert any(deal.source == "Cars.com" for deal in locked)
    assert any(not deal.source_locked for deal in deals)
    assert all(deal.interested_vehicle_id for deal in deals)
    assert any(deal.trade_in_vehicle_id for deal in deals)
    assert {d.stage for d in deals} & {DealStage.NEW, DealStage.CONTACTED, DealStage.APPOINTMENT}


def test_programs_have_billed_invoices_and_customers_carry_account_figures(db):
    with db.sessions() as session:
        invoices = session.scalars(select(Invoice)).all()
        assert invoices and all(i.bill_to_name and i.bill_to_address for i in invoices)
        figures = session.scalars(
            select(Customer).where(Customer.regular_amount.is_not(None))
        ).all()
        assert figures
        assert all(
            c.current_due_date and c.payment_frequency and c.current_amount_due is not None
            for c in figures
        )
        assert session.scalar(select(func.count()).where(Customer.company != "")) > 0
        assert session.scalar(select(func.count()).where(Customer.birth_date.is_not(None))) > 0
        assert session.scalar(select(func.count()).where(Customer.address_line1 != "")) == CUSTOMERS


def test_staff_exist_with_their_permissions_and_are_assigned(db):
    with db.sessions() as session:
        users = {u.login: u for u in session.scalars(select(User))}
        assert users["manager"].permissions == frozenset(Permission)
        assert users["clerk"].permissions == frozenset({Permission.EDIT_CUSTOMERS})
        assert not users["command-line"].active and not users["command-line"].permissions
        assert session.scalar(select(func.count()).select_from(Assignment)) > 0


def test_notes_and_web_activity_for_some_customers_not_all(db):
    with db.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Note)) > 0
        visited = session.scalar(select(func.count(func.distinct(WebActivity.customer_id))))
    assert 0 < visited < CUSTOMERS


def test_one_customer_fills_every_section_of_the_contact_card(db, summary):
    examples = dict(summary.examples)
    with db.sessions() as session:
        number = examples[FULL_CARD]
        customer_id = session.scalars(
            select(Customer.id).where(Customer.customer_number == number)).one()
    card = contact_card(db.unit_of_work(), customer_id)
    assert card.birth_date is not None
    assert all(rate.attempts for rate in card.best.rates), "attempts on every channel"
    assert card.open_deal and card.open_deal.source_locked and card.open_deal.why_source_locked
    assert card.open_deal.interested_vehicle
    assert len(card.garage) > 3, "more than the three the section shows before View all"
    assert all(a.user_name for a in card.assignments)
    assert card.note_count >= 3
    assert card.insight is not None and card.insight.total_browsing.total_seconds() > 0
    assert card.summary is not None and "contact attempts" in card.summary.text


def test_summaries_are_written_for_some_customers_from_their_own_facts(db, summary):
    with db.sessions() as session:
        stored = session.scalars(select(InteractionSummary)).all()
        assert 0 < len(stored) == summary.summaries < CUSTOMERS
        for row in stored[:10]:
            assert row.text == summarize(interaction_facts(session, row.customer_id))


def test_contact_changes_in_the_trail_are_dated_with_the_status_they_set(db):
    with db.sessions() as session:
        rows = session.execute(
            select(AuditEvent.at, ContactPoint.status_date)
            .join(ContactPoint, ContactPoint.id == AuditEvent.entity_id)
            .where(AuditEvent.entity == Entity.CONTACT_POINT, AuditEvent.field == Field.STATUS)
        ).all()
    assert rows
    assert all(at.date() == status_date for at, status_date in rows)


def test_summary_counts_what_was_written(db, summary):
    with db.sessions() as session:
        def count(model) -> int:
            return session.scalar(select(func.count()).select_from(model))

        assert summary.contact_points == count(ContactPoint)
        assert summary.contacts == count(AccountContact)
        assert summary.people == count(ContactPerson)
        assert summary.programs == count(Program)
        assert summary.invoices == count(Invoice)
        assert summary.vehicles == count(Vehicle)
        assert summary.deals == count(Deal)
        assert summary.contact_attempts == count(ContactAttempt)


def _fingerprint(db: Database) -> list[tuple]:
    with db.sessions() as session:
        customers = session.execute(
            select(Customer.id, Customer.customer_number, Customer.first_name, Customer.last_name,
                   Customer.company).order_by(Customer.id)
        ).all()
        phones = session.execute(
            select(ContactPoint.customer_id, ContactPoint.value, ContactPoint.extension,
                   ContactPoint.is_primary, ContactPoint.status)
            .where(ContactPoint.kind == ContactKind.PHONE)
            .order_by(ContactPoint.id)
        ).all()
        vins = session.scalars(select(Vehicle.vin).order_by(Vehicle.id)).all()
    return [tuple(row) for row in customers] + [tuple(row) for row in phones] + [tuple(vins)]


def test_the_same_seed_gives_the_same_data_and_another_seed_does_not(db, tmp_path: Path):
    again = open_database(str(tmp_path / "again.sqlite3"), create=True)
    other = open_database(str(tmp_path / "other.sqlite3"), create=True)
    try:
        fill_demo_data(again, first_manager(again), customers=CUSTOMERS)
        fill_demo_data(other, first_manager(other), customers=CUSTOMERS, seed=7)
        assert _fingerprint(again) == _fingerprint(db)
        assert _fingerprint(other) != _fingerprint(db)
    finally:
        again.dispose()
        other.dispose()


def test_a_database_with_customers_is_refused_and_left_as_it_was(db):
    before = _all(db, select(func.count()).select_from(Customer))
    refusal = f"already has {CUSTOMERS} customers; demo data goes into an empty one"
    with pytest.raises(NotAllowed, match=refusal):
        fill_demo_data(db, first_manager(db), customers=5)
    assert _all(db, select(func.count()).select_from(Customer)) == before


def test_progress_is_reported_after_each_batch_up_to_the_total(tmp_path: Path, monkeypatch):
    monkeypatch.setattr("contact_desk.services.demo.BATCH", 4)
    seen: list[tuple[int, int]] = []
    db = open_database(str(tmp_path / "progress.sqlite3"), create=True)
    try:
        summary = fill_demo_data(db, first_manager(db), customers=10, progress=lambda *report: seen.append(report))
    finally:
        db.dispose()
    assert seen == [(4, 10), (8, 10), (10, 10)]
    assert summary.customers == 10


def test_the_programs_example_shows_every_state_with_its_contact_and_invoices(db, summary):
    customer = get_customer(db.unit_of_work(), dict(summary.examples)[EVERY_PROGRAM_STATE])
    views = program_views(db.unit_of_work(), customer.id)
    assert {v.state for v in views} == set(ProgramState)
    assert all(v.contact is not None and v.contact.account_contact_id for v in views)
    # A quote is not billed yet; every other state has invoices.
    assert all(bool(v.invoices) == (v.state is not ProgramState.QUOTE) for v in views)
    active = next(v for v in views if v.state is ProgramState.ACTIVE)
    assert "signed it" in active.action("contact", "replace").reason
