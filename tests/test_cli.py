"""The command line: the JSON contract scripts rely on, set-primary, search, recipients,
and clean errors."""

from __future__ import annotations

import csv
import errno
import json
import os
import re
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from contact_desk.services import contact_info
from contact_desk.cli import main
from contact_desk.domain.enums import CommunicationPreference, ContactKind, ContactRole
from contact_desk.services.additional_contacts import add_contact
from contact_desk.services.customers import create_customer
from contact_desk.store.database import open_database
from contact_desk.services.forms import ContactForm
from tests.conftest import first_manager

SHOW_KEYS = {"customer_number", "first_name", "last_name", "company", "phones", "emails",
             "contacts"}
POINT_KEYS = {"type", "value", "display", "primary", "status", "status_date"}
CONTACT_KEYS = {"first_name", "last_name", "role", "email", "phone", "primary_contact",
                "portal_access", "preferences"}


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("cli") / "desk.sqlite3"
    assert main(["--database", str(path), "demo", "--customers", "30"]) == 0
    return str(path)


def new_desk(path: Path) -> str:
    """An empty desk database at ``path``, as ``init`` makes one."""
    open_database(str(path), create=True).dispose()
    return str(path)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def show_json(capsys: pytest.CaptureFixture[str], url: str, customer: str) -> dict:
    code, out, err = run(capsys, "--database", url, "show", customer, "--json")
    assert code == 0, err
    return json.loads(out)


def test_show_json_has_the_documented_keys(demo_url, capsys):
    data = show_json(capsys, demo_url, "C100001")
    assert SHOW_KEYS <= data.keys()
    assert data["customer_number"] == "C100001"
    assert data["phones"] and data["emails"]
    for point in data["phones"] + data["emails"]:
        assert POINT_KEYS <= point.keys()
        assert point["status"] in {"Active", "Inactive", "Invalid"}
        assert len(point["status_date"]) == 10 and point["status_date"][4] == "-"
    assert all(p["value"].startswith("+") for p in data["phones"])
    assert sum(p["primary"] for p in data["phones"]) == 1
    assert sum(e["primary"] for e in data["emails"]) == 1


def test_show_json_lists_additional_contacts(demo_url, capsys):
    with_contacts = None
    for number in range(1, 11):
        data = show_json(capsys, demo_url, f"C1000{number:02d}")
        if data["contacts"]:
            with_contacts = data
            break
    assert with_contacts is not None, "the demo showcase should have a customer with contacts"
    for contact in with_contacts["contacts"]:
        assert CONTACT_KEYS <= contact.keys()
        assert isinstance(contact["preferences"], list)


def test_show_without_json_prints_a_readable_card(demo_url, capsys):
    code, out, _ = run(capsys, "--database", demo_url, "show", "C100001")
    assert code == 0
    assert "Phones:" in out and "Emails:" in out and "(* = primary)" in out


def test_set_primary_by_phone_in_any_format_moves_the_primary(demo_url, capsys):
    data = show_json(capsys, demo_url, "C100002")
    candidates = [p for p in data["phones"] if not p["primary"] and p["status"] == "Active"]
    if not candidates:
        pytest.fail("C100002 should have a second active phone in the demo data")
    target = candidates[0]
    digits = "".join(ch for ch in target["display"] if ch.isdigit())
    code, out, err = run(capsys, "--database", demo_url, "set-primary", "C100002", digits)
    assert code == 0, err
    assert "is now the primary" in out
    after = show_json(capsys, demo_url, "C100002")
    primaries = [p["value"] for p in after["phones"] if p["primary"]]
    assert primaries == [target["value"]]


def test_set_primary_refuses_an_inactive_value(demo_url, capsys):
    for number in range(1, 11):
        data = show_json(capsys, demo_url, f"C1000{number:02d}")
        inactive = [p for p in data["phones"] if p["status"] != "Active"]
        if inactive:
            break
    else:
        pytest.fail("the demo showcase should hold an inactive phone")
    before = data["phones"]
    code, out, err = run(capsys, "--database", demo_url, "set-primary",
                         data["customer_number"], inactive[0]["value"])
    assert code == 2
    assert err.startswith("contact-desk: ") and err.count("\n") == 1
    assert show_json(capsys, demo_url, data["customer_number"])["phones"] == before


