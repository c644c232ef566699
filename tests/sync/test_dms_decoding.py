"""A DMS export is read in the encoding most of it is in, and a row that is not is reported
and left as it was: a sync never turns a stored name into mojibake, and never stores or
prints a control character. On every path: a small file, a first load, a resync, and a big
file checked by worker processes."""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path

import pytest

from contact_desk.cli import main
from contact_desk.sync.dms import FIRST_LOAD, sync_dms
from tests.sync.conftest import HEADER, customer, points

ZOE = {"customer_number": "MJ00001", "first_name": "Zoë", "last_name": "Brontë",
       "cell_phone": "+12125550101", "email": "zoe@example.com"}
CAFE = {"customer_number": "MJ00002", "company": "Café Müller", "cell_phone": "+12125550102"}
ANN = {"customer_number": "MJ00003", "first_name": "Ann", "last_name": "Lee",
       "cell_phone": "+12125550103"}


def lines(rows: list[dict[str, str]], delimiter: str = ",") -> list[str]:
    """Each line of an export of ``rows`` as text, the header first."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows([row.get(name, "") for name in HEADER] for row in rows)
    return out.getvalue().splitlines(keepends=True)


def export_of(path: Path, *encoded: bytes) -> Path:
    path.write_bytes(b"".join(encoded))
    return path


def names(database, number: str) -> tuple[str, str, str]:
    view = customer(database, number)
    return view.first_name, view.last_name, view.company


@pytest.mark.parametrize("bom", [b"", codecs.BOM_UTF8], ids=["no BOM", "BOM"])
def test_a_utf8_export_with_one_stray_byte_is_read_as_utf8_and_that_row_left_alone(
    database, manager, tmp_path, bom
):
    """Day 1 brings the customers in; on day 2 Ann's row holds a Windows-1252 é (a person
    typed it into the DMS another way) and her phone changed, Zoë's phone changed too."""
    day1 = lines([ZOE, CAFE, ANN])
    sync_dms(database, manager, export_of(tmp_path / "day1.csv",
                                          *(line.encode() for line in day1)))
    day2 = lines([ZOE | {"cell_phone": "+12125550111"}, CAFE,
                  ANN | {"last_name": "Leé", "cell_phone": "+12125550113"}])
    path = export_of(tmp_path / "day2.csv", bom, *(line.encode() for line in day2[:3]),
                     day2[3].encode("cp1252"))

    report = sync_dms(database, manager, path)

    assert names(database, "MJ00001") == ("Zoë", "Brontë", "")
    assert names(database, "MJ00002") == ("", "", "Café Müller")
    assert customer(database, "MJ00001").phones[-1].value == "+12125550111"
    assert [bad.shown() for bad in report.bad_rows] == [
        "line 4 (MJ00003): not valid UTF-8 text (byte 0xE9 at column 15); "
        "the row was left as it was"]
    assert points(customer(database, "MJ00003")) == [
        ("DMS_CELL", "+12125550103", "ACTIVE", True)]
    assert names(database, "MJ00003") == ("Ann", "Lee", "")
    assert (report.customers_updated, report.unchanged) == (1, 1)


def test_a_windows_1252_export_is_read_and_a_utf8_row_in_it_is_left_alone(
    database, manager, tmp_path
):
    text = lines([ZOE, CAFE, ANN | {"first_name": "Anaïs"}])
    path = export_of(tmp_path / "export.csv", text[0].encode(), text[1].encode("cp1252"),
                     text[2].encode("cp1252"), text[3].encode())

    report = sync_dms(database, manager, path)

    assert names(database, "MJ00001") == ("Zoë", "Brontë", "")
    assert names(database, "MJ00002") == ("", "", "Café Müller")
    assert [(bad.line, bad.customer_number) for bad in report.bad_rows] == [(4, "MJ00003")]
    assert report.bad_rows[0].reason == (
        "first_name: 'AnaÃ¯s' is 'Anaïs' garbled by a wrong encoding (UTF-8 read as "
        "Windows-1252); the row was left as it was")
    assert report.customers_created == 2


def test_a_resync_of_names_garbled_on_the_way_leaves_the_stored_names(
    database, manager, export
):
    """The DMS (or a script between) turned the names into mojibake and saved it as UTF-8."""
    sync_dms(database, manager, export([ZOE, CAFE, ANN]))
    garbled = [ZOE | {"first_name": "ZoÃ«", "last_name": "BrontÃ«"},
               CAFE | {"company": "CafÃ© MÃ¼ller", "cell_phone": "+12125550112"}, ANN]

    report = sync_dms(database, manager, export(garbled))

    assert names(database, "MJ00001") == ("Zoë", "Brontë", "")
    assert names(database, "MJ00002") == ("", "", "Café Müller")
    assert customer(database, "MJ00002").phones[0].value == "+12125550102"
    assert [(bad.line, bad.customer_number) for bad in report.bad_rows] == [
        (2, "MJ00001"), (3, "MJ00002")]
    assert [bad.reason for bad in report.bad_rows] == [
        f"{field}: {garbled!r} is {meant!r} garbled by a wrong encoding (UTF-8 read as "
        "Windows-1252); the row was left as it was"
        for field, garbled, meant in (("first_name", "ZoÃ«", "Zoë"),
                                      ("company", "CafÃ© MÃ¼ller", "Café Müller"))]
    assert report.unchanged == 1


