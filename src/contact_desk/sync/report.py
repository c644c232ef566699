"""What a sync or an import did, for the result dialog and the terminal, and the bad-rows CSV.

A CSV the desk writes is opened in a spreadsheet; a cell starting with = + - @ would run
there as a formula, so every such cell is written with a leading apostrophe. The database
keeps the values exactly as they came.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from contact_desk.domain.errors import InvalidValue
from contact_desk.sync.encodings import escaped

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class BadRow:
    """A row (or a card) that was skipped, or used in part (``rest_synced``): where it is
    in the file, whose it is, and why."""

    line: int
    customer_number: str
    reason: str
    rest_synced: bool = False  # only what the reason names was left out

    def __post_init__(self) -> None:
        # Both may quote the file, and are printed on a terminal and shown in the window:
        # a control character in them is written out (\x1b), never sent as it is.
        object.__setattr__(self, "customer_number", escaped(self.customer_number))
        object.__setattr__(self, "reason", escaped(self.reason))

    def shown(self) -> str:
        who = f" ({self.customer_number})" if self.customer_number else ""
        return f"line {self.line}{who}: {self.reason}"


@dataclass(frozen=True)
class SyncReport:
    rows_read: int
    customers_created: int
    customers_updated: int
    unchanged: int
    values_added: int
    values_deactivated: int
    vehicles_added: int
    bad_rows: tuple[BadRow, ...]
    dry_run: bool

    def summary(self) -> str:
        saved = "Dry run, nothing was saved: " if self.dry_run else ""
        in_part = sum(bad.rest_synced for bad in self.bad_rows)
        left_out = f", {in_part:,} synced with a value left out" if in_part else ""
        return (
            f"{saved}{self.rows_read:,} rows read: {self.customers_created:,} customers created, "
            f"{self.customers_updated:,} updated, {self.unchanged:,} unchanged; "
            f"{self.values_added:,} phones and emails added, {self.values_deactivated:,} "
            f"made inactive; {self.vehicles_added:,} vehicles added; "
            f"{len(self.bad_rows) - in_part:,} rows skipped{left_out}."
        )


@dataclass(frozen=True)
class AdfReport:
    customer_id: int
    customer_created: bool
    deal_id: int
    source: str
    skipped_values: tuple[str, ...] = ()

    def summary(self) -> str:
        who = "a new customer" if self.customer_created else f"customer #{self.customer_id}"
        return f"Lead from {self.source}: deal #{self.deal_id} opened for {who}."


@dataclass(frozen=True)
class VcardImportReport:
    cards_read: int
    customers_created: int
    customers_matched: int
    values_added: int
    bad_cards: tuple[BadRow, ...]

    def summary(self) -> str:
        return (
            f"{self.cards_read:,} cards read: {self.customers_created:,} customers created, "
            f"{self.customers_matched:,} matched to existing customers; {self.values_added:,} "
            f"phones and emails added; {len(self.bad_cards):,} cards skipped."
        )


def spreadsheet_safe(text: str) -> str:
    """``text`` as a spreadsheet shows it without running it as a formula."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def write_bad_rows(path: Path, bad_rows: Iterable[BadRow]) -> None:
    """Every skipped row as CSV (line, customer number, reason), safe to open in a spreadsheet."""
    rows = [("line", "customer_number", "reason")]
    rows += [(str(bad.line), bad.customer_number, bad.reason) for bad in bad_rows]
    write_csv(path, rows)


def write_csv(path: Path, rows: Iterable[Iterable[str]]) -> None:
    """Write rows to ``path`` in UTF-8 with a BOM (so Excel reads the accents), all at once."""
    partial = path.with_name(path.name + ".partial")
    try:
        with partial.open("w", encoding="utf-8-sig", newline="") as file:
            writer = csv.writer(file)
            writer.writerows([spreadsheet_safe(cell) for cell in row] for row in rows)
        os.replace(partial, path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise InvalidValue(f"{path} cannot be written: {error.strerror or error}.") from None