def test_search_finds_by_phone_digits_and_by_name(demo_url, capsys):
    data = show_json(capsys, demo_url, "C100003")
    phone = next(p for p in data["phones"] if p["primary"])
    national = "".join(ch for ch in phone["display"] if ch.isdigit())[-10:]
    partial = f"({national[:3]}) {national[3:5]}"  # the start, typed as the clerk hears it
    code, out, _ = run(capsys, "--database", demo_url, "search", partial, "--json")
    assert code == 0
    assert "C100003" in {hit["customer_number"] for hit in json.loads(out)}
    code, out, _ = run(capsys, "--database", demo_url, "search", data["last_name"][:4].lower(),
                       "--json")
    hits = json.loads(out)
    assert "C100003" in {hit["customer_number"] for hit in hits}
    assert {"id", "customer_number", "name", "primary_phone", "primary_email"} <= hits[0].keys()


def test_search_without_matches_says_so(demo_url, capsys):
    code, out, _ = run(capsys, "--database", demo_url, "search", "zzzznobody")
    assert code == 0 and "No customer matches" in out


def test_demo_refuses_a_filled_database_unless_asked_to_leave_it(demo_url, capsys):
    code, _, err = run(capsys, "--database", demo_url, "demo")
    assert code == 2 and "already has 30 customers" in err
    code, out, _ = run(capsys, "--database", demo_url, "demo", "--if-empty")
    assert code == 0 and "left as it is" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["show", "NOPE-1"], "No customer"),
        (["set-primary", "C100001", "555-01"], "phone"),
        (["set-primary", "C100001", "not-an-email@"], "email"),
    ],
)
def test_errors_are_one_line_with_exit_code_2(demo_url, argv, message):
    """Run as a real process: no traceback reaches the clerk, only one plain line."""
    env = dict(os.environ, CONTACT_DESK_LOG_DIR=str(Path(demo_url).parent / "logs"))
    result = subprocess.run(
        [sys.executable, "-m", "contact_desk", "--database", demo_url, *argv],
        capture_output=True, text=True, env=env, timeout=60,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert message.lower() in result.stderr.lower()


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["demo", "--customers", "0"])
    assert stopped.value.code == 2


RECIPIENT_KEYS = {"customer_id", "customer_number", "customer_name", "message_type",
                  "message_label", "recipients"}
PERSON_KEYS = {"who", "role", "channel", "address", "shown", "included", "reason"}


