"""Redraw the README's screenshots from the real window on demo data.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_screenshots.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from contact_desk.app import create_main_window  # noqa: E402
from contact_desk.domain.enums import ContactKind  # noqa: E402
from contact_desk.services.demo import fill_demo_data  # noqa: E402
from contact_desk.store.database import open_database  # noqa: E402
from contact_desk.ui.edit_contact_info import EditContactInfoDialog  # noqa: E402

DOCS = Path(__file__).resolve().parent


def settle(ms: int = 300) -> None:
    QTest.qWait(ms)


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    folder = Path(tempfile.mkdtemp(prefix="contact-desk-shots-"))
    url = str(folder / "demo.sqlite3")
    database = open_database(url)
    fill_demo_data(database, customers=200)
    database.dispose()

    window = create_main_window(url, "manager")
    window.resize(1280, 760)
    window.show()
    settle()
    window.search_box.setText("C100003")  # a primary that just moved, and a do-not-text badge
    while window.results.query != "C100003" or window.results.loading:
        settle(50)
    window.open_customer(window.results.hit(0).id)
    settle()
    window.grab().save(str(DOCS / "main-window.png"))

    page = window.customer_page
    dialog = EditContactInfoDialog(page.view, "US", page._save_from_dialog, window)
    dialog.resize(760, 620)
    dialog.show()
    row = dialog.rows_of(ContactKind.PHONE)[1]
    row.form.valueEdit.setText("(779) 555-01")
    row.form.valueEdit.textEdited.emit("(779) 555-01")
    new = dialog.add_row(ContactKind.PHONE)
    new.form.valueEdit.setText("(212) 555-0199")
    new.form.valueEdit.textEdited.emit("(212) 555-0199")
    settle()
    dialog.grab().save(str(DOCS / "edit-contact-info.png"))
    dialog.done(0)
    window.close()
    print(f"Saved {DOCS / 'main-window.png'} and {DOCS / 'edit-contact-info.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
