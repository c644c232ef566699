"""Which customer an import is about (services.matching), the possible duplicates it leaves,
and that every look-up is by an index, as a desk of a million customers needs."""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from sqlalchemy.exc import IntegrityError
from sqlalchemy import event, select, text

from contact_desk.services import contact_info
from contact_desk.domain.duplicates import (
    DuplicateReason,
    DuplicateSource,
    DuplicateStatus,
    KeptApart,
    MatchBasis,
    Names,
)
from contact_desk.domain.enums import ContactKind
from contact_desk.domain.errors import DomainError
from contact_desk.services.customers import create_customer
from contact_desk.services.duplicates import possible_duplicates, record_possible_duplicates
from contact_desk.services.leads import LeadIdentity, earlier_lead
from contact_desk.services.matching import Arrival, Near, find_customer_for
from contact_desk.store.customer import Customer
from contact_desk.store.database import open_database
from contact_desk.store.duplicates import PossibleDuplicate
from contact_desk.store.imports import CardUid
from contact_desk.store.unit_of_work import translate_database_errors
from tests.conftest import first_manager

PHONE, EMAIL = ContactKind.PHONE, ContactKind.EMAIL


@pytest.fixture
def family(database, manager, new_customer):
    """Deborah (C1) and Quentin (C2) Mcintyre share the home phone; Quentin has his email."""
    deborah = new_customer("Deborah", "Mcintyre", customer_number="C1")
    quentin = new_customer("Quentin", "Mcintyre", customer_number="C2")
    for who in (deborah, quentin):
        contact_info.add_contact_point(database.unit_of_work(), manager, who, PHONE, "(773) 555-0123")
    contact_info.add_contact_point(database.unit_of_work(), manager, quentin, EMAIL, "q@example.com")
    return deborah, quentin


def found(database, arrival: Arrival) -> tuple[int | None, MatchBasis | None, list]:
    with database.sessions() as session:
        result = find_customer_for(session, arrival)
        customer_id = result.customer.id if result.customer is not None else None
        return customer_id, result.basis, [(n.customer_id, n.reasons) for n in result.near]


def test_a_shared_phone_with_an_agreeing_name_finds_that_family_member(database, family):
    deborah, quentin = family
    arrival = Arrival(Names("Q.", "McIntyre"), ((PHONE, "+17735550123"),))
    assert found(database, arrival) == (quentin, MatchBasis.PHONE_AND_NAME, [])


def test_an_email_with_an_agreeing_name_goes_before_a_phone(database, manager, new_customer,
                                                             family):
    _, quentin = family
    twin = new_customer("Quentin", "Mcintyre")
    contact_info.add_contact_point(database.unit_of_work(), manager, twin, PHONE, "(773) 555-0123")
    arrival = Arrival(Names("Quentin", "Mcintyre"),
                      ((PHONE, "+17735550123"), (EMAIL, "q@example.com")))
    assert found(database, arrival) == (quentin, MatchBasis.EMAIL_AND_NAME, [])


def test_a_shared_phone_without_an_agreeing_name_finds_nobody_and_names_who_shares_it(
    database, family
):
    deborah, quentin = family
    arrival = Arrival(Names("Vera", "Card"), ((PHONE, "+17735550123"), (EMAIL, "q@example.com")))
    assert found(database, arrival) == (None, None, [
        (deborah, ((DuplicateReason.SAME_PHONE, "+17735550123"),)),
        (quentin, ((DuplicateReason.SAME_PHONE, "+17735550123"),
                   (DuplicateReason.SAME_EMAIL, "q@example.com"))),
    ])


def uid_of(database, customer_id: int) -> str:
    with database.sessions() as session:
        return session.scalar(select(CardUid.uid).where(CardUid.customer_id == customer_id))


def test_a_customer_number_or_a_known_uid_names_the_customer_when_the_name_confirms_it(
    database, new_customer, family
):
    deborah, _ = family
    nora = new_customer("Nora", "Nobody")
    phone = ((PHONE, "+17735550123"),)
    assert found(database, Arrival(Names("D.", "McIntyre"), phone, "C1")) == (
        deborah, MatchBasis.CUSTOMER_NUMBER, [])
    assert found(database, Arrival(Names("Nora", "Nobody"), phone, uid=uid_of(database, nora))
                 ) == (nora, MatchBasis.CARD_UID, [])
    # A key the desk does not know says nothing: the values and the name decide.
    assert found(database, Arrival(Names("Deborah", "Mcintyre"), phone, "C9", "urn:x")) == (
        deborah, MatchBasis.PHONE_AND_NAME, [])


