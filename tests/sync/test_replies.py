"""Importing the texting provider's replies: a STOP or START becomes the number's consent
records with the message as evidence; every customer holding the number gets them; the same
file again changes nothing; bad rows are reported and write nothing; a file that is not a
reply export is refused whole."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import select

from contact_desk.domain.consent import ConsentHow, ConsentState, Purpose
from contact_desk.domain.enums import Channel, ContactKind
from contact_desk.domain.errors import InvalidValue, PermissionDenied
from contact_desk.domain.incoming import IncomingKind
from contact_desk.services import contact_info
from contact_desk.services.consent import add_records, summary_of
from contact_desk.services.customers import get_customer
from contact_desk.store.consent import ConsentRow
from contact_desk.store.incoming_lock import IncomingRunning, one_at_a_time
from contact_desk.sync.replies import BATCH, FIELDS, import_replies
from contact_desk.sync.reply_report import ReplyOutcome
from tests.consent import said
from tests.sync.conftest import write_export

ANN_CELL, HOUSEHOLD, NOBODY = "+13125550142", "+13125550100", "+12125550199"
OUT, IN, DNC = ConsentState.OPTED_OUT, ConsentState.OPTED_IN, ConsentState.DO_NOT_CONTACT
MARCH_1 = "2026-03-01T09:30:00-05:00"
MARCH_2 = "2026-03-02T09:30:00-05:00"


@pytest.fixture
def customers(database, manager, new_customer) -> dict[str, int]:
    """Ann with her cell and the household's home phone; Bo, her husband, with the home
    phone only."""
    ann = new_customer(customer_number="C1")
    bo = new_customer("Bo", "Lee", customer_number="C2")
    for customer, phone in ((ann, "(312) 555-0142"), (ann, "(312) 555-0100"),
                            (bo, "(312) 555-0100")):
        contact_info.add_contact_point(database.unit_of_work(), manager, customer,
                                       ContactKind.PHONE, phone)
    return {"ann": ann, "bo": bo}


@pytest.fixture
def replies(tmp_path: Path):
    """``replies(rows, header=FIELDS)``: a provider's export, a new file each time."""
    made = iter(range(1, 1000))

    def write(rows, header=FIELDS, **options) -> Path:
        rows = [dict(zip(("from", "text", "received_at"), row)) if isinstance(row, tuple)
                else row for row in rows]
        return write_export(tmp_path / f"replies-{next(made)}.csv", rows, header, **options)

    return write


def texts(database, number: str) -> tuple[ConsentState, ConsentState]:
    """The number's (transactional, marketing) text consent."""
    with database.sessions() as session:
        summary = summary_of(session, ContactKind.PHONE, number)
    return (summary.state(Channel.TEXT, Purpose.TRANSACTIONAL),
            summary.state(Channel.TEXT, Purpose.MARKETING))


def records(database) -> list[ConsentRow]:
    with database.sessions() as session:
        return session.scalars(select(ConsentRow).order_by(ConsentRow.id)).all()


def test_a_stop_opts_the_number_out_of_every_text_with_the_message_as_evidence(
        database, manager, customers, replies, audit_trail):
    report = import_replies(database, manager, replies([("(312) 555-0142", "Stop please",
                                                         MARCH_1)]))
    assert report.count(ReplyOutcome.OPTED_OUT) == 1
    assert texts(database, ANN_CELL) == (OUT, OUT)
    rows = records(database)
    assert [(r.channel, r.purpose, r.state, r.how, r.evidence_note, r.customer_id)
            for r in rows] == [
        (Channel.TEXT, purpose, OUT, ConsentHow.TEXT_REPLY, "Stop please", customers["ann"])
        for purpose in (Purpose.TRANSACTIONAL, Purpose.MARKETING)]
    assert {r.recorded_at for r in rows} == {datetime(2026, 3, 1, 14, 30, tzinfo=timezone.utc)}
    assert len({r.source_key for r in rows if r.source_key}) == 1
    history = audit_trail(customer_id=customers["ann"], field="text_marketing")
    assert [(e.old, e.new) for e in history] == [("NOT_ASKED", "OPTED_OUT")]
    assert "Text reply; Stop please" in history[0].reason
    assert report.customer_ids == {customers["ann"]}
    assert get_customer(database.unit_of_work(), customers["ann"]).phones[0].do_not_text


