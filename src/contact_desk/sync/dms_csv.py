"""Reading a DMS customer export (CSV): its columns, the mapping file, and each row's checks.

A row either becomes a DmsRow whose every value is already checked (so applying it cannot
fail half-way), or a BadRow saying which line and why. A row that is not text as the rest of
the file is (bytes that are not UTF-8, control characters, or UTF-8 read as Windows-1252) is
bad as a whole: no name ever turns into mojibake. A vehicle the garage cannot take leaves
the row without it, and the rest of the row is used.
"""

from __future__ import annotations

import csv
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property
from datetime import date, datetime
from pathlib import Path

import phonenumbers

from contact_desk.domain.enums import ContactPointType
from contact_desk.domain.errors import InvalidValue
from contact_desk.domain.limits import is_possible_birth_date
from contact_desk.domain.vehicle import VehicleDetails, check_vehicle
from contact_desk.store.customer import Customer
from contact_desk.sync.contact_values import CheckedValue, check_value
from contact_desk.sync.encodings import (
    Decoding, detect_encoding, misread, open_text, read_errors, row_problem,
)
from contact_desk.sync.report import BadRow

CUSTOMER_NUMBER = "customer_number"
DETAIL_FIELDS = ("first_name", "last_name", "company", "birth_date", "address_line1", "city",
                 "state", "postal_code")
VALUE_FIELDS = ("cell_phone", "home_phone", "work_phone", "email")
VEHICLE_FIELDS = ("vin", "vehicle_year", "vehicle_make", "vehicle_model")
CONSENT_FIELDS = ("do_not_call", "do_not_text", "do_not_email")
FIELDS = (CUSTOMER_NUMBER, *DETAIL_FIELDS, *VALUE_FIELDS, *VEHICLE_FIELDS, *CONSENT_FIELDS)
# The longest value each column of the store keeps; a longer one makes the row bad.
MAX_LENGTH = {name: Customer.__table__.c[name].type.length
              for name in (CUSTOMER_NUMBER, *DETAIL_FIELDS) if name != "birth_date"}
_YES = {"y", "yes", "true", "1", "x"}
_NO = {"n", "no", "false", "0", ""}
_DATE_FORMATS = ("%Y-%m-%d", "%m/%d/%Y", "%Y%m%d")
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
Record = tuple[int, list[str] | None, str]  # first line, cells (None: unreadable), why not


@dataclass(frozen=True)
class DmsLayout:
    """How one dealership's export is laid out: column names, region, delimiter, date format."""

    columns: dict[str, str] = field(default_factory=lambda: {name: name for name in FIELDS})
    region: str | None = None
    delimiter: str = ","
    date_format: str | None = None


@dataclass(frozen=True)
class DmsValue(CheckedValue):
    """A checked phone or email, and the DMS field it came in."""

    type: ContactPointType


@dataclass(frozen=True)
class DmsRow:
    """One customer as the DMS has it; only ``columns`` present in the file are reconciled."""

    line: int
    customer_number: str
    columns: frozenset[str]
    details: dict[str, object]
    values: tuple[DmsValue, ...]
    vehicle: VehicleDetails | None
    consent: frozenset[str]
    left_out: tuple[str, ...] = ()  # what of the row was not used, and why


