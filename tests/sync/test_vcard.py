"""vCards as address books really write them (2.1, 3.0, 4.0), a malformed card, matching
existing customers only when the name agrees, photos too big to read, and a round trip
that comes back card for card and finds every customer again."""

from __future__ import annotations

import base64
import os
from datetime import date

import pytest
from sqlalchemy import select

from contact_desk.domain.duplicates import (
    DuplicateReason,
    DuplicateSource,
    KeptApart,
    MatchBasis,
)
from contact_desk.domain.enums import ContactKind, ContactPointType
from contact_desk.domain.errors import DomainError, InvalidValue, PermissionDenied
from contact_desk.services import contact_info
from contact_desk.services.customers import create_customer, customer_count
from contact_desk.services.demo import fill_demo_data
from contact_desk.services.duplicates import possible_duplicates
from contact_desk.store.customer import Customer
from contact_desk.store.imports import CardUid
from contact_desk.sync.dms import sync_dms
from contact_desk.sync.vcard import export_vcards, import_vcards
from tests.consent import set_flag
from tests.sync.conftest import customer, open_copy_of, points

OUTLOOK_21 = (
    "BEGIN:VCARD\r\n"
    "VERSION:2.1\r\n"
    "N;CHARSET=Windows-1252;ENCODING=QUOTED-PRINTABLE:M=FCller;J=FCrgen\r\n"
    "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=BCrgen M=C3=BCller\r\n"
    "ORG:M=FCller GmbH\r\n"
    "TEL;WORK;VOICE:(212) 555-0143\r\n"
    "TEL;CELL;PREF:+1 212 555 0142\r\n"
    "EMAIL;INTERNET:juergen@work.example\r\n"
    "EMAIL;PREF;INTERNET:juergen@example.com\r\n"
    "NOTE;ENCODING=QUOTED-PRINTABLE:Prefers calls in the morning, and a long note that=\r\n"
    " Outlook breaks with a soft line break=0D=0Ain two.\r\n"
    "END:VCARD\r\n"
)
APPLE_30 = """BEGIN:VCARD
VERSION:3.0
N:Lee;Ann;;;
FN:Ann Lee
BDAY:1980-05-17
item1.EMAIL;type=INTERNET:ann@work.example
item1.X-ABLabel:_$!<Work>!$_
item2.EMAIL;type=INTERNET;type=pref:ann@example.com
item3.TEL;type=CELL;type=VOICE:(646) 555-0188
item4.TEL;type=pref:(212) 555-0142
item4.X-ABLabel:_$!<Mobile>!$_
END:VCARD
"""
V40 = """BEGIN:VCARD
VERSION:4.0
FN:Bo Ray
N:Ray;Bo;;;
TEL;VALUE=uri;TYPE="work,voice":tel:+1-518-555-0100;ext=12
TEL;VALUE=uri;TYPE="cell,text";PREF=1:tel:+1-518-555-0101
EMAIL;TYPE=home;PREF=2:bo@home.example
EMAIL;TYPE=work;PREF=1:bo@example.com
END:VCARD
"""


