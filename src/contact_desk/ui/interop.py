"""File menu: sync from the DMS, import ADF leads, vCards and text replies, export vCards — off
the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contact_desk.sync.report import skipped_count
from contact_desk.ui.desk import Desk
from contact_desk.ui.file_dialogs import Choose, chosen_path
from contact_desk.ui.long_work import (
    NOTHING_KEPT,
    Progress,
    run_with_progress,
    stopping_between_batches,
)
from contact_desk.ui.messages import show_error
from contact_desk.ui.plain_text import plain

CSV_FILES = "DMS exports (*.csv *.txt);;All files (*)"
ADF_FILES = "ADF leads (*.xml *.adf);;All files (*)"
VCARD_FILES = "vCards (*.vcf *.vcard);;All files (*)"
REPLY_FILES = "Texting provider's replies (*.csv *.txt);;All files (*)"
BATCHES_KEPT = "Cancelling… the batches already saved stay."
CANCELLED_IN_BATCHES = ("Cancelled. The batch that was running was rolled back; batches "
                        "finished before it are kept, and running it again completes the job.")


def bad_rows_of(report: Any) -> tuple[Any, ...]:
    """The rows (or cards) skipped or used in part; the report's details say the rest."""
    return tuple(getattr(report, "bad_rows", ()) or getattr(report, "bad_cards", ()))


class ResultDialog(QDialog):
    """What the work did, in counts, and every row it had to skip with the reason."""

    def __init__(self, title: str, report: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultDialog")
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        # Names in it come from the file: plain text, never markup.
        self.summary = plain(QLabel(report.summary(), objectName="resultSummary",
                                    wordWrap=True))
        layout.addWidget(self.summary)
        bad = bad_rows_of(report)
        self.bad_rows = QTableWidget(len(bad), 3, objectName="badRows")
        self.bad_rows.setHorizontalHeaderLabels([
            "Line", getattr(report, "bad_row_heading", "Customer #"),
            "What was left out, and why"])
        self.bad_rows.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.bad_rows.verticalHeader().hide()
        for row, problem in enumerate(bad):
            for column, value in enumerate((problem.line, problem.customer_number or "",
                                            problem.reason)):
                self.bad_rows.setItem(row, column, QTableWidgetItem(str(value)))
        if bad:
            layout.addWidget(QLabel(f"{skipped_count(bad)}, with the reason:"))
            layout.addWidget(self.bad_rows)
        else:
            self.bad_rows.hide()
        lines = report.details() if hasattr(report, "details") else []
        self.details = QPlainTextEdit("\n".join(lines), objectName="resultDetails",
                                      readOnly=True)
        heading = getattr(report, "details_heading", "Where each went")
        self.details.setAccessibleName(heading)
        if lines:
            layout.addWidget(QLabel(f"{heading}:"))
            layout.addWidget(self.details)
        else:
            self.details.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.resize(680, 460 if bad or lines else 220)


class Interop:
    """The File menu's imports and exports; each asks for a file, works off the GUI thread,
    reports. ``after`` runs once an import is done; ``consent_changed`` gets the customers
    whose consent a reply import recorded."""

    def __init__(self, desk: Desk, parent: QWidget, after: Callable[[], None],
                 consent_changed: Callable[[frozenset[int]], None] | None = None) -> None:
        self.desk, self.parent, self._after = desk, parent, after
        self._consent_changed = consent_changed or (lambda _ids: None)

    def sync_dms(self, path: str | None = None) -> Any:
        path = path or self._open_file("Sync from DMS", CSV_FILES)
        if path:
            return self._run("Sync from DMS", f"Syncing {Path(path).name}…",
                             lambda progress: self.desk.sync_dms(Path(path), progress),
                             in_batches=True)
        return None

    def import_adf(self, path: str | None = None) -> Any:
        path = path or self._open_file("Import ADF lead", ADF_FILES)
        if path:
            return self._run("Import ADF lead", f"Reading {Path(path).name}…",
                             lambda progress: self.desk.import_adf(Path(path)))
        return None

    def import_vcards(self, path: str | None = None) -> Any:
        path = path or self._open_file("Import vCard", VCARD_FILES)
        if path:
            return self._run("Import vCard", f"Importing {Path(path).name}…",
                             lambda progress: self.desk.import_vcards(Path(path), progress),
                             in_batches=True)
        return None

    def import_replies(self, path: str | None = None) -> Any:
        """A Cancel stops between batches; the report then says how many rows were kept."""
        path = path or self._open_file("Import Replies", REPLY_FILES)
        if not path:
            return None

        def work(progress: Progress) -> Any:
            noted, cancelled = stopping_between_batches(progress)
            return self.desk.import_replies(Path(path), noted, cancelled)

        return self._run("Import Replies", f"Importing {Path(path).name}…", work,
                         in_batches=True,
                         after=lambda report: self._consent_changed(report.customer_ids))

    def export_vcards(self, path: str | None = None) -> Any:
        if not path:
            path = chosen_path(self.parent, "Export vCard", Choose.FILE_TO_SAVE,
                               filters=VCARD_FILES, suggested="customers.vcf")
        if path:
            return self._run("Export vCard", f"Writing {Path(path).name}…",
                             lambda progress: self.desk.export_vcards(Path(path), progress))
        return None

    def _open_file(self, title: str, filters: str) -> str:
        return chosen_path(self.parent, title, Choose.FILE_TO_OPEN, filters=filters)

    def _run(self, title: str, label: str, work: Callable[[Progress], Any],
             in_batches: bool = False, after: Callable[[Any], None] | None = None) -> Any:
        """``in_batches``: the work saves a batch at a time, so Cancel keeps those done.
        ``after(report)`` shows what the work changed, instead of the import's ``after``."""
        cancelling = BATCHES_KEPT if in_batches else NOTHING_KEPT
        try:
            report = run_with_progress(self.parent, title, label, work, cancelling=cancelling)
        except Exception as error:
            show_error(self.parent, title, error)
            return None
        if report is None:
            show_error(self.parent, title, CANCELLED_IN_BATCHES if in_batches
                       else "Cancelled. Nothing was written.")
            return None
        if after is not None:
            after(report)
        else:
            self._after()
        if isinstance(report, int):
            from contact_desk.ui.messages import show_info

            show_info(self.parent, title, f"{report:,} customers written.")
        else:
            ResultDialog(title, report, self.parent).exec()
        return report