@pytest.mark.parametrize(("bom", "codec"), [(codecs.BOM_UTF16_LE, "utf-16-le"),
                                            (codecs.BOM_UTF16_BE, "utf-16-be")])
def test_a_spreadsheets_unicode_text_is_read(desk, desk_user, tmp_path, bom, codec):
    """Excel's "Unicode Text": UTF-16 with a BOM, the columns split at tabs."""
    text = "".join(lines([ZOE, CAFE, ANN | {"last_name": "王"}], delimiter="\t"))
    path = export_of(tmp_path / "export.txt", bom, text.encode(codec))

    report = sync_dms(desk, desk_user, path)

    assert not report.bad_rows, report.bad_rows
    assert names(desk, "MJ00001") == ("Zoë", "Brontë", "")
    assert names(desk, "MJ00003") == ("Ann", "王", "")
    assert customer(desk, "MJ00001").phones[0].value == "+12125550101"


@pytest.mark.parametrize(("name", "shown"), [
    ("Ann\x1b[2J\x1b[31mLee", "\\x1b at column 12"),  # clears a terminal, then writes red
    ("Ann\x07Lee", "\\x07 at column 12"),
    ("Ann\x7fLee", "\\x7f at column 12"),
    ("Ann\x85Lee", "\\x85 at column 12"),  # C1: NEL
    ("Ann\x00Lee", "\\x00 at column 12"),
])
def test_a_control_character_is_reported_written_out_and_never_stored(
    database, manager, export, name, shown
):
    report = sync_dms(database, manager, export([ANN | {"customer_number": "MJ00004"},
                                                 ANN | {"first_name": name}]))

    assert [(bad.line, bad.customer_number) for bad in report.bad_rows] == [(3, "MJ00003")]
    assert report.bad_rows[0].reason == (
        f"it holds a control character ({shown}), which no name, address or number has; "
        "the row was left as it was")
    assert report.customers_created == 1


def test_a_control_character_in_the_customer_number_is_not_printed(desk, capsys, tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("".join(lines([ANN, ANN | {"customer_number": "MJ\x1b]0;pwned\x07"}])),
                    encoding="utf-8")
    file = desk.engine.url.database
    desk.dispose()

    code = main(["--database", file, "sync", "dms", str(path)])

    out, err = capsys.readouterr()
    assert code == 0
    assert "\x1b" not in out + err and "\x07" not in out + err
    assert "line 3 (MJ\\x1b]0;pwned\\x07): it holds a control character (\\x1b at column 3)" \
        in err


def test_a_cut_short_file_reports_its_last_line(desk, desk_user, tmp_path):
    text = "".join(lines([ZOE, ANN | {"last_name": "Brontë"}])).encode()
    path = export_of(tmp_path / "export.csv", text[:text.rindex("ë".encode()) + 1])

    report = sync_dms(desk, desk_user, path)

    assert report.customers_created == 1
    assert [bad.line for bad in report.bad_rows] == [3]
    assert "cut short" in report.bad_rows[0].reason


def _big_export(path: Path) -> Path:
    """FIRST_LOAD rows in UTF-8, but for a Windows-1252 row and one with an ESC."""
    rows = [{"customer_number": f"MJ{n:05d}", "first_name": "Zoë", "last_name": f"Brontë{n}",
             "cell_phone": f"+1212555{n:04d}"} for n in range(FIRST_LOAD)]
    text = lines(rows)
    text[100] = text[100].replace("Zoë", "Zo\x1b[5më")
    encoded = [line.encode() for line in text]
    encoded[200] = text[200].encode("cp1252")
    return export_of(path, *encoded)


def test_a_big_export_checked_by_workers_reports_the_same_rows_on_first_load_and_resync(
    database, manager, tmp_path
):
    path = _big_export(tmp_path / "big.csv")

    first = sync_dms(database, manager, path, workers=2)
    again = sync_dms(database, manager, path, workers=2)

    for report in (first, again):
        assert [(bad.line, bad.customer_number) for bad in report.bad_rows] == [
            (101, "MJ00099"), (201, "MJ00199")]
        assert "(\\x1b at column 11)" in report.bad_rows[0].reason
        assert "byte 0xEB at column 11" in report.bad_rows[1].reason
    assert first.customers_created == again.unchanged == FIRST_LOAD - 2
    assert names(database, "MJ02999") == ("Zoë", "Brontë2999", "")