def read_mapping(path: Path, fields: tuple[str, ...] = FIELDS, dated: bool = True) -> DmsLayout:
    """The layout a mapping file (TOML) describes; InvalidValue says what is wrong with it.

    ``fields`` are the columns the file may rename (the DMS export's by default, or another
    export's, such as the texting provider's replies); a file that is not ``dated`` has no
    date format to give."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8-sig"))
    except OSError as error:
        raise InvalidValue(f"The mapping file {path} cannot be read: {error.strerror}.") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise InvalidValue(f"The mapping file {Path(path).name} is not valid TOML: {error}.") from None
    known = {"columns", "region", "delimiter"} | ({"date_format"} if dated else set())
    columns = data.get("columns", {})
    if set(data) - known or not isinstance(columns, dict):
        raise InvalidValue(
            f"The mapping file {Path(path).name} may hold only {', '.join(sorted(known))} "
            "(with the column names under [columns])."
        )
    unknown = sorted(set(columns) - set(fields))
    if unknown or not all(isinstance(name, str) and name.strip() for name in columns.values()):
        raise InvalidValue(
            f"The mapping file names fields the desk does not know ({', '.join(unknown)}) or "
            f"gives an empty column name; the fields are: {', '.join(fields)}."
        )
    layout = DmsLayout(columns={name: columns.get(name, name) for name in fields})
    region = data.get("region")
    if region is not None:
        layout = replace(layout, region=_region(str(region)))
    if "delimiter" in data:
        layout = replace(layout, delimiter=delimiter_of(str(data["delimiter"])))
    if "date_format" in data:
        layout = replace(layout, date_format=_date_format(Path(path).name,
                                                          str(data["date_format"])))
    return layout


def _date_format(file_name: str, pattern: str) -> str:
    """A strftime pattern that reads back the day it writes: one that cannot ("%Q%Q", or
    without the year) would skip every dated row, so the mapping is refused instead."""
    sample = date(1987, 11, 23)  # day, month and year all different
    try:
        read = datetime.strptime(sample.strftime(pattern), pattern).date()
    except ValueError:
        read = None
    if read != sample:
        raise InvalidValue(
            f"The mapping file {file_name} has date_format {pattern!r}, which cannot read a "
            "date back: give the day, month and year, e.g. %m/%d/%Y or %Y-%m-%d.")
    return pattern


def delimiter_of(text: str) -> str:
    """The delimiter a person wrote: one character, or the word "tab"."""
    delimiter = "\t" if text.strip().casefold() in {"tab", "\\t"} else text
    if len(delimiter) != 1 or delimiter in "\"\r\n":
        raise InvalidValue(f"{text!r} cannot be a delimiter: give one character, e.g. ; or tab.")
    return delimiter


def _region(text: str) -> str:
    region = text.strip().upper()
    if not re.fullmatch(r"[A-Z]{2}", region) or not phonenumbers.country_code_for_region(region):
        raise InvalidValue(f"{text!r} is not a region: give a two-letter code such as US or CA.")
    return region


@dataclass
class DmsExport:
    """A DMS export file, scanned once: encoding, header, row count and repeated numbers."""

    path: Path
    layout: DmsLayout
    region: str
    home_region: str  # where the desk is: phones are shown as it shows them
    decoding: Decoding
    delimiter: str
    positions: dict[str, int]
    width: int
    total: int
    repeated: dict[str, list[int]]

    @classmethod
    def open(cls, path: Path, layout: DmsLayout, region: str,
             home_region: str | None = None) -> DmsExport:
        path = Path(path)
        decoding = detect_encoding(path, rows=True)
        delimiter = _delimiter(path, decoding, layout)
        with read_errors(path), open_text(path, decoding) as file:
            records = _records(file, delimiter, decoding)
            header = next((cells for _, cells, _ in records if cells is not None), None)
            positions = _positions(path, header, layout)
            number_at = positions[CUSTOMER_NUMBER]
            total, seen, repeated = 0, {}, {}
            for line, cells, _ in records:
                total += 1
                has_number = cells is not None and number_at < len(cells)
                number = " ".join(cells[number_at].split()) if has_number else ""
                if not number:
                    continue
                if number in seen:
                    repeated.setdefault(number, [seen[number]]).append(line)
                else:
                    seen[number] = line
        return cls(path, layout, region, home_region or region, decoding, delimiter,
                   positions, len(header), total, repeated)

    def rows(self) -> Iterator[DmsRow | BadRow]:
        """Every data row in file order, checked."""
        return map(self.check, self.records())

    def records(self) -> Iterator[Record]:
        """Every data row in file order as read, not yet checked."""
        return data_records(self.path, self.decoding, self.delimiter)

    def check(self, record: Record) -> DmsRow | BadRow:
        """A record of ``records()`` checked: the row to apply, or why it is bad."""
        line, cells, problem = record
        if cells is None:
            return BadRow(line, "", problem)
        if problem:
            at = self.positions[CUSTOMER_NUMBER]
            return BadRow(line, " ".join(cells[at].split())[:40] if at < len(cells) else "",
                          problem)
        return self._check(line, cells, self.columns)

    @cached_property
    def columns(self) -> frozenset[str]:
        """The fields the file has a column for."""
        return frozenset(self.positions)

    def _check(self, line: int, cells: list[str], columns: frozenset[str]) -> DmsRow | BadRow:
        raw = {name: cells[at] if at < len(cells) else "" for name, at in self.positions.items()}
        number = " ".join(raw[CUSTOMER_NUMBER].split())
        if (uneven := width_problem(cells, self.width)) is not None:
            return BadRow(line, number[:40], uneven)
        if not number:
            return BadRow(line, "", "no customer number")
        if number in self.repeated:
            lines = " and ".join(str(n) for n in self.repeated[number])
            return BadRow(line, number, (
                f"customer number {number} is on lines {lines}; each customer may be on one "
                "line only, so none of them was used"))
        try:
            return self._checked_row(line, number, raw, columns)
        except InvalidValue as error:
            return BadRow(line, number[:40], f"{error.field}: {error.message}")

    def _checked_row(
        self, line: int, number: str, raw: dict[str, str], columns: frozenset[str]
    ) -> DmsRow:
        tidy = {name: " ".join(text.split()) for name, text in raw.items()}
        for name, text in tidy.items():
            limit = MAX_LENGTH.get(name, 254)
            if len(text) > limit:
                raise InvalidValue(
                    f"the value is {len(text):,} characters long; the most kept is {limit}",
                    field=name,
                )
            if not text.isascii() and (meant := misread(text)) is not None:
                raise InvalidValue(
                    f"{text!r} is {meant!r} garbled by a wrong encoding (UTF-8 read as "
                    "Windows-1252); the row was left as it was",
                    field=name,
                )
        details: dict[str, object] = {n: tidy[n] for n in DETAIL_FIELDS if n in columns}
        if "birth_date" in columns:
            details["birth_date"] = self._date(tidy["birth_date"])
        values, keys = [], set()
        for name in VALUE_FIELDS:
            if name not in columns or not tidy[name]:
                continue
            value = _value(name, tidy[name], self.region, self.home_region)
            if value.key not in keys:  # the same number as cell and home: kept once, as cell
                keys.add(value.key)
                values.append(value)
        consent = frozenset(n for n in CONSENT_FIELDS if n in columns and _yes(n, tidy[n]))
        try:
            vehicle, left_out = _vehicle(tidy), ()
        except InvalidValue as error:  # the customer's phones and emails are still wanted
            vehicle, left_out = None, (_vehicle_left_out(tidy, error),)
        return DmsRow(line, number, columns, details, tuple(values), vehicle, consent,
                      left_out)

    def _date(self, text: str) -> date | None:
        if not text:
            return None
        formats = (self.layout.date_format,) if self.layout.date_format else _DATE_FORMATS
        day = text.split(" ")[0].split("T")[0]
        for pattern in formats:
            try:
                found = _read_day(day, pattern)
            except ValueError:
                continue
            if is_possible_birth_date(found, date.today()):
                return found
        shown = " or ".join(formats).replace("%Y", "YYYY").replace("%m", "MM").replace("%d", "DD")
        raise InvalidValue(f"{text!r} is not a birth date written {shown}", field="birth_date")


def width_problem(cells: list[str], width: int) -> str | None:
    """Why a line of ``cells`` under a header of ``width`` columns cannot be trusted, or None."""
    if len(cells) == width:
        return None
    return (f"the line has {len(cells)} values where the header has {width} columns "
            "(a line cut short, or a delimiter inside a value without quotes)")


def _read_day(day: str, pattern: str) -> date:
    """What strptime reads; a plain ISO day the quicker way, as most exports write one a row."""
    if pattern == "%Y-%m-%d" and _ISO_DAY.fullmatch(day):
        return date.fromisoformat(day)
    return datetime.strptime(day, pattern).date()


def _value(name: str, text: str, region: str, home: str) -> DmsValue:
    type_ = ContactPointType.for_dms_field(name)
    try:
        checked = check_value(type_.kind, text, region, home)
    except InvalidValue as error:
        raise InvalidValue(error.message, field=name) from None
    return DmsValue(checked.kind, checked.key, checked.text, checked.parsed, type_)


def _yes(name: str, text: str) -> bool:
    answer = text.casefold()
    if answer in _YES:
        return True
    if answer in _NO:
        return False
    raise InvalidValue(f"{text!r} is not Y or N", field=name)


def _vehicle(tidy: dict[str, str]) -> VehicleDetails | None:
    """The row's vehicle, checked by the garage's own rules; None when the row has none."""
    vin, year_text = tidy.get("vin", ""), tidy.get("vehicle_year", "")
    make, model = tidy.get("vehicle_make", ""), tidy.get("vehicle_model", "")
    if not (vin or year_text or make or model):
        return None
    if year_text and not year_text.isdigit():
        raise InvalidValue(f"{year_text!r} is not a model year", field="vehicle_year")
    try:
        return check_vehicle(vin, int(year_text) if year_text else None, make, model,
                             vin_required=False)
    except InvalidValue as error:
        column = error.field if error.field == "vin" else f"vehicle_{error.field}"
        raise InvalidValue(error.message, field=column) from None


def _vehicle_left_out(tidy: dict[str, str], error: InvalidValue) -> str:
    if error.field == "vin":
        what, why = f"the VIN {tidy['vin']}", error.message
    else:
        title = " ".join(part for part in (tidy.get("vehicle_year", ""),
                                           tidy.get("vehicle_make", ""),
                                           tidy.get("vehicle_model", "")) if part)
        what, why = f"the vehicle {title}".rstrip(), f"{error.field}: {error.message}"
    return f"{what} was left out, the rest of the row was synced: {why}"


@dataclass(frozen=True)
class CsvShape:
    """How a CSV export is read: its encoding, its delimiter, and where each field's column
    is in its header (fields the header does not name are absent)."""

    decoding: Decoding
    delimiter: str
    positions: dict[str, int]
    width: int


def read_shape(path: Path, layout: DmsLayout, key: str) -> CsvShape:
    """The shape of the export at ``path`` laid out as ``layout`` says; InvalidValue when it
    cannot be read as text or its header does not name the ``key`` field's column."""
    path = Path(path)
    decoding = detect_encoding(path, rows=True)
    delimiter = _delimiter(path, decoding, layout, key)
    with read_errors(path), open_text(path, decoding) as file:
        header = next((cells for _, cells, _ in _records(file, delimiter, decoding)
                       if cells is not None), None)
    return CsvShape(decoding, delimiter, _positions(path, header, layout, key),
                    len(header or ()))


