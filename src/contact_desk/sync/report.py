"""What a sync or an import did, for the result dialog and the terminal, and the bad-rows CSV.

A CSV the desk writes is opened in a spreadsheet; a cell starting with = + - @ would run
there as a formula, so every such cell is written with a leading apostrophe. The database
keeps the values exactly as they came.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from contact_desk.domain.duplicates import KeptApart, MatchBasis
from contact_desk.services.duplicates import PossibleDuplicateView
from contact_desk.services.files import OutputFile
from contact_desk.services.leads import EarlierLead
from contact_desk.services.matching import CustomerRef
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
    """What a lead did. ``customer_id`` is the desk's own id, for opening the customer; the
    words name the customer by DMS number. ``already_imported`` is set when the lead had
    been taken before, and then nothing was changed."""

    customer_id: int
    customer_created: bool
    deal_id: int
    source: str
    skipped_values: tuple[str, ...] = ()
    customer: CustomerRef | None = None
    possible_duplicates: tuple[PossibleDuplicateView, ...] = ()
    already_imported: EarlierLead | None = None
    kept_apart: KeptApart | None = None  # why a lead near customers went to none of them

    def summary(self) -> str:
        earlier = self.already_imported
        if earlier is not None:
            return (f"This lead from {self.source} was already imported on "
                    f"{earlier.imported_at.astimezone():%Y-%m-%d} as deal #{earlier.deal_id} for "
                    f"{earlier.customer.shown()}; nothing was changed.")
        who = self.customer.shown() if self.customer is not None else "the customer"
        if self.customer_created:
            who = f"a new customer, {self.customer.name}" if self.customer else "a new customer"
            if self.customer is not None and not self.customer.customer_number:
                who += " (no customer number)"
        text = f"Lead from {self.source}: deal #{self.deal_id} opened for {who}."
        if self.possible_duplicates:
            others = "; ".join(pair.customer.shown() for pair in self.possible_duplicates)
            why = (self.kept_apart or KeptApart.NAME_DISAGREES).label
            text += (f" The lead {why}, so it was kept apart and recorded as a possible "
                     f"duplicate of: {others}.")
        return text

    def details(self) -> list[str]:
        """One line per possible duplicate: who, and what the two share."""
        return [pair.shown() for pair in self.possible_duplicates]


@dataclass(frozen=True)
class CardOutcome:
    """Where one card went: its first line, the customer, whether it was made or found, why a
    card near customers went to none of them, and a customer number it carried that the
    customer does not have (only the DMS gives customer numbers: it is named here, not kept)."""

    line: int
    customer: CustomerRef
    matched_by: MatchBasis | None  # None: the card made the customer
    values_added: int
    kept_apart: KeptApart | None = None
    number_not_kept: str | None = None

    def shown(self) -> str:
        how = f"matched by {self.matched_by.label}" if self.matched_by else "created"
        text = (f"line {self.line}: {self.customer.shown()}, {how}; {self.values_added:,} "
                "phones and emails added")
        if self.kept_apart is not None:
            text += f"; kept apart: the card {self.kept_apart.label}"
        if self.number_not_kept:
            text += (f"; its customer number {escaped(self.number_not_kept)} was not kept "
                     "(only the DMS gives customer numbers)")
        return text


@dataclass(frozen=True)
class VcardImportReport:
    """What a vCard import did: the counts, each card's customer (``cards``), the cards
    skipped (``bad_cards``), the possible duplicates it recorded, and the parts of cards
    left out (``left_out``: photos and such past the size the import reads)."""

    cards_read: int
    customers_created: int
    customers_matched: int
    values_added: int
    bad_cards: tuple[BadRow, ...]
    cards: tuple[CardOutcome, ...] = ()
    possible_duplicates: tuple[PossibleDuplicateView, ...] = ()
    left_out: tuple[BadRow, ...] = ()

    def summary(self) -> str:
        text = (
            f"{self.cards_read:,} cards read: {self.customers_created:,} customers created, "
            f"{self.customers_matched:,} matched to existing customers; {self.values_added:,} "
            f"phones and emails added; {len(self.bad_cards):,} cards skipped."
        )
        if self.possible_duplicates:
            text += (f" {len(self.possible_duplicates):,} possible duplicates recorded for a "
                     "person to decide.")
        numbers = sum(bool(card.number_not_kept) for card in self.cards)
        if numbers:
            text += (f" {numbers:,} customer numbers on cards not kept: only the DMS gives "
                     "customer numbers.")
        if self.left_out:
            text += f" {len(self.left_out):,} photos or other large parts of cards left out."
        return text

    def details(self) -> list[str]:
        """Each card's customer, each possible duplicate, and each part left out, as lines."""
        return ([card.shown() for card in self.cards]
                + [f"possible duplicate: {pair.shown()}" for pair in self.possible_duplicates]
                + [note.shown() for note in self.left_out])


def spreadsheet_safe(text: str) -> str:
    """``text`` as a spreadsheet shows it without running it as a formula."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def skipped_count(bad_rows: Sequence[BadRow], what: str = "") -> str:
    """How many were skipped, and of those how many used in part: "3 rows skipped or used
    in part (1)"; ``what`` names them (rows, cards) or is left out."""
    in_part = sum(getattr(bad, "rest_synced", False) for bad in bad_rows)
    how = f"skipped or used in part ({in_part:,})" if in_part else "skipped"
    return " ".join(part for part in (f"{len(bad_rows):,}", what, how) if part)


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