def test_a_customer_known_by_one_name_alone_is_confirmed_by_that_same_name(database, manager):
    smith = create_customer(database.unit_of_work(), manager, last_name="Smith",
                            company="Smith Plumbing", customer_number="C5")
    assert found(database, Arrival(Names("", "Smith", "Smith Plumbing"), (), "C5")) == (
        smith, MatchBasis.CUSTOMER_NUMBER, [])
    assert found(database, Arrival(Names("", "Smithers"), (), "C5"))[0] is None


def test_someone_elses_key_never_names_them_the_values_and_name_decide_or_nobody(
    database, new_customer, family
):
    deborah, quentin = family
    nora = new_customer("Nora", "Nobody")
    phone = ((PHONE, "+17735550123"),)
    assert found(database, Arrival(Names("Quentin", "Mcintyre"), phone, "C1")) == (
        quentin, MatchBasis.PHONE_AND_NAME, [])
    with database.sessions() as session:
        result = find_customer_for(session, Arrival(Names("Vera", "Card"), phone,
                                                    uid=uid_of(database, nora)))
    assert (result.customer, result.kept_apart) == (None, KeptApart.UID_NAME_DISAGREES)
    assert [(n.customer_id, n.reasons) for n in result.near] == [
        (nora, ((DuplicateReason.SAME_CARD_UID, uid_of(database, nora)),)),
        (deborah, ((DuplicateReason.SAME_PHONE, "+17735550123"),)),
        (quentin, ((DuplicateReason.SAME_PHONE, "+17735550123"),)),
    ]
    assert found(database, Arrival(Names("Vera", "Card"), (), "C2")) == (None, None, [
        (quentin, ((DuplicateReason.SAME_CUSTOMER_NUMBER, "C2"),))])


@pytest.fixture
def smiths(database, manager, new_customer):
    """John Smith Sr. (C10, born 1950) and Jr. (C11, born 1980, his own email) share the
    home phone (212) 555-0150."""
    senior = new_customer("John", "Smith", customer_number="C10", birth_date=date(1950, 3, 1))
    junior = new_customer("John", "Smith", customer_number="C11", birth_date=date(1980, 6, 2))
    for who in (senior, junior):
        contact_info.add_contact_point(database.unit_of_work(), manager, who, PHONE, "(212) 555-0150")
    contact_info.add_contact_point(database.unit_of_work(), manager, junior, EMAIL, "jr@example.com")
    return senior, junior


HOME = (PHONE, "+12125550150")


def test_a_household_sharing_a_phone_and_a_name_is_nobodys_match_and_both_are_near(
    database, smiths
):
    senior, junior = smiths
    for arrival in (Arrival(Names("John", "Smith"), (HOME,)),
                    Arrival(Names("J.", "Smith"), (HOME,), birth_date=date(1950, 3, 1)),
                    Arrival(Names("John", "Smith"), (HOME, (EMAIL, "new@example.com"))),
                    Arrival(Names("John", "Smith"), (HOME,), birth_date=date(1999, 1, 1))):
        with database.sessions() as session:
            result = find_customer_for(session, arrival)
        assert (result.customer, result.basis, result.kept_apart) == (
            None, None, KeptApart.SEVERAL_AGREE), arrival
        assert [n.customer_id for n in result.near] == [senior, junior]
        assert result.near[0].reasons == ((DuplicateReason.SAME_PHONE, "+12125550150"),)


def test_in_a_household_the_one_exact_match_by_birth_date_or_email_is_taken(database, smiths):
    senior, junior = smiths
    assert found(database, Arrival(Names("John", "Smith"), (HOME,),
                                   birth_date=date(1950, 3, 1))) == (
        senior, MatchBasis.PHONE_AND_NAME, [])
    assert found(database, Arrival(Names("John", "Smith"),
                                   (HOME, (EMAIL, "jr@example.com")))) == (
        junior, MatchBasis.EMAIL_AND_NAME, [])


def test_of_several_agreeing_names_the_one_the_same_in_full_is_taken_when_alone(
    database, manager, new_customer
):
    john = new_customer("John", "Smith")
    initial = new_customer("J.", "Smith")
    jack = new_customer("John", "Smith")
    for who in (john, initial):
        contact_info.add_contact_point(database.unit_of_work(), manager, who, PHONE, "(212) 555-0160")
    contact_info.add_contact_point(database.unit_of_work(), manager, jack, PHONE, "(212) 555-0161")
    assert found(database, Arrival(Names("John", "Smith"), ((PHONE, "+12125550160"),))) == (
        john, MatchBasis.PHONE_AND_NAME, [])
    # A fleet number two John Smiths drive with: an initial is either of them.
    contact_info.add_contact_point(database.unit_of_work(), manager, john, PHONE, "(212) 555-0161")
    assert found(database, Arrival(Names("J.", "Smith"), ((PHONE, "+12125550161"),)))[:2] == (
        None, None)


