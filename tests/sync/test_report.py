"""The CSV of skipped rows opens in a spreadsheet without running anything in it."""

from __future__ import annotations

import csv

import pytest

from contact_desk.services.files import OutputFile
from contact_desk.sync.report import BadRow, spreadsheet_safe, write_bad_rows


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1", "'\t=1"),
        ("C100001", "C100001"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_a_cell_that_would_run_as_a_formula_is_escaped(text, shown):
    assert spreadsheet_safe(text) == shown


def test_the_bad_rows_file_lists_every_row_escaped(tmp_path):
    path = tmp_path / "bad.csv"
    write_bad_rows(OutputFile(path), [BadRow(2, "=HYPERLINK(\"http://x\")", "no phone"),
                          BadRow(9, "C9", "email: '@x' is not an email")])

    with path.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    assert rows == [["line", "customer_number", "reason"],
                    ["2", "'=HYPERLINK(\"http://x\")", "no phone"],
                    ["9", "C9", "email: '@x' is not an email"]]
    assert [p.name for p in tmp_path.iterdir()] == ["bad.csv"]
