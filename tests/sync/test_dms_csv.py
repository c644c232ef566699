"""Reading DMS exports as they really come: mapped columns, delimiters, encodings, and files
that are hostile or broken. Each gives a clear sentence and nothing half-applied."""

from __future__ import annotations

import codecs

import pytest

from contact_desk.domain.errors import InvalidValue
from contact_desk.services.customers import customer_count, get_customer
from contact_desk.sync.dms import sync_dms
from tests.sync.conftest import HEADER, customer, write_export

FORMULA = "=cmd|' /C calc'!A0"


def test_a_mapping_file_renames_columns_and_sets_region_delimiter_and_date_format(
    desk, desk_user, tmp_path
):
    mapping = tmp_path / "mapping.toml"
    mapping.write_text(
        'region = "GB"\ndelimiter = ";"\ndate_format = "%d/%m/%Y"\n'
        '[columns]\ncustomer_number = "Cust No"\ncell_phone = "Mobile"\n'
        'birth_date = "DOB"\n', encoding="utf-8")
    path = tmp_path / "export.csv"
    path.write_text("Cust No;first_name;last_name;Mobile;DOB\n"
                    "G1;Ann;Lee;07911 123456;17/05/1980\n", encoding="utf-8")

    report = sync_dms(desk, desk_user, path, mapping=mapping)

    assert not report.bad_rows, report.bad_rows
    view = customer(desk, "G1")
    assert view.phones[0].value == "+447911123456"
    assert str(view.birth_date) == "1980-05-17"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[columns]\nphone_number = 'Tel'\n", "fields the desk does not know"),
        ("region = 'Narnia'\n", "not a region"),
        ("delimiter = ';;'\n", "cannot be a delimiter"),
        ("columns = = broken", "not valid TOML"),
        ("colour = 'blue'\n", "may hold only"),
        ("date_format = '%Q%Q'\n", "date_format '%Q%Q', which cannot read a date back"),
        ("date_format = '%d/%m'\n", "cannot read a date back: give the day, month and year"),
        ("delimiter = ''\n", "cannot be a delimiter"),
    ],
)
def test_a_broken_mapping_file_is_refused_with_the_reason(
    desk, desk_user, export, tmp_path, text, message
):
    mapping = tmp_path / "mapping.toml"
    mapping.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidValue, match=message):
        sync_dms(desk, desk_user, export([]), mapping=mapping)


@pytest.mark.parametrize("given", ["", ";;", "\n"])
def test_a_delimiter_given_for_one_run_that_is_not_one_character_is_refused(
        desk, desk_user, export, given):
    path = export([{"customer_number": "T1", "first_name": "Ann", "last_name": "Lee"}])
    with pytest.raises(InvalidValue, match="cannot be a delimiter: give one character"):
        sync_dms(desk, desk_user, path, delimiter=given)
    assert customer_count(desk) == 0


def test_the_delimiter_can_be_given_for_one_run(desk, desk_user, export):
    path = export([{"customer_number": "T1", "first_name": "Ann", "last_name": "Lee"}],
                  delimiter="\t")
    assert sync_dms(desk, desk_user, path, delimiter="tab").customers_created == 1


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8-sig", "utf-8"])
def test_windows_1252_and_utf8_with_or_without_bom_are_read(desk, desk_user, export, encoding):
    path = export([{"customer_number": "M1", "first_name": "Jürgen", "last_name": "Müller",
                    "company": "Café Crème"}], encoding=encoding)
    sync_dms(desk, desk_user, path)

    view = customer(desk, "M1")
    assert (view.first_name, view.last_name, view.company) == ("Jürgen", "Müller", "Café Crème")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (codecs.BOM_UTF32_LE + "customer_number\nC1\n".encode("utf-32-le"), "UTF-32"),
        (codecs.BOM_UTF16_LE + "customer_number\n".encode("utf-16-le") + b"\x00\xdc",
         "marked as UTF-16 but is not valid UTF-16"),
        ("customer_number\nC1\n".encode("utf-16-le"), "neither UTF-8 nor Windows-1252"),
        (b"customer_number,first_name\nC1,\x81\x8d\n", "neither UTF-8 nor Windows-1252"),
        (b"", "is empty"),
        (b"\n\n", "no rows at all"),
        (b"C100001,Ann,Lee,,(212) 555-0142\n", "no usable header"),
        (b"name,phone\nAnn,555\n", "no usable header"),
    ],
)
def test_a_file_that_cannot_be_read_is_refused_and_nothing_is_written(
    database, manager, tmp_path, refused, content, message
):
    path = tmp_path / "export.csv"
    path.write_bytes(content)
    with refused(InvalidValue, message):
        sync_dms(database, manager, path)


def test_a_missing_file_is_refused_with_a_sentence(desk, desk_user, tmp_path):
    with pytest.raises(InvalidValue, match="cannot be read"):
        sync_dms(desk, desk_user, tmp_path / "nowhere.csv")