def test_a_pair_is_recorded_once_lower_id_first_and_gains_the_values_found_later(
    database, new_customer, family
):
    deborah, _ = family
    vera = new_customer("Vera", "Card")
    with database.unit_of_work() as uow:
        made = uow.session.get(Customer, vera)
        for reasons in (((DuplicateReason.SAME_PHONE, "+17735550123"),),
                        ((DuplicateReason.SAME_PHONE, "+17735550123"),
                         (DuplicateReason.SAME_EMAIL, "v@example.com"))):
            record_possible_duplicates(uow.session, made, [Near(deborah, reasons)],
                                       DuplicateSource.VCARD, "a.vcf")
        uow.commit()

    [pair] = possible_duplicates(database.unit_of_work())
    assert (pair.customer.customer_number, pair.other.name, pair.status) == (
        "C1", "Vera Card", DuplicateStatus.OPEN)
    assert pair.reasons == ((DuplicateReason.SAME_PHONE, "+17735550123"),
                            (DuplicateReason.SAME_EMAIL, "v@example.com"))
    assert pair.shown() == ("Vera Card (no customer number) may be C1 (Deborah Mcintyre): "
                            "same phone (773) 555-0123, same email v@example.com")
    assert possible_duplicates(database.unit_of_work(), DuplicateStatus.MERGED) == []


def test_the_database_refuses_a_pair_stored_twice_or_the_wrong_way_round(database, family):
    deborah, quentin = family

    def store(low: int, high: int) -> None:
        with database.sessions() as session:
            session.add(PossibleDuplicate(customer_id=low, other_customer_id=high,
                                          source=DuplicateSource.ADF))
            with translate_database_errors(session):
                session.commit()

    store(deborah, quentin)
    with pytest.raises(DomainError, match="recorded the same possible duplicate"):
        store(deborah, quentin)
    # The wrong way round is a bug in the desk, not another desk's doing: it stays one.
    with pytest.raises(IntegrityError):
        store(quentin, deborah)


@pytest.fixture
def desk(sqlite_template, tmp_path):
    """A SQLite desk alone: the query plans below are SQLite's."""
    shutil.copyfile(sqlite_template, tmp_path / "desk.sqlite3")
    database = open_database(str(tmp_path / "desk.sqlite3"), create=True)
    yield database
    database.dispose()


def test_every_look_up_reads_an_index_not_a_whole_table(desk):
    """On SQLite's own query plans: a million customers must not be read to match one,
    to know a lead again or to find a pair already recorded."""
    actor = first_manager(desk)
    ann = create_customer(desk.unit_of_work(), actor, first_name="Ann", last_name="Lee")
    other = create_customer(desk.unit_of_work(), actor, first_name="Bo", last_name="Ray")
    contact_info.add_contact_point(desk.unit_of_work(), actor, ann, PHONE, "(212) 555-0142")
    statements: list[tuple[str, object]] = []

    def keep(_conn, _cursor, statement, parameters, _context, _many):
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append((statement, parameters))

    event.listen(desk.engine, "before_cursor_execute", keep)
    try:
        with desk.sessions() as session:
            for arrival in (Arrival(Names("Bo", "Ray"), ((PHONE, "+12125550142"),), "C1", "u:1"),
                            Arrival(Names("Ann", "Lee"), ((EMAIL, "a@example.com"),))):
                find_customer_for(session, arrival)
            earlier_lead(session, LeadIdentity("Cars.com", "L-1", "2026-11-20", "key"))
            record_possible_duplicates(session, session.get(Customer, ann),
                                       [Near(other, ())], DuplicateSource.ADF, "lead.xml")
    finally:
        event.remove(desk.engine, "before_cursor_execute", keep)
    with desk.engine.connect() as connection:
        plans = [row[-1] for statement, parameters in statements
                 for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}",
                                                       parameters)]
    assert len(statements) >= 7 and any("USING INDEX ix_contact_point_value" in plan
                                        for plan in plans)
    assert [plan for plan in plans if plan.startswith("SCAN")] == []


def test_sqlite_plans_are_read_as_this_test_expects(desk):
    # The check above relies on SQLite saying SCAN for a whole table.
    with desk.engine.connect() as connection:
        [plan] = connection.execute(text("EXPLAIN QUERY PLAN SELECT * FROM customer")).all()
    assert plan[-1].startswith("SCAN")
