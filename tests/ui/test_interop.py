"""File menu interop in the window: work off the GUI thread, a result dialog, Cancel, the watched folder."""

from __future__ import annotations


from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton

from contact_desk.services.customers import search_customers
from contact_desk.services.customers import customer_count
from contact_desk.sync.dms import BATCH
from contact_desk.sync.vcard import BATCH as VCARD_BATCH
from contact_desk.ui.interop import ResultDialog
from contact_desk.ui.watched_folder import WatchedFolder
from tests.sync.conftest import write_export


def dms_row(number: int, **extra: str) -> dict[str, str]:
    return {"customer_number": f"D{number:05d}", "first_name": "Pat", "last_name": f"Doe{number}",
            "cell_phone": f"(212) 555-{number % 10000:04d}", "email": f"pat{number}@example.com",
            **extra}


def when_open(kind, act, tries: int = 500) -> None:
    widget = next((w for w in QApplication.topLevelWidgets()
                   if isinstance(w, kind) and w.isVisible()), None)
    if widget is not None:
        act(widget)
    elif tries:
        QTimer.singleShot(10, lambda: when_open(kind, act, tries - 1))


def test_a_sync_reports_its_counts_and_every_skipped_row(qtbot, window, database, tmp_path):
    path = write_export(tmp_path / "export.csv", [
        dms_row(1), dms_row(2), dms_row(3, email="not-an-email"), {"first_name": "No number"}])
    seen = {}

    def read(dialog):
        seen["summary"] = dialog.summary.text()
        seen["bad"] = [dialog.bad_rows.item(r, 0).text() for r in range(dialog.bad_rows.rowCount())]
        dialog.accept()

    when_open(ResultDialog, read)
    window.interop.sync_dms(str(path))
    assert "2 customers created" in seen["summary"]
    assert seen["bad"] == ["4", "5"]  # the lines of the bad rows, header being line 1
    assert [h.customer_number for h in search_customers(database.unit_of_work(), "doe1")] \
        == ["D00001"]
    assert window.results.query == window.search_box.text()  # the list was searched again


def cancel(dialog: QProgressDialog, said: list[str]) -> None:
    """Press Cancel, and note what the progress dialog says then."""
    dialog.findChild(QPushButton).click()
    said.append(dialog.labelText())


def test_cancel_keeps_whole_batches_only(qtbot, window, database, tmp_path):
    before = customer_count(database)
    path = write_export(tmp_path / "big.csv", [dms_row(n) for n in range(1, 3 * BATCH + 1)])
    said = []
    when_open(QProgressDialog, lambda dialog: cancel(dialog, said))
    when_open(QMessageBox, lambda box: (said.append(box.text()), box.accept()))
    assert window.interop.sync_dms(str(path)) is None
    assert said[0] == "Cancelling… the batches already saved stay."
    assert "rolled back" in said[1]
    added = customer_count(database) - before
    assert added % BATCH == 0 and added < 3 * BATCH


def test_a_hostile_file_gets_a_plain_message(qtbot, window, tmp_path):
    path = tmp_path / "lead.xml"
    path.write_text('<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "y">]><adf>&x;</adf>')
    said = []
    when_open(QMessageBox, lambda box: (said.append(box.text()), box.accept()))
    assert window.interop.import_adf(str(path)) is None
    assert said and "Traceback" not in said[0] and len(said[0]) < 400


def test_vcards_export_then_import_through_the_menu(qtbot, window, tmp_path):
    path = tmp_path / "all.vcf"
    when_open(QMessageBox, lambda box: box.accept())
    assert window.interop.export_vcards(str(path)) == 3
    assert path.read_text(encoding="utf-8").count("BEGIN:VCARD") == 3
    when_open(ResultDialog, lambda dialog: dialog.accept())
    report = window.interop.import_vcards(str(path))
    assert (report.cards_read, report.customers_matched, report.customers_created) == (3, 3, 0)


def test_a_cancelled_export_says_nothing_was_written_and_leaves_no_file(
    qtbot, window, database, tmp_path
):
    rows = [dms_row(n) for n in range(1, 10 * VCARD_BATCH + 1)]
    window.interop.desk.sync_dms(write_export(tmp_path / "dms.csv", rows))
    path = tmp_path / "all.vcf"
    said = []
    when_open(QProgressDialog, lambda dialog: cancel(dialog, said))
    when_open(QMessageBox, lambda box: (said.append(box.text()), box.accept()))
    assert window.interop.export_vcards(str(path)) is None
    assert said == ["Cancelling… nothing is kept.", "Cancelled. Nothing was written."]
    assert list(tmp_path.glob("all.vcf*")) == []


def test_a_new_export_in_the_watched_folder_is_synced_once(qtbot, tmp_path):
    folder = tmp_path / "dms"
    folder.mkdir()
    write_export(folder / "old.csv", [dms_row(1)])
    synced: list[str] = []
    watcher = WatchedFolder(QSettings(), synced.append, settle_ms=10)
    watcher.set_folder(str(folder))
    write_export(folder / "tonight.csv", [dms_row(2)])
    qtbot.waitUntil(lambda: synced == [str(folder / "tonight.csv")], timeout=5000)
    watcher.look()
    watcher.look()
    assert synced == [str(folder / "tonight.csv")]  # once, and the old file never
