"""File > Import Replies… in the real window: a file dialog, the work off the GUI thread, the
report at the end, the customer on screen shown afresh when its consent changed; Cancel keeps
the batches done and the report says how many."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QProgressDialog, QPushButton

from contact_desk.domain.consent import Purpose
from contact_desk.domain.enums import Channel
from contact_desk.sync.replies import BATCH, FIELDS
from contact_desk.ui.interop import ResultDialog
from contact_desk.ui.models.contact_points import BADGES_ROLE, CONTACT
from tests.sync.conftest import write_export
from tests.ui.modal import answer_file_dialog, when_open
from tests.ui.test_main_window import open_customer

MARCH_1 = "2026-03-01T09:30:00-05:00"


def reply_file(path, rows):
    return write_export(path, [dict(zip(FIELDS, row)) for row in rows], FIELDS)


def test_the_menu_imports_the_file_chosen_and_shows_ann_opted_out(qtbot, window, tmp_path):
    open_customer(qtbot, window, "ann")
    phones = window.customer_page.phones
    assert phones.index(0, CONTACT).data(BADGES_ROLE) == []
    path = reply_file(tmp_path / "replies.csv", [
        ("(212) 555-0142", "STOP please", MARCH_1), ("555", "STOP", MARCH_1)])
    seen = {}

    def read(dialog: ResultDialog) -> None:
        seen["summary"] = dialog.summary.text()
        seen["heading"] = dialog.bad_rows.horizontalHeaderItem(1).text()
        seen["bad"] = [dialog.bad_rows.item(r, 0).text() for r in range(dialog.bad_rows.rowCount())]
        seen["details"] = dialog.details.toPlainText()
        dialog.grab().save(str(tmp_path / "replies-result.png"))
        dialog.accept()

    action = window.findChild(QAction, "importRepliesAction")
    assert action.text() == "Import &Replies…"
    answer_file_dialog(path)
    when_open(ResultDialog, read, tries=1000)
    action.trigger()
    qtbot.waitUntil(lambda: "summary" in seen, timeout=10000)
    assert seen["summary"].splitlines()[:2] == ["2 rows read from replies.csv:",
                                                "Opted out of all texts: 1"]
    assert (seen["heading"], seen["bad"]) == ("From", ["3"])
    assert "(212) 555-0142 “STOP please”: opted out of all texts: C1 (Ann Lee)" in seen["details"]
    # The customer on screen is shown afresh: her cell is opted out of texts now.
    assert phones.index(0, CONTACT).data(BADGES_ROLE) == ["Do not text"]
    point = window.customer_page.view.phones[0]
    assert point.consent.opted_out(Channel.TEXT, Purpose.MARKETING)


def test_a_customer_on_screen_whose_consent_did_not_change_is_not_read_again(
        qtbot, window, customers, tmp_path, monkeypatch):
    open_customer(qtbot, window, "stone")
    reloads = []
    monkeypatch.setattr(window.customer_page, "reload", lambda: reloads.append(1))
    path = reply_file(tmp_path / "replies.csv", [("(212) 555-0142", "STOP", MARCH_1)])
    when_open(ResultDialog, lambda dialog: dialog.accept(), tries=1000)
    report = window.interop.import_replies(str(path))
    assert report.customer_ids == {customers.ann}
    assert reloads == []


def test_cancel_keeps_the_batches_done_and_the_report_says_how_many(qtbot, window, tmp_path):
    path = reply_file(tmp_path / "big.csv",
                      [("(212) 555-0142", f"STOP {n}", MARCH_1) for n in range(5 * BATCH)])
    said = []

    def cancel(dialog: QProgressDialog) -> None:
        dialog.findChild(QPushButton).click()
        said.append(dialog.labelText())

    def read(dialog: ResultDialog) -> None:
        said.append(dialog.summary.text().splitlines()[0])
        dialog.accept()

    when_open(QProgressDialog, cancel)
    when_open(ResultDialog, read, tries=1000)
    report = window.interop.import_replies(str(path))
    assert said[0] == "Cancelling… the batches already saved stay."
    assert report.cancelled and report.rows_read % BATCH == 0
    assert report.rows_read < 5 * BATCH
    assert said[1] == (f"Cancelled after {report.rows_read:,} of {5 * BATCH:,} rows of big.csv: "
                       "those are saved; importing the file again does the rest and records "
                       "nothing twice.")