def data_records(path: Path, decoding: Decoding, delimiter: str) -> Iterator[Record]:
    """Every record after the header, in file order, as read (see ``_records``)."""
    with open_text(path, decoding) as file:
        records = _records(file, delimiter, decoding)
        next((cells for _, cells, _ in records if cells is not None), None)  # the header
        yield from records


def _records(file, delimiter: str, decoding: Decoding) -> Iterator[Record]:
    """(first line, cells, "") per record; (first line, cells, reason) for one whose text
    cannot be used as it is (``row_problem``); (line, None, reason) for one csv cannot read."""
    lines: list[str] = []  # the lines of the record being read, as they are in the file

    def kept(lines_read: Iterator[str]) -> Iterator[str]:
        for line in lines_read:
            lines.append(line)
            yield line

    reader = csv.reader(kept(file), delimiter=delimiter)
    last_line = 0
    while True:
        lines.clear()
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield last_line + 1, None, _unreadable(error)
            last_line = reader.line_num
            continue
        start, last_line = last_line + 1, reader.line_num
        if any(cell.strip() for cell in cells):
            text = lines[0] if len(lines) == 1 else "".join(lines)
            yield start, cells, row_problem(text, decoding) or ""


def _unreadable(error: csv.Error) -> str:
    if "field limit" in str(error):
        return f"a value is longer than {csv.field_size_limit():,} characters"
    return f"the line cannot be read as CSV ({error})"