def test_a_truncated_file_imports_its_whole_lines_and_reports_the_cut_one(
    desk, desk_user, export
):
    rows = [{"customer_number": f"T{n}", "first_name": "Zoë", "last_name": "Lee",
             "cell_phone": f"+1212555010{n}", "email": f"t{n}@example.com"} for n in range(3)]
    path = export(rows)
    whole = path.read_bytes()
    path.write_bytes(whole[:whole.rindex(b"Zo") + 3])  # cut inside the ë of the last line

    report = sync_dms(desk, desk_user, path)

    assert report.customers_created == 2
    assert [(bad.line, bad.customer_number) for bad in report.bad_rows] == [(4, "T2")]
    assert "cut short" in report.bad_rows[0].reason
    assert customer(desk, "T1").first_name == "Zoë"  # still read as UTF-8


def test_formula_strings_are_stored_as_plain_text(database, manager, export):
    sync_dms(database, manager, export([{"customer_number": "F1", "first_name": FORMULA,
                                         "last_name": "+1+1", "company": "@SUM(A1)"}]))

    view = get_customer(database.unit_of_work(), "F1")
    assert (view.first_name, view.last_name, view.company) == (FORMULA, "+1+1", "@SUM(A1)")


def test_a_10_mb_value_skips_its_row_only(desk, desk_user, tmp_path):
    path = tmp_path / "huge.csv"
    rows = [{"customer_number": "H1", "first_name": "Ann", "last_name": "Lee"},
            {"customer_number": "H2", "first_name": "x" * 10_000_000, "last_name": "Big"},
            {"customer_number": "H3", "first_name": "Bo", "last_name": "Ray"}]
    write_export(path, rows)

    report = sync_dms(desk, desk_user, path)

    assert report.customers_created == 2
    assert [bad.line for bad in report.bad_rows] == [3]
    assert "longer than" in report.bad_rows[0].reason
    assert customer(desk, "H3").first_name == "Bo"


@pytest.mark.parametrize(
    "written", ["1980-05-17", "05/17/1980", "19800517", "1980-05-17T00:00:00", "1980-05-17 08:30"])
def test_a_birth_date_is_read_in_each_way_a_dms_writes_it(desk, desk_user, export, written):
    row = {"customer_number": "B1", "first_name": "Ann", "last_name": "Lee",
           "birth_date": written}

    report = sync_dms(desk, desk_user, export([row]))

    assert not report.bad_rows, report.bad_rows
    assert str(customer(desk, "B1").birth_date) == "1980-05-17"


@pytest.mark.parametrize(
    ("values", "reason"),
    [
        ({"customer_number": ""}, "no customer number"),
        ({"cell_phone": "555-01"}, "cell_phone:"),
        ({"home_phone": "(999) 555-0142"}, "home_phone:"),
        ({"email": "ann@"}, "email:"),
        ({"birth_date": "17.05.1980"}, "birth_date:"),
        ({"birth_date": "2999-01-01"}, "birth_date:"),
        ({"birth_date": "1980-02-30"}, "birth_date:"),
        ({"last_name": "L" * 81}, "last_name:"),
        ({"first_name": "", "last_name": "", "company": ""}, "a first and last name"),
    ],
)
def test_a_bad_row_is_skipped_with_its_line_and_reason(
    desk, desk_user, export, values, reason
):
    good = {"customer_number": "G1", "first_name": "Ann", "last_name": "Lee"}
    bad = {"customer_number": "B1", "first_name": "Bo", "last_name": "Ray"} | values

    report = sync_dms(desk, desk_user, export([good, bad, good | {"customer_number": "G2"}]))

    assert report.customers_created == 2
    assert [bad.line for bad in report.bad_rows] == [3]
    assert reason in report.bad_rows[0].reason


def test_the_same_customer_number_twice_skips_both_lines(desk, desk_user, export):
    rows = [{"customer_number": "D 1", "first_name": "Ann", "last_name": "Lee"},
            {"customer_number": "D2", "first_name": "Bo", "last_name": "Ray"},
            {"customer_number": " D  1 ", "first_name": "Anne", "last_name": "Lee"}]

    report = sync_dms(desk, desk_user, export(rows))

    assert [(bad.line, bad.customer_number) for bad in report.bad_rows] == [(2, "D 1"), (4, "D 1")]
    assert "lines 2 and 4" in report.bad_rows[0].reason
    assert report.customers_created == 1


def test_a_line_with_too_many_values_is_skipped(desk, desk_user, tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(",".join(HEADER) + "\nC1,Ann,Lee,Smith, Jones & Co" + "," * 13 + "\n",
                    encoding="utf-8")
    report = sync_dms(desk, desk_user, path)
    assert "the header has 17 columns" in report.bad_rows[0].reason


def test_optional_columns_may_be_missing_and_unknown_ones_are_ignored(desk, desk_user, tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("Customer_Number , Email,Notes\nC1,ann@example.com,likes red\n",
                    encoding="utf-8")
    report = sync_dms(desk, desk_user, path)
    assert report.bad_rows[0].reason.endswith("a first and last name, or a company.")
