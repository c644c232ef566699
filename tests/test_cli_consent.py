"""contact-desk consent: what a customer said about calls, texts or emails to one value,
recorded as the window records it; every mistake a clear line, exit 2, nothing written."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from contact_desk.cli import main
from contact_desk.domain.enums import ContactKind
from contact_desk.services import contact_info
from contact_desk.services.customers import create_customer
from contact_desk.store.consent import ConsentRow
from contact_desk.store.database import open_database
from tests.conftest import first_manager


@pytest.fixture
def desk(tmp_path) -> str:
    path = str(tmp_path / "desk.sqlite3")
    database = open_database(path, create=True)
    manager = first_manager(database)
    ann = create_customer(database.unit_of_work(), manager, first_name="Ann", last_name="Lee",
                          customer_number="C1")
    for kind, value in ((ContactKind.PHONE, "(312) 555-0142"),
                        (ContactKind.EMAIL, "ann@example.com")):
        contact_info.add_contact_point(database.unit_of_work(), manager, ann, kind, value)
    database.dispose()
    return path


def records(path: str) -> list[ConsentRow]:
    database = open_database(path)
    with database.sessions() as session:
        rows = session.scalars(select(ConsentRow).order_by(ConsentRow.id)).all()
    database.dispose()
    return rows


def run(capsys, *argv):
    try:
        code = main(list(argv))
    except SystemExit as stopped:  # argparse's own refusal of a choice
        code = stopped.code
    out, err = capsys.readouterr()
    return code, out, err


def test_a_signed_form_opt_in_is_recorded_with_its_file(desk, tmp_path, capsys):
    scan = tmp_path / "signed form.pdf"
    scan.write_bytes(b"%PDF-1.4 a signature")
    code, out, err = run(capsys, "--database", desk, "consent", "C1", "312.555.0142",
                         "--channel", "text", "--purpose", "marketing", "--state", "opted-in",
                         "--how", "signed-form", "--evidence", str(scan), "--json")
    assert code == 0, err
    said = json.loads(out)
    assert said["value"] == "+13125550142" and said["recorded"] == 1
    assert said["consent"]["text/marketing"] == "Opted in"
    assert said["consent"]["text/transactional"] == "Not asked"
    [row] = records(desk)
    assert (row.evidence_file_name, row.evidence_file, row.evidence_content_type) == (
        "signed form.pdf", b"%PDF-1.4 a signature", "application/pdf")


def test_the_words_say_what_was_recorded_and_what_holds_now(desk, capsys):
    code, out, _ = run(capsys, "--database", desk, "consent", "C1", "ann@example.com",
                       "--channel", "email", "--purpose", "both", "--state", "opted-out",
                       "--how", "desk", "--note", "Asked at the service counter")
    assert code == 0
    assert out.splitlines()[0] == ("Recorded for ann@example.com: email (transactional and "
                                   "marketing) opted out, verbally at the desk.")
    assert "email/marketing" in out and "Opted out" in out
    assert [r.evidence_note for r in records(desk)] == ["Asked at the service counter"] * 2


@pytest.mark.parametrize(("argv", "said"), [
    (["C1", "ann@example.com", "--channel", "text"], "An email address has no text consent"),
    (["C1", "(312) 555-0142", "--channel", "email"], "A phone number has no email consent"),
    (["C1", "(312) 555-0199", "--channel", "text"], "is not one of Ann Lee's phones"),
    (["C9", "(312) 555-0142", "--channel", "text"], "C9"),
    (["C1", "(312) 555-0142", "--channel", "fax"], "invalid choice: 'fax'"),
    (["C1", "(312) 555-0142", "--channel", "text", "--evidence", "/nonexistent/x.pdf"],
     "x.pdf"),
])
def test_a_mistake_is_one_line_exit_2_and_nothing_written(desk, capsys, argv, said):
    full = ["--database", desk, "consent", *argv]
    if "--state" not in full:
        full += ["--purpose", "marketing", "--state", "opted-out", "--how", "desk"]
    code, out, err = run(capsys, *full)
    assert code == 2 and said in err and "Traceback" not in err, err
    assert len(err.strip().splitlines()) == 1, err
    assert records(desk) == []


@pytest.mark.parametrize(("flag", "bad"), [("--state", "maybe"), ("--purpose", "sales"),
                                          ("--how", "text-reply"), ("--how", "migrated")])
def test_an_unknown_state_purpose_or_how_is_refused(desk, capsys, flag, bad):
    argv = {"--channel": "text", "--purpose": "marketing", "--state": "opted-out",
            "--how": "desk", flag: bad}
    code, _, err = run(capsys, "--database", desk, "consent", "C1", "(312) 555-0142",
                       *[part for pair in argv.items() for part in pair])
    assert code == 2 and bad in err
    assert records(desk) == []


def test_a_file_too_large_is_refused(desk, tmp_path, capsys):
    big = tmp_path / "scan.tif"
    big.write_bytes(b"0" * (10 * 2**20 + 1))
    code, _, err = run(capsys, "--database", desk, "consent", "C1", "(312) 555-0142",
                       "--channel", "text", "--purpose", "marketing", "--state", "opted-in",
                       "--how", "signed-form", "--evidence", str(big))
    assert code == 2 and "at most 10 MB" in err
    assert records(desk) == []


def test_suppress_then_recipients_then_unsuppress(desk, capsys):
    code, out, err = run(capsys, "--database", desk, "suppress", "C1", "--message",
                         "scheduling", "--reason", "moved abroad", "--json")
    assert code == 0, err
    made = json.loads(out)
    assert (made["message"], made["reason"], made["until"]) == ("scheduling", "moved abroad",
                                                                None)
    code, out, _ = run(capsys, "--database", desk, "recipients", "C1", "--message",
                       "scheduling", "--at", "2026-03-03T12:00:00-05:00", "--json")
    found = json.loads(out)
    assert found["suppressed"] == "Scheduling suppressed: moved abroad"
    assert not any(r["included"] for r in found["recipients"])
    code, out, _ = run(capsys, "--database", desk, "unsuppress", str(made["id"]))
    assert code == 0 and "lifted" in out
    code, out, _ = run(capsys, "--database", desk, "recipients", "C1", "--message",
                       "scheduling", "--at", "2026-03-03T12:00:00-05:00", "--json")
    assert any(r["included"] for r in json.loads(out)["recipients"])


@pytest.mark.parametrize(("argv", "said"), [
    (["suppress", "C1", "--message", "scheduling", "--reason", "x", "--until", "2020-01-01"],
     "has passed"),
    (["suppress", "C1", "--message", "scheduling", "--reason", "x", "--until", "soon"],
     "not a day"),
    (["suppress", "C1", "--message", "scheduling", "--reason", "x", "--vin",
      "1HGCM82633A004352"], "no vehicle with the VIN"),
    (["suppress", "C1", "--message", "faxes", "--reason", "x"], "invalid choice"),
    (["unsuppress", "99"], "no longer exists"),
])
def test_a_bad_suppression_is_one_line_and_exit_2(desk, capsys, argv, said):
    code, _, err = run(capsys, "--database", desk, *argv)
    assert code == 2 and said in err, err
    assert len(err.strip().splitlines()) == 1


def test_duplicates_scans_and_lists_pairs_as_json(desk, capsys):
    database = open_database(desk)
    manager = first_manager(database)
    twin = create_customer(database.unit_of_work(), manager, first_name="Anne", last_name="Lee",
                           customer_number="C2")
    contact_info.add_contact_point(database.unit_of_work(), manager, twin, ContactKind.PHONE,
                                   "312 555 0142")
    database.dispose()
    code, out, err = run(capsys, "--database", desk, "duplicates", "--json")
    assert code == 0, err
    [pair] = json.loads(out)
    assert pair["customers"] == ["C1", "C2"] and pair["score"] > 0
    assert pair["reasons"] == ["same mobile (312) 555-0142", "names Ann Lee / Anne Lee"]
    code, out, _ = run(capsys, "--database", desk, "duplicates", "--no-scan")
    assert out.splitlines() == ["C1 (Ann Lee) / C2 (Anne Lee)  score 65: same mobile "
                                "(312) 555-0142; names Ann Lee / Anne Lee"]