def _delimiter(path: Path, decoding: Decoding, layout: DmsLayout,
               key: str = CUSTOMER_NUMBER) -> str:
    """The layout's delimiter; or a tab, when the header names the ``key`` field only
    split at tabs, as a spreadsheet's "Unicode Text" and "Text (Tab delimited)" write it."""
    with open_text(path, decoding) as file:
        first = next((line for line in file if line.strip()), "")
    wanted = layout.columns[key].strip().casefold()

    def names(delimiter: str) -> set[str]:
        cells = next(csv.reader([first], delimiter=delimiter), [])
        return {cell.strip().casefold() for cell in cells}

    if wanted not in names(layout.delimiter) and "\t" in first and wanted in names("\t"):
        return "\t"
    return layout.delimiter


def _positions(path: Path, header: list[str] | None, layout: DmsLayout,
               key: str = CUSTOMER_NUMBER) -> dict[str, int]:
    if header is None:
        raise InvalidValue(f"{path.name} has no rows at all, not even a header.")
    found = {cell.strip().casefold(): at for at, cell in reversed(list(enumerate(header)))}
    positions = {
        name: found[column.strip().casefold()]
        for name, column in layout.columns.items()
        if column.strip().casefold() in found
    }
    if key not in positions:
        shown = ", ".join(repr(cell.strip()[:30]) for cell in header[:6])
        raise InvalidValue(
            f"{path.name} has no usable header: its first line must name the columns, with "
            f"{layout.columns[key]!r} among them (the first line has {shown})."
        )
    return positions
