"""Recording consent at the desk: records are added, never overwritten; what the value may
receive is derived from them; a refusal writes nothing; Undo withdraws (keeps) a record;
a number two customers share carries the same consent on both; the DMS says a flag once."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from contact_desk.domain.consent import ConsentHow, ConsentState, Purpose
from contact_desk.domain.enums import Channel, ContactKind
from contact_desk.domain.errors import NotAllowed
from contact_desk.services import contact_info
from contact_desk.services.contact_info import ContactInfoChanges, save_contact_info, set_consent
from contact_desk.services.customers import get_customer
from contact_desk.services.forms import EvidenceFile
from contact_desk.store.consent import ConsentRow
from contact_desk.sync.dms import sync_dms
from tests.consent import IN, OUT, said
from tests.sync.conftest import FIELDS, write_export

MARKETING, TRANSACTIONAL = (Purpose.MARKETING,), (Purpose.TRANSACTIONAL,)


@pytest.fixture
def ann(database, manager, new_customer):
    customer = new_customer(customer_number="C1")
    phone = contact_info.add_contact_point(database.unit_of_work(), manager, customer,
                                           ContactKind.PHONE, "(312) 555-0142").added_id
    email = contact_info.add_contact_point(database.unit_of_work(), manager, customer,
                                           ContactKind.EMAIL, "ann@example.com").added_id
    return {"customer": customer, "phone": phone, "email": email}


def _phone(database, customer_id):
    return get_customer(database.unit_of_work(), customer_id).phones[0]


def _records(database):
    with database.sessions() as session:
        return session.scalars(select(ConsentRow).order_by(ConsentRow.id)).all()


def test_an_opt_in_then_a_stop_keeps_both_records_and_the_stop_wins(database, manager, ann):
    set_consent(database.unit_of_work(), manager, ann["phone"],
                said(Channel.TEXT, IN, how=ConsentHow.SIGNED_FORM, note="Credit application"))
    assert _phone(database, ann["customer"]).consent.state(
        Channel.TEXT, Purpose.MARKETING) is IN
    saved = set_consent(database.unit_of_work(), manager, ann["phone"],
                        said(Channel.TEXT, OUT, MARKETING, note="Asked at the desk"))

    phone = saved.info.phones[0]
    assert phone.consent.state(Channel.TEXT, Purpose.MARKETING) is OUT
    assert phone.consent.state(Channel.TEXT, Purpose.TRANSACTIONAL) is IN
    rows = _records(database)
    assert [(r.purpose, r.state, r.how) for r in rows] == [
        (Purpose.TRANSACTIONAL, IN, ConsentHow.SIGNED_FORM),
        (Purpose.MARKETING, IN, ConsentHow.SIGNED_FORM),
        (Purpose.MARKETING, OUT, ConsentHow.DESK)]
    assert {r.user_id for r in rows} == {manager.user_id}
    assert rows[0].evidence_note == "Credit application"
    assert saved.version == get_customer(database.unit_of_work(), ann["customer"]).version


@pytest.mark.parametrize(("point", "form", "message"), [
    ("email", said(Channel.TEXT, OUT), "An email address has no text consent"),
    ("phone", said(Channel.EMAIL, OUT), "A phone number has no email consent"),
    ("phone", said(Channel.TEXT, OUT, how=ConsentHow.TEXT_REPLY), "recorded by the desk"),
    ("phone", said(Channel.TEXT, OUT, purposes=()), "Choose the purpose"),
    ("phone", said(Channel.TEXT, OUT, note="x" * 2001), "keep it to 2,000"),
])
def test_a_consent_the_value_cannot_have_is_refused_and_writes_nothing(
        database, manager, ann, refused, point, form, message):
    with refused(NotAllowed, message):
        set_consent(database.unit_of_work(), manager, ann[point], form)


def test_an_evidence_file_is_kept_with_the_record_and_a_huge_one_refused(
        database, manager, ann, refused):
    scan = EvidenceFile(name="signed.pdf", content=b"%PDF-1.4 signed", content_type="application/pdf")
    form = said(Channel.TEXT, IN, how=ConsentHow.SIGNED_FORM)
    set_consent(database.unit_of_work(), manager, ann["phone"],
                form.__class__(**{**form.__dict__, "evidence": scan}))
    [first, _] = _records(database)
    assert (first.evidence_file_name, first.evidence_file, first.evidence_content_type) == (
        "signed.pdf", b"%PDF-1.4 signed", "application/pdf")
    huge = EvidenceFile(name="scan.tif", content=b"0" * (10 * 2**20 + 1))
    with refused(NotAllowed, "at most 10 MB"):
        set_consent(database.unit_of_work(), manager, ann["phone"],
                    form.__class__(**{**form.__dict__, "evidence": huge}))


def test_undo_withdraws_the_records_it_added_and_keeps_them(database, manager, ann):
    before = get_customer(database.unit_of_work(), ann["customer"])
    changes = ContactInfoChanges(consents=(contact_info.ConsentChange(
        ann["phone"], said(Channel.TEXT, OUT)),))
    saved = save_contact_info(database.unit_of_work(), manager, ann["customer"], changes,
                              before.version)
    assert len(saved.consent_ids) == 2
    undone = save_contact_info(database.unit_of_work(), manager, ann["customer"],
                               contact_info.undo_changes(before, changes, saved), saved.version)

    assert undone.info.phones[0].consent.state(Channel.TEXT, Purpose.MARKETING) is (
        ConsentState.NOT_ASKED)
    rows = _records(database)
    assert len(rows) == 2 and all(r.withdrawn_at is not None for r in rows)
    assert {r.withdrawn_by_id for r in rows} == {manager.user_id}


def test_a_number_two_customers_share_carries_its_consent_to_both(
        database, manager, ann, new_customer, audit_trail):
    bob = new_customer("Bob", "Lee", customer_number="C2")
    contact_info.add_contact_point(database.unit_of_work(), manager, bob, ContactKind.PHONE,
                                   "312-555-0142")
    version = get_customer(database.unit_of_work(), bob).version
    set_consent(database.unit_of_work(), manager, ann["phone"], said(Channel.CALL, OUT))

    bobs = get_customer(database.unit_of_work(), bob)
    assert bobs.phones[0].do_not_call and bobs.version > version
    assert {e.customer_id for e in audit_trail(field="call_transactional")} == {
        ann["customer"], bob}


def test_the_dms_flag_is_recorded_once_and_a_later_opt_in_stands(database, manager, tmp_path):
    row = {"customer_number": "D1", "first_name": "Ann", "last_name": "Lee",
           "cell_phone": "(212) 555-0142", "do_not_text": "Y"}
    header = FIELDS
    for n in (1, 2):  # the second run: the same flag, nothing new
        sync_dms(database, manager, write_export(tmp_path / f"e{n}.csv", [row], header=header))
    assert len(_records(database)) == 2
    from tests.sync.conftest import customer
    ann = customer(database, "D1")
    assert ann.phones[0].do_not_text
    set_consent(database.unit_of_work(), manager, ann.phones[0].id,
                said(Channel.TEXT, IN, TRANSACTIONAL, how=ConsentHow.SIGNED_FORM))
    sync_dms(database, manager, write_export(tmp_path / "e3.csv", [row], header=header))
    assert len(_records(database)) == 3
    assert not customer(database, "D1").phones[0].do_not_text