def test_a_stop_then_a_start_leaves_transactional_texts_in_and_marketing_out(
        database, manager, customers, replies):
    # In either order in the file: the time each reply came decides.
    report = import_replies(database, manager, replies([
        (ANN_CELL, "START", MARCH_2), (ANN_CELL, "STOP", MARCH_1)]))
    assert texts(database, ANN_CELL) == (IN, OUT)
    assert (report.count(ReplyOutcome.OPTED_IN), report.count(ReplyOutcome.OPTED_OUT)) == (1, 1)
    # The STOP imported second is older than the START: it stands for marketing texts only.
    assert [r.still for r in report.replies] == [
        "", "transactional texts stay opted in by START reply on 2026-03-02"]


def test_a_start_lifts_no_do_not_contact(database, manager, customers, replies):
    with database.unit_of_work() as uow:
        add_records(uow.session, manager, ContactKind.PHONE, ANN_CELL,
                    said(Channel.TEXT, DNC, note="Asked never to be contacted"),
                    at=datetime(2026, 1, 5, tzinfo=timezone.utc))
        uow.commit()
    report = import_replies(database, manager, replies([(ANN_CELL, "UNSTOP", MARCH_1)]))
    assert texts(database, ANN_CELL) == (DNC, DNC)
    (reply,) = report.replies
    assert reply.recorded and reply.still.startswith(
        "transactional texts stay marked do not contact by the customer at the desk")
    assert "an opt-out or 'do not contact' stands" in report.summary()


def test_an_old_stop_imported_late_does_not_undo_a_newer_opt_in(
        database, manager, customers, replies):
    with database.unit_of_work() as uow:
        add_records(uow.session, manager, ContactKind.PHONE, ANN_CELL,
                    said(Channel.TEXT, IN, how=ConsentHow.SIGNED_FORM),
                    at=datetime(2026, 4, 1, tzinfo=timezone.utc))
        uow.commit()
    report = import_replies(database, manager, replies([(ANN_CELL, "STOP", MARCH_1)]))
    assert texts(database, ANN_CELL) == (IN, IN)
    assert report.replies[0].still == ("transactional texts stay opted in by signed form on "
                                       "2026-04-01")


def test_the_same_file_again_changes_nothing_at_all(database, manager, customers, replies,
                                                     stored):
    path = replies([(ANN_CELL, "STOP", MARCH_1), (ANN_CELL, "START", MARCH_2),
                    (NOBODY, "Quit", MARCH_1), (HOUSEHOLD, "HELP", MARCH_1),
                    (ANN_CELL, "Thanks!", MARCH_1), ("555", "STOP", MARCH_1)])
    import_replies(database, manager, path)
    before = stored()
    again = import_replies(database, manager, path)
    assert stored() == before
    assert again.count(ReplyOutcome.ALREADY_IMPORTED) == 3
    assert "Already imported: 3" in again.summary()
    assert again.customer_ids == frozenset()
    # The same replies exported again with their times in another offset are the same ones.
    shifted = replies([(ANN_CELL, "STOP", "2026-03-01T14:30:00Z")])
    assert import_replies(database, manager, shifted).count(ReplyOutcome.ALREADY_IMPORTED) == 1
    assert stored() == before


def test_a_stop_from_a_number_no_customer_has_is_kept_for_the_number(
        database, manager, customers, replies, new_customer):
    report = import_replies(database, manager, replies([(NOBODY, "CANCEL", MARCH_1)]))
    (reply,) = report.replies
    assert reply.outcome is ReplyOutcome.NO_CUSTOMER and reply.recorded
    assert "Numbers no customer has: 1 (1 STOP recorded for the number)" in report.summary()
    assert [r.customer_id for r in records(database)] == [None, None]
    later = new_customer("Cy", "Diaz", customer_number="C3")
    contact_info.add_contact_point(database.unit_of_work(), manager, later, ContactKind.PHONE,
                                   "(212) 555-0199")
    assert get_customer(database.unit_of_work(), later).phones[0].do_not_text


def test_a_start_or_help_from_a_number_no_customer_has_is_only_reported(
        database, manager, customers, replies, stored):
    before = stored()
    report = import_replies(database, manager, replies([(NOBODY, "START", MARCH_1),
                                                        (NOBODY, "help", MARCH_1)]))
    assert [(r.outcome, r.recorded) for r in report.replies] == [
        (ReplyOutcome.NO_CUSTOMER, False)] * 2
    assert stored() == before


