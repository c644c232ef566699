"""contact-desk import replies: a line per outcome, what each reply did, --json for scripts,
and a file that is not a reply export refused in one line with exit code 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from contact_desk.store.database import open_database
from contact_desk.store.models import Base
from tests.test_cli import new_desk, run, show_json

DMS = ("customer_number,first_name,last_name,cell_phone,home_phone\n"
       "C1,Ann,Lee,(312) 555-0142,(312) 555-0100\n"
       "C2,Bo,Lee,,(312) 555-0100\n")
REPLIES = ("from,text,received_at\n"
           "(312) 555-0142,Stop please,2026-03-01T09:30:00-05:00\n"
           "312-555-0100,STOP,2026-03-01T10:00:00-05:00\n"
           "+13125550100,START,2026-03-02T08:00:00-05:00\n"
           "(212) 555-0199,QUIT,2026-03-01T11:00:00Z\n"
           "(312) 555-0142,HELP,2026-03-01T12:00:00Z\n"
           "(312) 555-0142,Thanks!,2026-03-01T12:00:00Z\n"
           "555,STOP,2026-03-01T12:00:00Z\n"
           "(312) 555-0142,STOP,2026-03-01 12:00\n")
JSON_KEYS = {"file", "rows_read", "rows_in_file", "cancelled", "counts", "replies", "bad_rows"}
REPLY_KEYS = {"line", "from", "text", "keyword", "meaning", "outcome", "recorded",
              "stands_instead", "worth_reading", "customers"}


@pytest.fixture
def desk(tmp_path: Path, capsys) -> str:
    """A desk with Ann (her cell and the household's home phone) and Bo (the home phone)."""
    url = new_desk(tmp_path / "desk.sqlite3")
    export = tmp_path / "dms.csv"
    export.write_text(DMS, encoding="utf-8")
    assert run(capsys, "--database", url, "sync", "dms", str(export))[0] == 0
    return url


@pytest.fixture
def replies(tmp_path: Path) -> Path:
    path = tmp_path / "replies.csv"
    path.write_text(REPLIES, encoding="utf-8")
    return path


def every_row(url: str) -> dict[str, list[tuple]]:
    database = open_database(url)
    try:
        with database.engine.connect() as connection:
            return {table.name: [tuple(row) for row in connection.execute(
                select(table).order_by(*table.primary_key.columns))]
                for table in Base.metadata.sorted_tables}
    finally:
        database.dispose()


def test_a_line_per_outcome_then_each_reply_then_the_bad_rows(desk, replies, capsys):
    code, out, err = run(capsys, "--database", desk, "import", "replies", str(replies))
    assert code == 0, err
    assert out.splitlines()[:8] == [
        "8 rows read from replies.csv:",
        "Opted out of all texts: 2",
        "Opted back in to transactional texts: 1",
        "Help requests: 1 (for a person to answer)",
        "Not keywords: 1",
        "Numbers no customer has: 1 (1 STOP recorded for the number)",
        "Already imported: 0",
        "Bad rows: 2 (lines 8, 9)",
    ]
    assert ("  line 3: (312) 555-0100 “STOP”: opted out of all texts: C1 (Ann Lee), C2 (Bo Lee)"
            in out.splitlines())
    assert err.splitlines()[0] == "contact-desk: 2 rows skipped:"
    assert err.splitlines()[1].startswith("  line 8 (555): from: '555' is not a valid phone")
    assert "line 9" in err and "no UTC offset" in err
    # The household's STOP, then its START: transactional texts back in, marketing still out.
    texts = {phone["display"]: (phone["consent"]["text/transactional"],
                                phone["consent"]["text/marketing"])
             for phone in show_json(capsys, desk, "C2")["phones"]}
    assert texts == {"(312) 555-0100": ("Opted in", "Opted out")}


def test_json_is_one_stable_object(desk, replies, capsys):
    code, out, err = run(capsys, "--database", desk, "import", "replies", str(replies),
                         "--json")
    assert code == 0 and err == ""
    report = json.loads(out)
    assert set(report) == JSON_KEYS
    assert report["counts"] == {"opted_out": 2, "opted_in": 1, "help": 1, "not_a_keyword": 1,
                                "no_customer": 1, "already_imported": 0, "bad_rows": 2}
    assert all(set(reply) == REPLY_KEYS for reply in report["replies"])
    first = report["replies"][0]
    assert (first["from"], first["keyword"], first["outcome"], first["recorded"]) == (
        "+13125550142", "STOP", "opted_out", True)
    assert first["customers"] == [{"customer_number": "C1", "name": "Ann Lee"}]
    assert [bad["line"] for bad in report["bad_rows"]] == [8, 9]


def test_the_same_file_again_says_already_imported_and_changes_nothing(desk, replies, capsys):
    run(capsys, "--database", desk, "import", "replies", str(replies))
    before = every_row(desk)
    code, out, _ = run(capsys, "--database", desk, "import", "replies", str(replies))
    assert code == 0 and "Already imported: 4" in out
    assert every_row(desk) == before


@pytest.mark.parametrize("content, said", [
    ("number,text,received_at\n+13125550142,STOP,2026-03-01T09:30:00Z\n",
     "replies.csv has no usable header: its first line must name the columns, with 'from'"),
    ("BEGIN:VCARD\nVERSION:4.0\nFN:Ann Lee\nEND:VCARD\n",
     "replies.csv has no usable header: its first line must name the columns, with 'from'"),
])
def test_a_file_without_a_from_column_exits_2_and_writes_nothing(
        desk, tmp_path, capsys, content, said):
    path = tmp_path / "replies.csv"
    path.write_text(content, encoding="utf-8")
    before = every_row(desk)
    code, out, err = run(capsys, "--database", desk, "import", "replies", str(path))
    assert (code, out) == (2, "")
    assert err.startswith(f"contact-desk: {said}") and err.count("\n") == 1
    assert every_row(desk) == before


def test_a_mapping_file_renames_the_columns(desk, tmp_path, capsys):
    mapping = tmp_path / "provider.toml"
    mapping.write_text('[columns]\nfrom = "Sender"\ntext = "Message"\nreceived_at = "Date"\n',
                       encoding="utf-8")
    path = tmp_path / "export.csv"
    path.write_text("Date,Sender,Message\n2026-03-01T09:30:00Z,3125550142,End\n",
                    encoding="utf-8")
    code, out, err = run(capsys, "--database", desk, "import", "replies", str(path),
                         "--mapping", str(mapping))
    assert code == 0, err
    assert "Opted out of all texts: 1" in out
    code, _, err = run(capsys, "--database", desk, "import", "replies", str(path))
    assert code == 2 and "'from' among them" in err


def test_a_missing_file_or_mapping_exits_2(desk, replies, tmp_path, capsys):
    code, _, err = run(capsys, "--database", desk, "import", "replies",
                       str(tmp_path / "gone.csv"))
    assert code == 2 and "gone.csv" in err and err.count("\n") == 1
    code, _, err = run(capsys, "--database", desk, "import", "replies", str(replies),
                       "--mapping", str(tmp_path / "gone.toml"))
    assert code == 2 and "gone.toml" in err and err.count("\n") == 1
