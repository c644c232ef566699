"""vCards as address books really write them (2.1, 3.0, 4.0), a malformed card, matching
existing customers, and a round trip that keeps every value and the primary."""

from __future__ import annotations

import pytest

from contact_desk.domain.enums import ContactKind, ContactPointType
from contact_desk.domain.errors import DomainError, InvalidValue, PermissionDenied
from contact_desk.services import contact_points as cp
from contact_desk.services.customers import create_customer
from contact_desk.store.customer import Customer
from contact_desk.sync.dms import sync_dms
from contact_desk.sync.vcard import export_vcards, import_vcards
from tests.sync.conftest import customer, points

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
    cp.add_contact_point(database.unit_of_work(), manager, ann, ContactKind.PHONE,
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
    phone = cp.add_contact_point(database.unit_of_work(), actor, ann, ContactKind.PHONE,
                                 "(212) 555-0177 ext. 4")
    cp.set_primary(database.unit_of_work(), actor, phone)
    email = cp.add_contact_point(database.unit_of_work(), actor, ann, ContactKind.EMAIL,
                                 "ann.lee@example.org")
    cp.set_primary(database.unit_of_work(), actor, email)


def test_export_writes_vcard_40_with_types_and_pref_on_the_primary(
    desk, desk_user, export, tmp_path
):
    _fill(desk, desk_user, export)
    path = tmp_path / "out.vcf"

    assert export_vcards(desk, path) == 2

    text = path.read_text(encoding="utf-8")
    assert text.count("BEGIN:VCARD") == 2 and text.count("VERSION:4.0") == 2
    assert 'TEL;TYPE="cell,text";VALUE=uri:tel:+12125550142' in text
    assert "tel:+12125550177;ext=4" in text and "PREF=1;TYPE=" in text
    assert "+12125550199" not in text  # inactive values are not written
    assert "ORG:Acme Fleet" in text and "BDAY:19800517" in text


def test_a_round_trip_keeps_every_value_and_the_primary(
    desk, desk_user, export, tmp_path, sqlite_template
):
    from tests.sync.conftest import open_copy_of

    _fill(desk, desk_user, export)
    path = tmp_path / "out.vcf"
    export_vcards(desk, path)
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
    assert export_vcards(database, path, [customer(database, "C2").id]) == 1
    assert "Acme Fleet" in path.read_text(encoding="utf-8")
    with pytest.raises(DomainError, match="no customer #999"):
        export_vcards(database, tmp_path / "none.vcf", [999])
    assert not (tmp_path / "none.vcf").exists()


def test_values_of_a_card_are_dealer_added(desk, desk_user, tmp_path):
    import_vcards(desk, desk_user, vcf(tmp_path, V40))
    types = {p.type for p in (*customer(desk, 1).phones, *customer(desk, 1).emails)}
    assert types == {ContactPointType.DEALER_PHONE, ContactPointType.DEALER_EMAIL}