@pytest.fixture(scope="module")
def ann_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Ann Lee (C1): a mobile whose text consent was never asked, an email, a bookkeeper
    for the paperwork and a spouse without an email."""
    path = tmp_path_factory.mktemp("recipients") / "desk.sqlite3"
    database = open_database(str(path), create=True)
    manager = first_manager(database)
    ann = create_customer(database.unit_of_work(), manager, first_name="Ann", last_name="Lee",
                          customer_number="C1")
    for kind, value in ((ContactKind.PHONE, "(212) 555-0142"),
                        (ContactKind.EMAIL, "ann@example.com")):
        contact_info.add_contact_point(database.unit_of_work(), manager, ann, kind, value)
    add_contact(
        database.unit_of_work(),
        manager,
        ann,
        ContactForm(
            first_name="Bo",
            last_name="Diaz",
            role=ContactRole.BOOKKEEPER,
            email="bo@example.com",
            preferences=[
                CommunicationPreference.CONTRACTS,
                CommunicationPreference.INVOICES,
                CommunicationPreference.ESTIMATES,
            ],
        ),
    )
    add_contact(
        database.unit_of_work(),
        manager,
        ann,
        ContactForm(
            first_name="Cy",
            last_name="Lee",
            role=ContactRole.SPOUSE,
            preferences=list(CommunicationPreference),
        ),
    )
    database.dispose()
    return str(path)


@pytest.mark.parametrize(
    ("message", "receives"),
    [
        ("text-reminder", [("Ann Lee", "Text")]),
        ("email-reminder", [("Ann Lee", "Email")]),
        ("registration", [("Ann Lee", "Email")]),
        ("payment-confirmation", [("Ann Lee", "Email"), ("Ann Lee", "Text")]),
        ("scheduling", [("Ann Lee", "Text"), ("Ann Lee", "Email")]),
        ("car-updates", [("Ann Lee", "Text"), ("Ann Lee", "Email")]),
        ("contracts", [("Ann Lee", "Email"), ("Bo Diaz", "Email")]),
        ("invoices", [("Ann Lee", "Email"), ("Bo Diaz", "Email")]),
        ("estimates", [("Ann Lee", "Email"), ("Bo Diaz", "Email")]),
        ("marketing", [("Ann Lee", "Email")]),
    ],
)
def test_recipients_json_lists_everyone_considered(ann_url, capsys, message, receives):
    code, out, err = run(
        capsys, "--database", ann_url, "recipients", "C1", "--message", message, "--json"
    )
    assert code == 0, err
    data = json.loads(out)
    assert RECIPIENT_KEYS <= data.keys()
    assert (data["customer_number"], data["message_type"]) == ("C1", message)
    assert all(PERSON_KEYS <= person.keys() for person in data["recipients"])
    assert [(p["who"], p["channel"]) for p in data["recipients"] if p["included"]] == receives
    left_out = [p for p in data["recipients"] if not p["included"]]
    assert {p["who"] for p in left_out} >= {"Cy Lee"}  # no email: never reached
    assert all(p["reason"] for p in left_out)


def test_recipients_prints_who_receives_then_who_is_left_out_and_why(ann_url, capsys):
    code, out, _ = run(capsys, "--database", ann_url, "recipients", "C1", "--message", "marketing",
                       "--at", "2026-03-03T12:00:00-05:00")
    assert code == 0
    assert out.splitlines() == [
        "Marketing for Ann Lee (C1):",
        "  Email  Ann Lee (Customer)  ann@example.com",
        "Left out:",
        "  Text   Ann Lee (Customer): (212) 555-0142: No opt-in to marketing texts on record",
        "  Email  Bo Diaz (Bookkeeper): not subscribed to Marketing",
        "  Email  Cy Lee (Spouse): subscribed to Marketing but has no email address",
    ]


def test_recipients_refuses_an_unknown_message_type_and_customer(ann_url, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["--database", ann_url, "recipients", "C1", "--message", "newsletter"])
    assert stopped.value.code == 2
    assert "invalid choice: 'newsletter'" in capsys.readouterr().err
    code, _, err = run(capsys, "--database", ann_url, "recipients", "C404", "--message", "invoices")
    assert code == 2
    assert err == "contact-desk: No customer has the number or id 'C404'.\n"


# ---------------------------------------------------------------- sync, import, export

DMS_HEADER = (
    "customer_number,first_name,last_name,company,cell_phone,home_phone,work_phone,"
    "email,birth_date,address_line1,city,state,postal_code,vin,vehicle_year,"
    "vehicle_make,vehicle_model\n"
)
FORMULA = "=cmd|' /C calc'!A0"


@pytest.fixture
def sync_files(tmp_path: Path) -> tuple[str, Path]:
    """An empty desk, and a DMS export with two good rows and three bad ones."""
    export = tmp_path / "export.csv"
    export.write_text(
        DMS_HEADER
        + "C1,Ann,Lee,,(212) 555-0142,,,ann@example.com,,,,,,,,,\n"
        + f'C2,"{FORMULA}",Ray,,,,,bo@example.com,,,,,,,,,\n'
        + f'"{FORMULA}",Cy,Doe,,555,,,,,,,,,,,,\n'
        + "C4,Di,Poe,,,,,not-an-email,,,,,,,,,\n"
        + ",No,Number,,,,,,,,,,,,,,\n",
        encoding="utf-8",
    )
    return new_desk(tmp_path / "desk.sqlite3"), export


def test_sync_dms_reports_counts_and_skipped_rows_and_exits_0(sync_files, tmp_path, capsys):
    url, export = sync_files
    report = tmp_path / "bad.csv"
    code, out, err = run(
        capsys, "--database", url, "sync", "dms", str(export), "--report", str(report)
    )
    assert code == 0
    assert "5 rows read: 2 customers created" in out and "3 rows skipped" in out
    assert "3 rows skipped:" in err and "line 4" in err and "line 6: no customer number" in err
    with report.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    assert rows[0] == ["line", "customer_number", "reason"]
    assert rows[1][:2] == ["4", "'" + FORMULA]  # escaped for the spreadsheet
    assert [row[0] for row in rows[1:]] == ["4", "5", "6"]
    # ...while the database keeps the value as it came
    assert show_json(capsys, url, "C2")["first_name"] == FORMULA


def test_sync_dms_dry_run_keeps_nothing(sync_files, capsys):
    url, export = sync_files
    code, out, _ = run(capsys, "--database", url, "sync", "dms", str(export), "--dry-run")
    assert code == 0 and out.startswith("Dry run, nothing was saved: 5 rows read")
    code, _, err = run(capsys, "--database", url, "show", "C1")
    assert code == 2 and "No customer" in err


def test_sync_dms_exits_2_when_the_file_cannot_be_read(tmp_path, capsys):
    broken = tmp_path / "export.csv"
    broken.write_bytes("customer_number\nC1\n".encode("utf-32"))
    new_desk(tmp_path / "d.sqlite3")
    code, _, err = run(
        capsys, "--database", str(tmp_path / "d.sqlite3"), "sync", "dms", str(broken)
    )
    assert code == 2 and "UTF-32" in err and err.count("\n") == 1
    code, _, err = run(
        capsys,
        "--database",
        str(tmp_path / "d.sqlite3"),
        "sync",
        "dms",
        str(tmp_path / "missing.csv"),
    )
    assert code == 2 and "cannot be read" in err


def test_sync_dms_takes_a_delimiter(tmp_path, capsys):
    export = tmp_path / "export.csv"
    export.write_text("customer_number;first_name;last_name\nC1;Ann;Lee\n", encoding="utf-8")
    code, out, _ = run(
        capsys,
        "--database",
        new_desk(tmp_path / "d.sqlite3"),
        "sync",
        "dms",
        str(export),
        "--delimiter",
        ";",
    )
    assert code == 0 and "1 customers created" in out


def test_a_progress_bar_is_drawn_on_a_terminal_only(sync_files):
    import pty

    url, export = sync_files
    env = dict(os.environ, CONTACT_DESK_LOG_DIR=str(Path(url).parent / "logs"))
    command = [
        sys.executable,
        "-m",
        "contact_desk",
        "--database",
        url,
        "sync",
        "dms",
        str(export),
        "--dry-run",
    ]
    leader, follower = pty.openpty()
    try:
        result = subprocess.run(
            command, stderr=follower, stdout=subprocess.PIPE, env=env, timeout=60
        )
        os.close(follower)
        drawn = os.read(leader, 65536).decode()
    finally:
        os.close(leader)
    assert result.returncode == 0
    assert "] 5 of 5 rows" in drawn and "[#####" in drawn
    piped = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)
    assert "rows\n" not in piped.stderr and "[#" not in piped.stderr


def test_import_adf_opens_a_deal_and_refuses_entities(tmp_path, capsys):
    url = new_desk(tmp_path / "d.sqlite3")
    lead = tmp_path / "lead.xml"
    lead.write_text(
        "<adf><prospect><customer><contact><name part='full'>Ann Lee</name>"
        "<phone type='cellphone'>212 555 0142</phone></contact></customer>"
        "<provider><name>AutoTrader</name></provider></prospect></adf>",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "--database", url, "import", "adf", str(lead))
    assert code == 0 and out.startswith("Lead from AutoTrader: deal #1 opened for a new customer")

    lead.write_text(
        '<!DOCTYPE adf [<!ENTITY x SYSTEM "file:///etc/passwd">]><adf>&x;</adf>', encoding="utf-8"
    )
    code, _, err = run(capsys, "--database", url, "import", "adf", str(lead))
    assert code == 2 and "entities" in err


def test_export_and_import_vcard(demo_url, tmp_path, capsys):
    cards = tmp_path / "two.vcf"
    code, out, _ = run(
        capsys,
        "--database",
        demo_url,
        "export",
        "vcard",
        str(cards),
        "--customer",
        "C100001",
        "--customer",
        "C100002",
    )
    assert code == 0 and out == f"Wrote 2 cards to {cards}.\n"
    assert cards.read_text(encoding="utf-8").count("VERSION:4.0") == 2

    fresh = new_desk(tmp_path / "fresh.sqlite3")
    code, out, err = run(capsys, "--database", fresh, "import", "vcard", str(cards))
    assert code == 0, err
    assert out.startswith("2 cards read: 2 customers created, 0 matched")
    original = show_json(capsys, demo_url, "C100001")
    imported = show_json(capsys, fresh, "1")
    primary = lambda data: {p["value"] for p in data["phones"] + data["emails"] if p["primary"]}  # noqa: E731
    assert primary(imported) == primary(original)


# Outputs never replace the database or an input; --database mistakes are named


def one_line_refusal(code: int, err: str) -> None:
    assert code == 2 and err.startswith("contact-desk: ") and err.count("\n") == 1, err
    assert "not your fault" not in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("target", "says"),
    [
        ("desk.sqlite3", "is the desk's database"),
        ("desk.sqlite3-wal", "is the desk's database"),
        ("export.csv", "also what this command reads"),
        ("dms.toml", "also what this command reads"),
        ("missing/bad.csv", "the folder .* does not exist"),
    ],
)
def test_a_report_that_would_replace_a_file_or_cannot_be_written_stops_the_sync_first(
    sync_files, tmp_path, capsys, target, says
):
    url, export = sync_files
    mapping = tmp_path / "dms.toml"
    mapping.write_text('[columns]\ncustomer_number = "customer_number"\n', encoding="utf-8")
    kept = export.read_bytes(), mapping.read_bytes()
    code, out, err = run(
        capsys,
        "--database",
        url,
        "sync",
        "dms",
        str(export),
        "--mapping",
        str(mapping),
        "--report",
        str(tmp_path / target),
    )
    one_line_refusal(code, err)
    assert re.search(says, err) and out == ""
    assert (export.read_bytes(), mapping.read_bytes()) == kept
    code, _, err = run(capsys, "--database", url, "show", "C1")
    assert code == 2 and "No customer" in err, "the sync ran although its report was refused"


def test_a_report_that_fails_after_the_sync_says_the_sync_is_saved(
    sync_files, tmp_path, capsys, monkeypatch
):
    url, export = sync_files
    report = tmp_path / "bad.csv"

    def disk_full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("contact_desk.services.files.os.replace", disk_full)
    code, out, err = run(
        capsys, "--database", url, "sync", "dms", str(export), "--report", str(report)
    )
    assert code == 2 and "5 rows read: 2 customers created" in out
    assert err.splitlines()[0] == (
        f"contact-desk: the sync above is saved, but its report was not: {report} cannot be "
        "written: No space left on device. Nothing was replaced."
    )
    assert "--report FILE.csv lists them all" not in err and not report.exists()
    monkeypatch.undo()
    assert show_json(capsys, url, "C1")["customer_number"] == "C1"


def test_an_export_onto_the_database_is_refused_and_the_database_kept(demo_url, capsys):
    code, _, err = run(capsys, "--database", demo_url, "export", "vcard", demo_url)
    one_line_refusal(code, err)
    assert "is the desk's database" in err
    assert show_json(capsys, demo_url, "C100001")["customer_number"] == "C100001"


def test_importing_the_database_itself_is_refused(demo_url, capsys):
    for argv in (
        ("sync", "dms", demo_url),
        ("import", "vcard", demo_url),
        ("import", "adf", demo_url + "-shm"),
    ):
        code, _, err = run(capsys, "--database", demo_url, *argv)
        one_line_refusal(code, err)
        assert "is the desk's own database, not a file to import" in err


def _mistakes(tmp_path: Path) -> dict[str, tuple[str, str]]:
    other = tmp_path / "photos.db"
    with closing(sqlite3.connect(other)) as connection:
        connection.execute("CREATE TABLE album (title TEXT)")
        connection.commit()
    (tmp_path / "notes.txt").write_text("not a database\n", encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    return {
        "a mistyped folder": (str(tmp_path / "typo" / "desk.sqlite3"), "No Contact Desk database"),
        "no database yet": (str(tmp_path / "new.sqlite3"), "create one with contact-desk"),
        "in memory": ("sqlite://", "in memory, which keeps nothing"),
        "empty": ("", "--database is empty"),
        "another application": (str(other), "another application .*album"),
        "a text file": (str(tmp_path / "notes.txt"), "is not a database"),
        "a picture": (str(tmp_path / "logo.png"), "is not a database"),
        "a folder": (str(tmp_path), "is a folder, not a database file"),
        "an unknown kind": ("mysql://desk@db/contacts", "not a database Contact Desk can use"),
    }


@pytest.mark.parametrize(
    "mistake",
    [
        "a mistyped folder",
        "no database yet",
        "in memory",
        "empty",
        "another application",
        "a text file",
        "a picture",
        "a folder",
        "an unknown kind",
    ],
)
def test_each_database_mistake_gets_its_own_line_and_nothing_is_written(tmp_path, capsys, mistake):
    given, says = _mistakes(tmp_path)[mistake]
    before = sorted(p.name for p in tmp_path.rglob("*"))
    export = tmp_path.parent / f"{tmp_path.name}-export.csv"
    export.write_text("customer_number,first_name,last_name\nC1,Ann,Lee\n", encoding="utf-8")
    for argv in (("show", "C1"), ("sync", "dms", str(export))):
        code, _, err = run(capsys, "--database", given, *argv)
        one_line_refusal(code, err)
        assert re.search(says, err), err
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


def test_a_path_with_a_question_mark_or_percent_is_that_file(tmp_path, capsys):
    path = tmp_path / "my?desk%41.sqlite3"
    code, out, _ = run(capsys, "--database", str(path), "init")
    assert code == 0 and f"Created a new Contact Desk database at {path}" in out
    code, out, _ = run(capsys, "--database", str(path), "init")
    assert code == 0 and "already a Contact Desk database" in out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["my?desk%41.sqlite3"]


def test_a_damaged_database_is_not_synced_into(tmp_path, capsys):
    from tests.store.test_database import damaged_desk

    path = damaged_desk(tmp_path)
    export = tmp_path / "export.csv"
    export.write_text("customer_number,first_name,last_name\nC9,Ann,Lee\n", encoding="utf-8")
    before = path.read_bytes()
    code, _, err = run(capsys, "--database", str(path), "sync", "dms", str(export))
    one_line_refusal(code, err)
    assert "is damaged (SQLite's check found" in err
    assert path.read_bytes() == before


def test_history_prints_every_change_and_json_for_scripts(demo_url, capsys):
    code, out, err = run(capsys, "--database", demo_url, "history", "C100001", "--json")
    assert code == 0, err
    data = json.loads(out)
    changes = data["changes"]
    assert data["customer_id"] and changes
    assert {"at", "who", "desk", "cause", "why", "entity", "field", "old", "new"} <= changes[
        0
    ].keys()
    assert [c["at"] for c in changes] == sorted((c["at"] for c in changes), reverse=True)
    assert "added" in {c["field"] for c in changes}

    code, out, err = run(
        capsys, "--database", demo_url, "history", "C100001", "--only", "contact-points"
    )
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines and all("Phone or email:" in line or "Primary" in line for line in lines)


def test_history_refuses_in_one_line_with_exit_code_2(demo_url, capsys):
    code, out, err = run(capsys, "--database", demo_url, "history", "NOBODY")
    assert (code, out) == (2, "")
    assert err.strip() == "contact-desk: No customer has the number or id 'NOBODY'."

    with pytest.raises(SystemExit) as stopped:
        main(["--database", demo_url, "history", "C100001", "--only", "phones"])
    out, err = capsys.readouterr()
    assert stopped.value.code == 2 and out == ""
    assert "'phones' is not one of: contact-points" in err
    assert len(err.strip().splitlines()) == 1