def test_a_household_number_opts_out_everyone_who_has_it(database, manager, customers,
                                                          replies, audit_trail):
    report = import_replies(database, manager, replies([("312-555-0100", "END", MARCH_1)]))
    assert report.customer_ids == {customers["ann"], customers["bo"]}
    for name in ("ann", "bo"):
        view = get_customer(database.unit_of_work(), customers[name])
        home = next(p for p in view.phones if p.value == HOUSEHOLD)
        assert home.do_not_text
        assert audit_trail(customer_id=customers[name], field="text_transactional")
    assert {r.customer_ids for r in report.replies} == {(customers["ann"], customers["bo"])}
    assert "C1 (Ann Lee), C2 (Bo Lee)" in report.details()[0]


def test_help_and_other_replies_are_reported_and_record_nothing(
        database, manager, customers, replies, stored):
    before = stored()
    report = import_replies(database, manager, replies([
        (ANN_CELL, "HELP", MARCH_1), (ANN_CELL, "Info?", MARCH_1),
        (ANN_CELL, "please stop", MARCH_1), (ANN_CELL, "See you Tuesday", MARCH_1),
        (ANN_CELL, "Yes, but stop texting", MARCH_1)]))
    assert stored() == before
    assert [r.outcome for r in report.replies] == [ReplyOutcome.HELP] * 2 + [
        ReplyOutcome.NOT_A_KEYWORD] * 3
    assert "Not keywords: 3 (2 with an opt-out word further in, to read)" in report.summary()
    assert len(report.details()) == 4  # the plain "See you Tuesday" is counted, not listed


def test_bad_rows_are_reported_by_line_and_write_nothing(database, manager, customers,
                                                         replies, stored):
    later = (datetime.now(timezone.utc) + timedelta(days=2)).isoformat()
    before = stored()
    report = import_replies(database, manager, replies([
        ("555", "STOP", MARCH_1),
        ("", "STOP", MARCH_1),
        (ANN_CELL, "  ", MARCH_1),
        (ANN_CELL, "STOP", "2026-03-01 09:30"),
        (ANN_CELL, "STOP", "yesterday"),
        (ANN_CELL, "STOP", ""),
        (ANN_CELL, "STOP", later),
        ("(312) 555-0142 ext. 7", "STOP", MARCH_1),
    ]))
    assert stored() == before
    assert report.replies == ()
    reasons = {bad.line: bad.reason for bad in report.bad_rows}
    assert list(reasons) == [2, 3, 4, 5, 6, 7, 8, 9]
    assert reasons[2].startswith("from: '555' is not a valid phone number")
    assert reasons[3].startswith("from: the number the reply came from is missing")
    assert reasons[4] == "text: the reply's message is missing"
    assert "has no UTC offset" in reasons[5] and "not an ISO-8601 time" in reasons[6]
    assert reasons[7].startswith("received_at: missing") and "later than now" in reasons[8]
    assert "extension" in reasons[9]
    assert all("the text is an opt-out" in reasons[line] for line in (2, 3, 5, 6, 7, 8, 9))
    assert "Bad rows: 8 (lines 2, 3, 4, 5, 6, 7, 8, 9)" in report.summary()


def test_a_good_row_among_bad_ones_is_imported(database, manager, customers, replies):
    path = replies([("555", "STOP", MARCH_1), (ANN_CELL, "STOP", MARCH_1)])
    with path.open("a", encoding="utf-8") as file:
        file.write(f"{ANN_CELL},STOP,{MARCH_1},extra\n")  # a line with a value too many
    report = import_replies(database, manager, path)
    assert [bad.line for bad in report.bad_rows] == [2, 4]
    assert "header has 3 columns" in report.bad_rows[1].reason
    assert texts(database, ANN_CELL) == (OUT, OUT)


