"""What an import of texted replies did, for the result dialog, the terminal and --json:
each reply's outcome, a line a count of each outcome, and the rows that could not be used."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import unique
from typing import Any, ClassVar

from contact_desk.domain.enums import LabelledEnum
from contact_desk.domain.replies import ReplyMeaning
from contact_desk.services.matching import CustomerRef
from contact_desk.sync.encodings import escaped
from contact_desk.sync.report import BadRow

SHOWN_TEXT = 60  # characters of a message a report line quotes
SHOWN_LINES = 10  # bad rows' line numbers the summary names


@unique
class ReplyOutcome(LabelledEnum):
    """What became of one reply; each is counted on a line of its own."""

    OPTED_OUT = "Opted out of all texts"
    OPTED_IN = "Opted back in to transactional texts"
    HELP = "Help requests"
    NOT_A_KEYWORD = "Not keywords"
    NO_CUSTOMER = "Numbers no customer has"
    ALREADY_IMPORTED = "Already imported"


@dataclass(frozen=True)
class Reply:
    """One reply of the file: where, from which number (E.164, and as the desk shows it),
    what it said and meant, and what became of it. ``still`` says which record stands over
    the one this reply added, when one does (a newer one, or "do not contact"): "marketing
    texts stay opted in by signed form on 2026-04-01"."""

    line: int
    number: str
    shown: str
    text: str
    meaning: ReplyMeaning
    keyword: str
    outcome: ReplyOutcome
    worth_reading: bool
    customers: tuple[CustomerRef, ...]
    customer_ids: tuple[int, ...]
    recorded: bool = False
    still: str = ""

    def but(self, **changes: Any) -> Reply:
        return replace(self, **changes)

    def shown_line(self) -> str:
        text = escaped(self.text)
        if len(text) > SHOWN_TEXT:
            text = text[:SHOWN_TEXT - 1] + "…"
        return f"line {self.line}: {self.shown} “{text}”: {self._what()}"

    def _what(self) -> str:
        who = ", ".join(customer.shown() for customer in self.customers)
        outcome = self.outcome
        if outcome is ReplyOutcome.ALREADY_IMPORTED:
            return "already imported; nothing changed"
        if outcome is ReplyOutcome.NOT_A_KEYWORD:
            return ("not a keyword, nothing recorded; it has an opt-out word further in, "
                    "so a person should read it" if self.worth_reading
                    else "not a keyword, nothing recorded")
        if outcome is ReplyOutcome.HELP:
            return f"asked for help: {who}; a person should answer"
        if outcome is ReplyOutcome.NO_CUSTOMER:
            return "no customer has this number; " + {
                ReplyMeaning.OPT_OUT: "the opt-out is recorded for the number, so a customer "
                                      "added with it later is opted out",
                ReplyMeaning.OPT_IN: "the opt-in was not recorded",
                ReplyMeaning.HELP: "it asked for help",
            }[self.meaning]
        text = f"{outcome.label.lower()}: {who}"
        if self.still:
            text += f" (recorded, but {self.still})"
        return text

    def as_dict(self) -> dict[str, Any]:
        return {
            "line": self.line, "from": self.number, "text": self.text,
            "keyword": self.keyword or None, "meaning": self.meaning.name.lower(),
            "outcome": self.outcome.name.lower(), "recorded": self.recorded,
            "stands_instead": self.still or None, "worth_reading": self.worth_reading,
            "customers": [{"customer_number": c.customer_number, "name": c.name}
                          for c in self.customers],
        }


@dataclass(frozen=True)
class ReplyImportReport:
    """What an import of replies did. ``rows_read`` short of ``rows_in_file``: it was
    cancelled, and the rows read are saved."""

    file_name: str
    rows_read: int
    rows_in_file: int
    replies: tuple[Reply, ...]
    bad_rows: tuple[BadRow, ...]

    # What the result dialog calls the bad rows' second column, and the details.
    bad_row_heading: ClassVar[str] = "From"
    details_heading: ClassVar[str] = "What each reply did"

    @property
    def cancelled(self) -> bool:
        return self.rows_read < self.rows_in_file

    @property
    def customer_ids(self) -> frozenset[int]:
        """The customers whose consent records this import added."""
        return frozenset(i for reply in self.replies if reply.recorded
                         for i in reply.customer_ids)

    def count(self, outcome: ReplyOutcome) -> int:
        return sum(reply.outcome is outcome for reply in self.replies)

    def lines(self) -> list[str]:
        """One line per outcome, and one for the bad rows."""
        def of(outcome: ReplyOutcome, *notes: tuple[int, str]) -> str:
            said = "; ".join(f"{n:,} {note}" for n, note in notes if n)
            return f"{outcome.label}: {self.count(outcome):,}" + (f" ({said})" if said else "")

        def stood(outcome: ReplyOutcome) -> int:
            return sum(bool(r.still) for r in replies if r.outcome is outcome)

        replies = self.replies
        lines = [
            of(ReplyOutcome.OPTED_OUT, (stood(ReplyOutcome.OPTED_OUT),
                                        "recorded, but a newer opt-in stands")),
            of(ReplyOutcome.OPTED_IN, (stood(ReplyOutcome.OPTED_IN),
                                       "recorded, but an opt-out or 'do not contact' stands")),
            of(ReplyOutcome.HELP) + (" (for a person to answer)"
                                     if self.count(ReplyOutcome.HELP) else ""),
            of(ReplyOutcome.NOT_A_KEYWORD, (sum(r.worth_reading for r in replies),
                                            "with an opt-out word further in, to read")),
            of(ReplyOutcome.NO_CUSTOMER, (sum(r.recorded for r in replies
                                              if r.outcome is ReplyOutcome.NO_CUSTOMER),
                                          "STOP recorded for the number")),
            of(ReplyOutcome.ALREADY_IMPORTED),
        ]
        bad = f"Bad rows: {len(self.bad_rows):,}"
        if self.bad_rows:
            numbers = ", ".join(str(row.line) for row in self.bad_rows[:SHOWN_LINES])
            more = ", …" if len(self.bad_rows) > SHOWN_LINES else ""
            bad += f" (line{'s' if len(self.bad_rows) > 1 else ''} {numbers}{more})"
        return lines + [bad]

    def summary(self) -> str:
        if self.cancelled:
            head = (f"Cancelled after {self.rows_read:,} of {self.rows_in_file:,} rows of "
                    f"{self.file_name}: those are saved; importing the file again does the "
                    "rest and records nothing twice.")
        else:
            head = f"{self.rows_read:,} rows read from {self.file_name}:"
        return "\n".join([escaped(head), *self.lines()])

    def details(self) -> list[str]:
        """A line for each reply a person may want to see: what was recorded, help asked
        for, replies worth reading, numbers no customer has (not the plain others)."""
        return [reply.shown_line() for reply in self.replies
                if reply.outcome is not ReplyOutcome.ALREADY_IMPORTED
                and (reply.outcome is not ReplyOutcome.NOT_A_KEYWORD or reply.worth_reading)]

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file_name, "rows_read": self.rows_read,
            "rows_in_file": self.rows_in_file, "cancelled": self.cancelled,
            "counts": {**{outcome.name.lower(): self.count(outcome)
                          for outcome in ReplyOutcome}, "bad_rows": len(self.bad_rows)},
            "replies": [reply.as_dict() for reply in self.replies],
            "bad_rows": [{"line": row.line, "from": row.customer_number, "reason": row.reason}
                         for row in self.bad_rows],
        }
