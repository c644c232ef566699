"""What a sync or an import did, for the result dialog and the terminal, and the bad-rows CSV.

A CSV the desk writes is opened in a spreadsheet; a cell starting with = + - @ would run
there as a formula, so every such cell is written with a leading apostrophe. The database
keeps the values exactly as they came.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass

from contact_desk.services.files import OutputFile

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class BadRow:
    """A row (or a card) that was skipped: where it is in the file, whose it is, and why."""

    line: int
    customer_number: str
    reason: str

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
        return (
            f"{saved}{self.rows_read:,} rows read: {self.customers_created:,} customers created, "
            f"{self.customers_updated:,} updated, {self.unchanged:,} unchanged; "
            f"{self.values_added:,} phones and emails added, {self.values_deactivated:,} "
            f"made inactive; {self.vehicles_added:,} vehicles added; "
            f"{len(self.bad_rows):,} rows skipped."
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


def write_bad_rows(output: OutputFile, bad_rows: Iterable[BadRow]) -> None:
    """Every skipped row as CSV (line, customer number, reason), safe to open in a spreadsheet."""
    rows = [("line", "customer_number", "reason")]
    rows += [(str(bad.line), bad.customer_number, bad.reason) for bad in bad_rows]
    write_csv(output, rows)


def write_csv(output: OutputFile, rows: Iterable[Iterable[str]]) -> None:
    """Write rows in UTF-8 with a BOM (so Excel reads the accents), whole or not at all."""
    with output.open(encoding="utf-8-sig") as file:
        writer = csv.writer(file)
        writer.writerows([spreadsheet_safe(cell) for cell in row] for row in rows)