@pytest.mark.parametrize("content, said", [
    (b"number,text,received_at\n+13125550142,STOP,2026-03-01T09:30:00Z\n", "'from' among them"),
    (b"from,message,received_at\n+13125550142,STOP,2026-03-01T09:30:00Z\n", "no 'text' column"),
    (b"from,text\n+13125550142,STOP\n", "no 'received_at' column"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00", "neither UTF-8"),
    (b"", "is empty"),
    ("from,text,received_at\n".encode("utf-32"), "UTF-32"),
])
def test_a_file_that_is_not_a_reply_export_is_refused_whole(
        database, manager, customers, tmp_path, refused, content, said):
    path = tmp_path / "replies.csv"
    path.write_bytes(content)
    with refused(InvalidValue, said):
        import_replies(database, manager, path)


def test_a_mapping_file_renames_the_provider_s_columns(database, manager, customers, replies,
                                                       tmp_path):
    mapping = tmp_path / "provider.toml"
    mapping.write_text('delimiter = ";"\n[columns]\nfrom = "Sender"\ntext = "Body"\n'
                       'received_at = "Received (UTC)"\n', encoding="utf-8")
    path = replies([{"Sender": "(312) 555-0142", "Body": "Unsubscribe",
                     "Received (UTC)": MARCH_1}],
                   header=("Received (UTC)", "Sender", "Body"), delimiter=";")
    report = import_replies(database, manager, path, mapping=mapping)
    assert report.count(ReplyOutcome.OPTED_OUT) == 1
    assert texts(database, ANN_CELL) == (OUT, OUT)
    with pytest.raises(InvalidValue, match="'Sender' among them"):
        import_replies(database, manager, replies([(ANN_CELL, "STOP", MARCH_1)]),
                       mapping=mapping)


def test_a_mapping_s_region_reads_numbers_without_a_country_code(
        database, manager, new_customer, replies, tmp_path):
    london = new_customer("Ann", "Lee", customer_number="C1")
    contact_info.add_contact_point(database.unit_of_work(), manager, london, ContactKind.PHONE,
                                   "+44 7911 123456")
    mapping = tmp_path / "uk.toml"
    mapping.write_text('region = "GB"\n', encoding="utf-8")
    import_replies(database, manager, replies([("07911 123456", "STOP", MARCH_1)]),
                   mapping=mapping)
    assert texts(database, "+447911123456") == (OUT, OUT)


@pytest.mark.parametrize("mapping, said", [
    ('[columns]\ncustomer_number = "From"\n', "fields the desk does not know"),
    ('date_format = "%m/%d/%Y"\n', "may hold only columns, delimiter, region"),
    ("[columns\n", "not valid TOML"),
])
def test_a_mapping_file_the_reply_import_cannot_use_is_refused(
        database, manager, customers, replies, tmp_path, refused, mapping, said):
    path = tmp_path / "provider.toml"
    path.write_text(mapping, encoding="utf-8")
    with refused(InvalidValue, said):
        import_replies(database, manager, replies([(ANN_CELL, "STOP", MARCH_1)]), mapping=path)


def test_a_spreadsheet_s_unicode_text_is_read_as_the_dms_export_is(
        database, manager, customers, replies):
    path = replies([(ANN_CELL, "STOP ✋", MARCH_1)], encoding="utf-16", delimiter="\t")
    report = import_replies(database, manager, path)
    assert report.count(ReplyOutcome.OPTED_OUT) == 1
    assert records(database)[0].evidence_note == "STOP ✋"


def test_cancel_keeps_the_batches_done_and_says_how_many(database, manager, customers,
                                                         replies):
    rows = [(ANN_CELL, f"STOP {n}", MARCH_1) for n in range(3 * BATCH)]
    path = replies(rows)
    seen = []
    report = import_replies(database, manager, path, progress=lambda *at: seen.append(at),
                            cancelled=lambda: True)
    assert seen == [(BATCH, 3 * BATCH)]
    assert (report.rows_read, report.rows_in_file, report.cancelled) == (BATCH, 3 * BATCH, True)
    assert report.summary().startswith(f"Cancelled after {BATCH} of {3 * BATCH} rows")
    assert len(records(database)) == 2 * BATCH
    rest = import_replies(database, manager, path)
    assert not rest.cancelled
    assert rest.count(ReplyOutcome.ALREADY_IMPORTED) == BATCH
    assert rest.count(ReplyOutcome.OPTED_OUT) == 2 * BATCH
    assert len(records(database)) == 6 * BATCH


def test_it_waits_for_no_other_import_and_writes_nothing_while_one_runs(
        database, manager, customers, replies, refused):
    path = replies([(ANN_CELL, "STOP", MARCH_1)])
    with one_at_a_time(database, manager, IncomingKind.DMS_SYNC, "export.csv"):
        with refused(IncomingRunning, "DMS sync of export.csv is already running"):
            import_replies(database, manager, path)


def test_a_clerk_may_not_import_replies(database, clerk, customers, replies, refused):
    with refused(PermissionDenied):
        import_replies(database, clerk, replies([(ANN_CELL, "STOP", MARCH_1)]))


def test_the_run_is_named_while_it_runs(database, manager, customers, replies):
    """Another desk is told a text reply import is running, not some other kind."""
    assert IncomingKind.REPLY_IMPORT.label == "text reply import"
    path = replies([(ANN_CELL, "STOP", MARCH_1)])
    with one_at_a_time(database, manager, IncomingKind.REPLY_IMPORT, path.name):
        with pytest.raises(IncomingRunning, match=f"text reply import of {path.name}"):
            import_replies(database, manager, path)