def vcf(tmp_path, text: str, name: str = "cards.vcf", encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_an_outlook_21_card_with_quoted_printable_and_charsets_is_read(desk, desk_user, tmp_path):
    report = import_vcards(desk, desk_user, vcf(tmp_path, OUTLOOK_21, encoding="cp1252"))

    assert (report.cards_read, report.customers_created, report.bad_cards) == (1, 1, ())
    view = customer(desk, 1)
    assert (view.first_name, view.last_name) == ("Jürgen", "Müller")
    assert points(view) == [
        ("DEALER_PHONE", "+12125550142", "ACTIVE", True),
        ("DEALER_PHONE", "+12125550143", "ACTIVE", False),
        ("DEALER_EMAIL", "juergen@example.com", "ACTIVE", True),
        ("DEALER_EMAIL", "juergen@work.example", "ACTIVE", False),
    ]


def test_an_apple_30_card_with_item_groups_and_type_pref_is_read(desk, desk_user, tmp_path):
    import_vcards(desk, desk_user, vcf(tmp_path, APPLE_30))

    view = customer(desk, 1)
    assert str(view.birth_date) == "1980-05-17"
    assert [(p.value, p.is_primary) for p in view.phones] == [
        ("+12125550142", True), ("+16465550188", False)]
    assert [(p.value, p.is_primary) for p in view.emails] == [
        ("ann@example.com", True), ("ann@work.example", False)]


def test_a_40_card_with_pref_numbers_and_tel_uris_is_read(desk, desk_user, tmp_path):
    import_vcards(desk, desk_user, vcf(tmp_path, V40))

    view = customer(desk, 1)
    assert [(p.value, p.extension, p.is_primary) for p in view.phones] == [
        ("+15185550101", "", True), ("+15185550100", "12", False)]
    assert [(p.value, p.is_primary) for p in view.emails] == [
        ("bo@example.com", True), ("bo@home.example", False)]


def test_a_malformed_card_is_skipped_whole_and_the_others_are_imported(
    desk, desk_user, tmp_path
):
    broken = "BEGIN:VCARD\nVERSION:3.0\nN:Bad;Card\nTEL;TYPE=cell:+12125550111\nthis is no line\nEND:VCARD\n"
    bad_phone = "BEGIN:VCARD\nVERSION:3.0\nN:Odd;Phone\nEMAIL:odd@example.com\nTEL:ask reception\nEND:VCARD\n"
    unclosed = "BEGIN:VCARD\nVERSION:3.0\nN:Cut;Short\nEMAIL:cut@example.com\n"
    text = APPLE_30 + broken + bad_phone + V40 + unclosed

    report = import_vcards(desk, desk_user, vcf(tmp_path, text))

    assert (report.cards_read, report.customers_created) == (5, 2)
    assert [bad.line for bad in report.bad_cards] == [13, 19, 34]
    assert "not a valid vCard" in report.bad_cards[0].reason
    assert "Phone Odd" in report.bad_cards[1].reason
    with desk.sessions() as session:
        assert sorted(c.last_name for c in session.query(Customer)) == ["Lee", "Ray"]


@pytest.mark.parametrize(
    ("text", "message"),
    [("just some text\n", "holds no vCard"), ("", "is empty")],
)
def test_a_file_without_cards_is_refused(database, manager, tmp_path, refused, text, message):
    with refused(InvalidValue, message):
        import_vcards(database, manager, vcf(tmp_path, text))


def test_a_card_of_a_known_customer_adds_its_values_and_keeps_the_primary(
    database, manager, tmp_path
):
    ann = create_customer(database.unit_of_work(), manager, first_name="Ann", last_name="Lee",
                          customer_number="C1")
    contact_info.add_contact_point(database.unit_of_work(), manager, ann, ContactKind.PHONE,
                         "(646) 555-0188")

    report = import_vcards(database, manager, vcf(tmp_path, APPLE_30))

    assert (report.customers_created, report.customers_matched, report.values_added) == (0, 1, 3)
    phones = customer(database, "C1").phones
    assert [(p.value, p.is_primary) for p in phones] == [
        ("+16465550188", True), ("+12125550142", False)]


def test_importing_the_same_file_twice_adds_nothing_the_second_time(desk, desk_user, tmp_path):
    path = vcf(tmp_path, APPLE_30 + V40)
    import_vcards(desk, desk_user, path)
    again = import_vcards(desk, desk_user, path)
    assert (again.customers_created, again.customers_matched, again.values_added) == (0, 2, 0)


def test_progress_and_permission(database, manager, clerk, tmp_path, refused):
    seen = []
    import_vcards(database, manager, vcf(tmp_path, APPLE_30 + V40),
                  progress=lambda *at: seen.append(at))
    assert seen == [(2, 2)]
    with refused(PermissionDenied):
        import_vcards(database, clerk, vcf(tmp_path, APPLE_30, name="other.vcf"))


# ---------------------------------------------------------------- export and the round trip

def _fill(database, actor, export) -> None:
    """Ann from the DMS (cell, home, email), a dealer phone with an extension chosen as
    primary, a second email chosen as primary, an inactive value; and Acme, a company."""
    sync_dms(database, actor, export([
        {"customer_number": "C1", "first_name": "Ann", "last_name": "Lee",
         "cell_phone": "+12125550142", "home_phone": "+15185550100", "work_phone": "+12125550199",
         "email": "ann@example.com", "birth_date": "1980-05-17"},
        {"customer_number": "C2", "company": "Acme Fleet", "work_phone": "+16465550188",
         "email": "fleet@acme.example"},
    ]))
    sync_dms(database, actor, export([  # the work phone is gone from the DMS: inactive
        {"customer_number": "C1", "first_name": "Ann", "last_name": "Lee",
         "cell_phone": "+12125550142", "home_phone": "+15185550100",
         "email": "ann@example.com", "birth_date": "1980-05-17"},
    ]))
    ann = customer(database, "C1").id
    phone = contact_info.add_contact_point(database.unit_of_work(), actor, ann, ContactKind.PHONE,
                                 "(212) 555-0177 ext. 4").added_id
    contact_info.set_primary(database.unit_of_work(), actor, phone)
    email = contact_info.add_contact_point(database.unit_of_work(), actor, ann, ContactKind.EMAIL,
                                 "ann.lee@example.org").added_id
    contact_info.set_primary(database.unit_of_work(), actor, email)


def test_export_writes_vcard_40_with_types_and_pref_on_the_primary(
    desk, desk_user, export, tmp_path
):
    _fill(desk, desk_user, export)
    path = tmp_path / "out.vcf"

    assert export_vcards(desk, desk_user, path) == 2

    text = path.read_text(encoding="utf-8")
    assert text.count("BEGIN:VCARD") == 2 and text.count("VERSION:4.0") == 2
    assert "TEL;TYPE=cell,text;VALUE=uri:tel:+12125550142" in text  # a list, not one value
    assert 'TYPE="' not in text
    assert "tel:+12125550177;ext=4" in text and "PREF=1;TYPE=" in text
    assert "+12125550199" not in text  # inactive values are not written
    assert "ORG:Acme Fleet" in text and "BDAY:19800517" in text


def test_a_round_trip_keeps_every_value_and_the_primary(
    desk, desk_user, export, tmp_path, sqlite_template
):
    _fill(desk, desk_user, export)
    path = tmp_path / "out.vcf"
    export_vcards(desk, desk_user, path)
    with open_copy_of(sqlite_template, tmp_path / "other.sqlite3") as (other, actor):
        report = import_vcards(other, actor, path)
        assert (report.customers_created, report.bad_cards) == (2, ())
        for number, new_id in (("C1", 1), ("C2", 2)):
            before, after = customer(desk, number), customer(other, new_id)
            assert (after.first_name, after.last_name, after.company, after.birth_date) == (
                before.first_name, before.last_name, before.company, before.birth_date)
            assert _active(after) == _active(before)


def _active(view) -> set[tuple[str, str, bool]]:
    return {(p.value, p.extension, p.is_primary) for p in (*view.phones, *view.emails)
            if p.status.name == "ACTIVE"}


def test_export_of_chosen_customers_only(database, manager, export, tmp_path):
    _fill(database, manager, export)
    path = tmp_path / "one.vcf"
    assert export_vcards(database, manager, path, [customer(database, "C2").id]) == 1
    assert "Acme Fleet" in path.read_text(encoding="utf-8")
    with pytest.raises(DomainError, match="no customer #999"):
        export_vcards(database, manager, tmp_path / "none.vcf", [999])
    assert not (tmp_path / "none.vcf").exists()


def test_values_of_a_card_are_dealer_added(desk, desk_user, tmp_path):
    import_vcards(desk, desk_user, vcf(tmp_path, V40))
    types = {p.type for p in (*customer(desk, 1).phones, *customer(desk, 1).emails)}
    assert types == {ContactPointType.DEALER_PHONE, ContactPointType.DEALER_EMAIL}


# ---------------------------------------------------------------- whose card it is

VERA = """BEGIN:VCARD
VERSION:3.0
N:Card100;Vera;;;
FN:Vera Card100
TEL;TYPE=WORK:(312) 555-0100
EMAIL;TYPE=INTERNET:vera@example.com
END:VCARD
"""


def jonathan(database, manager) -> int:
    """Jonathan Davidson, C100002, at an office whose main line is (312) 555-0100."""
    customer_id = create_customer(database.unit_of_work(), manager, first_name="Jonathan",
                                  last_name="Davidson", customer_number="C100002")
    contact_info.add_contact_point(database.unit_of_work(), manager, customer_id, ContactKind.PHONE,
                         "(312) 555-0100")
    return customer_id


def test_a_card_sharing_a_phone_with_someone_else_is_a_new_customer_and_a_possible_duplicate(
    database, manager, tmp_path
):
    jonathan(database, manager)
    his = points(customer(database, "C100002"))

    report = import_vcards(database, manager, vcf(tmp_path, VERA, name="office.vcf"))

    assert points(customer(database, "C100002")) == his
    assert (report.customers_created, report.customers_matched) == (1, 0)
    [card] = report.cards
    assert card.shown() == ("line 1: Vera Card100 (new customer, no customer number), "
                            "created; 2 phones and emails added; kept apart: the card shares a "
                            "phone or email with a customer whose name does not agree")
    [pair] = possible_duplicates(database.unit_of_work())
    assert (pair.customer.customer_number, pair.other.name) == ("C100002", "Vera Card100")
    assert (pair.reasons, pair.source, pair.source_file) == (
        ((DuplicateReason.SAME_PHONE, "+13125550100"),), DuplicateSource.VCARD, "office.vcf")
    assert report.possible_duplicates == (pair,)
    assert report.summary().endswith("1 possible duplicates recorded for a person to decide.")


def test_each_card_says_which_customer_it_went_to_by_number(database, manager, tmp_path):
    jonathan(database, manager)
    his_card = VERA.replace("Card100;Vera", "Davidson;J.").replace("Vera Card100", "J. Davidson")

    report = import_vcards(database, manager, vcf(tmp_path, VERA + his_card))

    assert [card.shown() for card in report.cards] == [
        "line 1: Vera Card100 (new customer, no customer number), created; 2 phones and "
        "emails added; kept apart: the card shares a phone or email with a customer whose "
        "name does not agree",
        "line 8: C100002 (Jonathan Davidson), matched by phone and name; 1 phones and emails "
        "added",
    ]
    assert report.cards[1].matched_by is MatchBasis.PHONE_AND_NAME
    assert [p.value for p in customer(database, "C100002").emails] == ["vera@example.com"]


def numbered(card: str, number: str) -> str:
    return card.replace("END:VCARD", f"X-CONTACT-DESK-CUSTOMER-NUMBER:{number}\nEND:VCARD")


def test_a_card_with_a_customer_number_and_an_agreeing_name_goes_to_that_customer(
    database, manager, tmp_path
):
    jonathan(database, manager)
    his_card = VERA.replace("Card100;Vera", "Davidson;J.").replace("Vera Card100", "J. Davidson")
    his_card = numbered(his_card.replace("(312) 555-0100", "(312) 555-0177"), "C100002")

    report = import_vcards(database, manager, vcf(tmp_path, his_card))

    [card] = report.cards
    assert (card.customer.customer_number, card.matched_by, card.kept_apart) == (
        "C100002", MatchBasis.CUSTOMER_NUMBER, None)
    assert {p.value for p in customer(database, "C100002").phones} == {
        "+13125550100", "+13125550177"}


def test_a_card_never_gives_a_customer_number_the_desk_does_not_know(
    database, manager, tmp_path
):
    report = import_vcards(database, manager, vcf(tmp_path, numbered(APPLE_30, "C7")))

    [card] = report.cards
    assert (card.customer.customer_number, card.matched_by, card.number_not_kept) == (
        None, None, "C7")
    assert card.shown() == (
        "line 1: Ann Lee (new customer, no customer number), created; 4 phones and emails "
        "added; its customer number C7 was not kept (only the DMS gives customer numbers)")
    assert report.summary().endswith(
        "1 customer numbers on cards not kept: only the DMS gives customer numbers.")
    with database.sessions() as session:
        assert session.query(Customer).filter_by(customer_number="C7").all() == []


def test_the_dms_customer_number_a_card_carried_is_the_dms_customers_alone(
    database, manager, export, tmp_path
):
    import_vcards(database, manager, vcf(tmp_path, numbered(APPLE_30, "C7")))

    sync_dms(database, manager, export([
        {"customer_number": "C7", "first_name": "Carl", "last_name": "Seven",
         "cell_phone": "+15185550777"}]))

    carl = customer(database, "C7")
    assert (carl.full_name, [p.value for p in carl.phones]) == ("Carl Seven", ["+15185550777"])
    ann = customer(database, 1)
    assert (ann.customer_number, ann.full_name) == (None, "Ann Lee")


def test_a_card_with_someone_elses_customer_number_is_a_new_customer_and_a_possible_duplicate(
    database, manager, tmp_path
):
    jonathan(database, manager)
    his = points(customer(database, "C100002"))

    report = import_vcards(database, manager, vcf(tmp_path, numbered(VERA, "C100002"),
                                                  name="edited.vcf"))

    assert points(customer(database, "C100002")) == his
    [card] = report.cards
    assert (card.customer.customer_number, card.matched_by, card.values_added) == (None, None, 2)
    assert card.shown() == (
        "line 1: Vera Card100 (new customer, no customer number), created; 2 phones and "
        "emails added; kept apart: the card carries the customer number of a customer whose "
        "name does not agree; its customer number C100002 was not kept (only the DMS gives "
        "customer numbers)")
    [pair] = possible_duplicates(database.unit_of_work())
    assert (pair.customer.customer_number, pair.other.name, pair.source_file) == (
        "C100002", "Vera Card100", "edited.vcf")
    assert pair.reasons == ((DuplicateReason.SAME_CUSTOMER_NUMBER, "C100002"),
                            (DuplicateReason.SAME_PHONE, "+13125550100"))
    assert "1 possible duplicates recorded for a person to decide." in report.summary()


def test_a_card_with_someone_elses_uid_is_a_new_customer_and_a_possible_duplicate(
    database, manager, tmp_path
):
    nora = create_customer(database.unit_of_work(), manager, first_name="Nora",
                           last_name="Nobody")
    with database.sessions() as session:
        uid = session.scalar(select(CardUid.uid).where(CardUid.customer_id == nora))
    reused = VERA.replace("VERSION:3.0", f"VERSION:3.0\nUID:{uid}")

    report = import_vcards(database, manager, vcf(tmp_path, reused))
    again = import_vcards(database, manager, vcf(tmp_path, reused, name="again.vcf"))

    assert customer(database, nora).phones == customer(database, nora).emails == ()
    [card] = report.cards
    assert (card.matched_by, card.kept_apart) == (None, KeptApart.UID_NAME_DISAGREES)
    [pair] = possible_duplicates(database.unit_of_work())
    assert (pair.customer.name, pair.other.name, pair.reasons) == (
        "Nora Nobody", "Vera Card100", ((DuplicateReason.SAME_CARD_UID, uid),))
    with database.sessions() as session:  # the UID stays Nora's; Vera has the desk's own
        assert session.scalar(select(CardUid.customer_id).where(CardUid.uid == uid)) == nora
    [card] = again.cards  # the second time Vera is found by her email and name
    assert (again.customers_created, card.matched_by) == (0, MatchBasis.EMAIL_AND_NAME)


# ---------------------------------------------------------------- photos too big to read

def photo_card(name: str, size: int, folded: bool = True) -> str:
    """A 3.0 card of ``name`` with a base64 photo of ``size`` bytes (about 4/3 as encoded)."""
    first, last = name.split()
    photo = "PHOTO;ENCODING=b;TYPE=JPEG:" + base64.b64encode(os.urandom(size)).decode()
    if folded:
        photo = "\r\n ".join(photo[at:at + 74] for at in range(0, len(photo), 74))
    return (f"BEGIN:VCARD\r\nVERSION:3.0\r\nN:{last};{first};;;\r\nFN:{name}\r\n"
            f"{photo}\r\nTEL;TYPE=CELL:(212) 555-0142\r\nEMAIL:{first.lower()}@example.com"
            "\r\nEND:VCARD\r\n")


@pytest.mark.parametrize("folded", [True, False], ids=["folded", "on one line"])
def test_a_photo_past_the_cap_is_left_out_and_reported_and_the_card_imported(
    desk, desk_user, tmp_path, folded
):
    text = APPLE_30 + photo_card("Pia Photo", 3_900_000, folded) + photo_card("Sam Small", 30_000)

    report = import_vcards(desk, desk_user, vcf(tmp_path, text))

    assert (report.cards_read, report.customers_created, report.bad_cards) == (3, 3, ())
    assert [note.shown() for note in report.left_out] == [
        "line 17: the photo of Pia Photo was left out: 5.2 MB is more than 1 MB"]
    assert report.summary().endswith("1 photos or other large parts of cards left out.")
    pia = customer(desk, "2")
    assert pia.full_name == "Pia Photo" and [p.value for p in pia.emails] == ["pia@example.com"]


def test_a_card_whose_names_alone_are_too_big_is_skipped_and_the_others_imported(
    desk, desk_user, tmp_path
):
    huge = "BEGIN:VCARD\nVERSION:3.0\nN:Long;" + "A" * 1_200_000 + ";;;\nEND:VCARD\n"

    report = import_vcards(desk, desk_user, vcf(tmp_path, huge + V40))

    assert report.customers_created == 1
    assert [bad.shown() for bad in report.bad_cards] == [
        "line 1: its names, phones and emails come to 1.2 MB, more than the 1 MB a card may "
        "have; it was not read."]


# ---------------------------------------------------------------- the desk's own export, back

def _cards(path) -> list[list[str]]:
    """The cards of an export, each as its lines, without REV and PRODID (which may differ)."""
    text = path.read_text(encoding="utf-8")
    return [[line for line in card.splitlines() if not line.startswith(("REV", "PRODID"))]
            for card in text.split("END:VCARD")[:-1]]


def _hand_made(database, actor, export) -> None:
    """After the demo: a DMS customer with work, home and a do-not-text cell; customers
    without a DMS number and without any phone or email (a person, a company); one with
    a dealer-added landline with an extension, do-not-call, and an email opted out; and
    companies known by a last or a first name alone, one from the DMS, one not."""
    sync_dms(database, actor, export([
        {"customer_number": "H1", "first_name": "Walt", "last_name": "Work",
         "cell_phone": "+13125550113", "home_phone": "+17735550112",
         "work_phone": "+13125550111", "email": "walt@example.com"},
        {"customer_number": "H2", "last_name": "Ortiz", "company": "Ortiz Plumbing",
         "work_phone": "+13125550120"}]))
    create_customer(database.unit_of_work(), actor, first_name="Pat", company="Pat's Garage")
    walt = customer(database, "H1")
    cell = next(p for p in walt.phones if p.type is ContactPointType.DMS_CELL)
    set_flag(database.unit_of_work(), actor, cell.id, do_not_text=True)
    create_customer(database.unit_of_work(), actor, first_name="Nora", last_name="Nobody")
    create_customer(database.unit_of_work(), actor, company="Quiet Fleet")
    lena = create_customer(database.unit_of_work(), actor, first_name="Lena", last_name="Line")
    phone = contact_info.add_contact_point(database.unit_of_work(), actor, lena, ContactKind.PHONE,
                                 "(212) 555-0188 ext. 7").added_id
    email = contact_info.add_contact_point(database.unit_of_work(), actor, lena, ContactKind.EMAIL,
                                 "lena@example.com").added_id
    set_flag(database.unit_of_work(), actor, phone, do_not_call=True)
    set_flag(database.unit_of_work(), actor, email, marketing_opt_out=True)


def _without_keys(card: list[str]) -> list[str]:
    return [line for line in card if not line.startswith(("UID", "X-CONTACT-DESK-CUSTOMER"))]


def test_the_desks_own_export_comes_back_card_for_card_and_finds_every_customer_again(
    database, manager, export, tmp_path, sqlite_template, stored
):
    fill_demo_data(database, manager, customers=45)
    _hand_made(database, manager, export)
    first, second = tmp_path / "first.vcf", tmp_path / "second.vcf"
    written = export_vcards(database, manager, first)
    with open_copy_of(sqlite_template, tmp_path / "empty.sqlite3") as (empty, actor):
        into_empty = import_vcards(empty, actor, first)
        export_vcards(empty, actor, second)
    before, rows = customer_count(database), stored()

    again = import_vcards(database, manager, first)

    assert (into_empty.customers_created, into_empty.bad_cards) == (written, ())
    cards, back = _cards(first), _cards(second)
    assert len(cards) == len(back) == written == 51
    assert [n for n, (one, other) in enumerate(zip(cards, back))
            if _without_keys(one) != _without_keys(other)] == []
    # Only the DMS gives customer numbers: in a desk without them a numbered card's customer
    # has none, and is known by the UID the desk gave it.
    numbered = [n for n, card in enumerate(cards) if _without_keys(card) != card
                and not any(line.startswith("UID") for line in card)]
    assert len(numbered) == sum(card.number_not_kept is not None for card in into_empty.cards)
    assert [n for n in numbered if not any(line.startswith("UID:urn:uuid:") for line in back[n])
            or any(line.startswith("X-CONTACT-DESK-CUSTOMER") for line in back[n])] == []
    assert [n for n, (one, other) in enumerate(zip(cards, back))
            if n not in numbered and one != other] == []
    assert (again.customers_created, again.customers_matched, again.values_added) == (
        0, written, 0)
    assert customer_count(database) == before and possible_duplicates(database.unit_of_work()) == []
    assert {card.matched_by for card in again.cards} == {MatchBasis.CUSTOMER_NUMBER,
                                                         MatchBasis.CARD_UID}
    assert [card.shown() for card in again.cards if card.kept_apart or card.number_not_kept] == []
    assert stored() == rows
    walt = next(card for card in cards if "FN:Walt Work" in card)
    assert [line for line in walt if line.startswith("TEL")] == [
        "TEL;PREF=1;TYPE=cell;VALUE=uri;X-CONTACT-DESK-OPT-OUT=text:tel:+13125550113",
        "TEL;TYPE=home,text;VALUE=uri:tel:+17735550112",  # a US number may be a mobile
        "TEL;TYPE=work,text;VALUE=uri:tel:+13125550111",
    ]


# ---------------------------------------------------------------- keys longer than their column

def uid_card(uid: str, phone: str) -> str:
    return (f"BEGIN:VCARD\nVERSION:4.0\nUID:{uid}\nFN:Ann Lee\nN:Lee;Ann;;;\n"
            f"TEL;TYPE=cell:{phone}\nEND:VCARD\n")


def test_two_long_uids_that_differ_only_at_the_end_name_two_customers(
    database, manager, tmp_path
):
    stem = "urn:x-long:" + "u" * 288
    path = vcf(tmp_path, uid_card(stem + "A", "(212) 555-0101") + uid_card(stem + "B",
                                                                         "(212) 555-0102"))

    first = import_vcards(database, manager, path)
    again = import_vcards(database, manager, path)

    assert (first.customers_created, first.customers_matched) == (2, 0)
    assert [card.matched_by for card in again.cards] == [MatchBasis.CARD_UID] * 2
    assert [card.customer.name for card in again.cards] == ["Ann Lee", "Ann Lee"]
    assert len({customer(database, n).id for n in ("1", "2")}) == 2
    assert [p.value for p in customer(database, "2").phones] == ["+12125550102"]
    assert possible_duplicates(database.unit_of_work()) == []


# ---------------------------------------------------------------- a household's shared phone

def test_a_card_agreeing_with_two_of_a_household_goes_to_the_one_born_that_day_or_to_neither(
    database, manager, tmp_path
):
    senior, junior = (create_customer(database.unit_of_work(), manager, first_name="John",
                                      last_name="Smith", customer_number=number,
                                      birth_date=born)
                      for number, born in (("C10", date(1950, 3, 1)),
                                           ("C11", date(1980, 6, 2))))
    for who in (senior, junior):
        contact_info.add_contact_point(database.unit_of_work(), manager, who, ContactKind.PHONE,
                             "(212) 555-0150")
    card = "BEGIN:VCARD\nVERSION:3.0\nN:Smith;John;;;\nTEL;TYPE=home:(212) 555-0150\n"
    born_1950 = card + "BDAY:1950-03-01\nEMAIL:sr@example.com\nEND:VCARD\n"
    unsure = card + "EMAIL:smiths@example.com\nEND:VCARD\n"

    report = import_vcards(database, manager, vcf(tmp_path, born_1950 + unsure))

    first, second = report.cards
    assert (first.customer.customer_number, first.matched_by) == ("C10", MatchBasis.PHONE_AND_NAME)
    assert (second.customer.created, second.kept_apart) == (True, KeptApart.SEVERAL_AGREE)
    assert second.shown().endswith(
        "kept apart: the card has a name that agrees with more than one customer it shares a "
        "phone or email with, and none of them alone has the same full name and the same "
        "birth date or email")
    assert [p.value for p in customer(database, "C11").emails] == []
    assert sorted(pair.customer.customer_number for pair in report.possible_duplicates) == [
        "C10", "C11"]
