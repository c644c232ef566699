"""A change updates only what it changed: a Primary click saves, and the page repaints the
two Primary cells, the banner and the card's Contact Information from what the save
returned, without reading the customer, its card, programs or users again."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt
from sqlalchemy import event

from contact_desk.services.customers import get_customer
from contact_desk.ui.models.contact_points import PRIMARY
from tests.ui.test_main_window import open_customer


@contextmanager
def statements(window) -> Iterator[list[str]]:
    """Every SQL statement the window's database runs inside the block."""
    ran: list[str] = []
    engine = window.desk.database.engine

    def count(conn, cursor, statement, parameters, context, executemany) -> None:  # noqa: ANN001
        ran.append(" ".join(statement.split()))

    event.listen(engine, "before_cursor_execute", count)
    try:
        yield ran
    finally:
        event.remove(engine, "before_cursor_execute", count)


def click_primary(window, row: int) -> None:
    phones = window.customer_page.phones
    phones.setData(phones.index(row, PRIMARY), Qt.CheckState.Checked.value,
                   Qt.ItemDataRole.CheckStateRole)


def card_lines(window) -> list[str]:
    body = window.contact_card.contact_info
    return [row.label.text() for kind in body.points.values() for row in kind.rows
            if not row.isHidden()]


def test_a_primary_click_runs_only_the_statements_it_needs(qtbot, window, database, customers):
    """The save reads the customer and its values, writes the two values, the customer's
    version and one audit event, and reads what the banner says of each kind and the
    values' consent (whether the new primary may be texted): 9. Reading the page and card
    again after it was 37."""
    open_customer(qtbot, window, "ann")
    with statements(window) as ran:
        click_primary(window, 1)
    assert get_customer(database.unit_of_work(), customers.ann).phones[1].is_primary
    tables = sorted({line.split(" FROM ")[1].split()[0] if line.startswith("SELECT")
                     else line.split()[2 if line.startswith("INSERT") else 1] for line in ran})
    assert tables == ["audit_event", "consent_record", "contact_point", "customer"], ran
    assert len(ran) <= 9, "\n".join(ran)


def test_a_primary_click_shows_its_result_on_the_page_and_the_card(qtbot, window, customers):
    open_customer(qtbot, window, "ann")
    page = window.customer_page
    version = page.view.version
    resets: list[bool] = []
    page.phones.modelReset.connect(lambda: resets.append(True))
    click_primary(window, 1)
    assert not resets  # two rows repainted, not the table rebuilt
    assert [p.is_primary for p in page.view.phones] == [False, True, False]
    assert page.view.version > version  # the next save expects the saved version
    assert "(212) 555-0143 · primary" in card_lines(window)
    assert "(212) 555-0142" in card_lines(window)
    click_primary(window, 0)  # and the page's version is right for the next click
    assert [p.is_primary for p in page.view.phones] == [True, False, False]


def test_after_a_primary_click_the_pages_sections_save_with_the_version_it_left(
        qtbot, window, customers):
    """Add Contact and Update customer details expect the customer's version: the one the
    click left, not the one the page was opened with (refused as another desk's)."""
    open_customer(qtbot, window, "ann")
    click_primary(window, 1)
    page = window.customer_page
    assert page.contacts.view.version == page.programs.customer.version == page.view.version
    assert added_contact(qtbot, window, customers.ann) == ["Tom Brown"]


def added_contact(qtbot, window, customer_id) -> list[str]:
    """Add Contact on the page, Tom Brown saved: who is on the account then."""
    from contact_desk.ui.contact_dialog import ContactDialog
    from tests.ui.modal import when_open
    from tests.ui.test_contacts import fill

    def add(dialog: ContactDialog) -> None:
        fill(qtbot, dialog, email="tom@example.com")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert not dialog.isVisible(), dialog.form.saveError.text()

    when_open(ContactDialog, add)
    qtbot.mouseClick(window.customer_page.form.addContactButton, Qt.MouseButton.LeftButton)
    contacts = get_customer(window.desk.database.unit_of_work(), customer_id).contacts
    return [f"{c.first_name} {c.last_name}" for c in contacts]


def test_a_primary_click_updates_the_banner(qtbot, window, database, manager, customers):
    """Cy's only phone is do-not-text: the banner says so; a second phone made primary
    takes the warning away without reopening the customer."""
    from tests.ui.conftest import _points
    from contact_desk.domain.enums import ContactPointType, ContactStatus

    _points(database, manager, customers.cy,
            (ContactPointType.DEALER_PHONE, "(415) 555-0199", ContactStatus.ACTIVE))
    open_customer(qtbot, window, "young")
    banner = window.customer_page.form.contactWarning
    assert banner.isVisible() and "text" in banner.text().lower()
    row = next(r for r in range(window.customer_page.phones.rowCount())
               if window.customer_page.phones.point(r).display == "(415) 555-0199")
    click_primary(window, row)
    assert not banner.isVisible()
