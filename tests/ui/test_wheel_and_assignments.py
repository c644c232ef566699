"""The mouse wheel scrolls the page, never a field under it; an assignment can be undone,
and its undo refuses to overwrite another desk's."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QMessageBox,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from contact_desk.app import create_main_window
from contact_desk.domain.enums import AssignmentRole, Permission
from contact_desk.domain.history import Entity
from contact_desk.services import users
from contact_desk.services.card import contact_card
from contact_desk.store.activity import AuditEvent
from contact_desk.ui.wheel_guard import install_wheel_guard


def wheel(widget: QWidget, notches: int = -1) -> None:
    """A mouse wheel turned over ``widget``, delivered as Qt delivers it."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0),
                        QPoint(0, 120 * notches), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


class MessageBoxes:
    """Closes every message box as it opens, noting what it said, so none blocks a test."""

    def __init__(self) -> None:
        self.said: list[str] = []
        self.timer = QTimer(interval=20)
        self.timer.timeout.connect(self._close)
        self.timer.start()

    def _close(self) -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            self.said.append(box.text())
            box.close()


def sales_of(database, customer_id) -> str | None:
    card = contact_card(database.unit_of_work(), customer_id)
    return {role: name for role, _, name in card.assignments}[AssignmentRole.SALES]


def assignment_events(database) -> int:
    with database.sessions() as session:
        return len(session.scalars(select(AuditEvent).where(AuditEvent.entity == Entity.ASSIGNMENT))
                   .all())


def staff(database, manager) -> None:
    for login, name in (("dana", "Dana Whitfield"), ("omar", "Omar Ruiz"), ("li", "Li Chen")):
        users.create_user(database.unit_of_work(), manager, login, name,
                          [Permission.EDIT_CUSTOMERS])


def test_the_wheel_over_details_scrolls_the_card_and_assigns_nobody(
        qtbot, database, manager, database_url, customers):
    staff(database, manager)
    window = create_main_window(database_url)
    qtbot.addWidget(window)
    window.resize(1200, 500)  # short: the card scrolls
    window.show()
    window.open_customer(customers.ann)
    sales = window.contact_card.findChild(QComboBox, "assignedSales")
    scroll = window.contact_card.findChild(QScrollArea, "contactCardScroll")
    bar = scroll.verticalScrollBar()
    assert bar.maximum() > 0
    shown, at = sales.currentText(), bar.value()
    boxes = MessageBoxes()
    for _ in range(5):  # the card is drawn again after a save: find the field each time
        wheel(window.contact_card.findChild(QComboBox, "assignedSales"))
        qtbot.wait(20)
    boxes.timer.stop()
    assert boxes.said == [], "the wheel saved something (and the card complained)"
    assert window.contact_card.findChild(QComboBox, "assignedSales").currentText() == shown
    assert assignment_events(database) == 0 and sales_of(database, customers.ann) is None
    assert bar.value() > at, "the wheel went to the card, which scrolled"


def test_every_wheel_sensitive_field_changes_on_the_wheel_only_with_focus(qtbot):
    install_wheel_guard()
    page = QWidget()
    fields = [QComboBox(), QSpinBox(), QDateEdit()]
    fields[0].addItems(["one", "two", "three"])
    column = QVBoxLayout(page)
    for field in fields:
        column.addWidget(field)
    qtbot.addWidget(page)
    page.show()
    for field in fields:
        shown = field.currentText() if isinstance(field, QComboBox) else field.text()
        wheel(field)
        now = field.currentText() if isinstance(field, QComboBox) else field.text()
        assert now == shown, f"{type(field).__name__} changed on the wheel without focus"
    fields[1].setFocus()
    qtbot.waitUntil(fields[1].hasFocus)
    wheel(fields[1], notches=1)
    assert fields[1].value() == 1, "with focus, the wheel still works"


def test_an_assignment_change_can_be_undone_and_redone(qtbot, database, manager, window,
                                                       customers):
    staff(database, manager)
    window.open_customer(customers.ann)
    sales = window.contact_card.findChild(QComboBox, "assignedSales")
    sales.setCurrentIndex(sales.findText("Dana Whitfield"))
    sales.activated.emit(sales.currentIndex())
    assert sales_of(database, customers.ann) == "Dana Whitfield"
    assert window.undo_action.text().startswith("&Undo Assign Dana Whitfield as Sales")
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert sales_of(database, customers.ann) is None
    assert window.contact_card.findChild(QComboBox, "assignedSales").currentText() == "Nobody"
    window.undo_stack.redo()
    assert sales_of(database, customers.ann) == "Dana Whitfield"


def test_undoing_an_assignment_another_desk_changed_since_is_refused(
        qtbot, database, manager, window, customers, next_message_box):
    staff(database, manager)
    window.open_customer(customers.ann)
    sales = window.contact_card.findChild(QComboBox, "assignedSales")
    sales.setCurrentIndex(sales.findText("Dana Whitfield"))
    sales.activated.emit(sales.currentIndex())
    omar = next(p.user_id for p in users.list_users(database.unit_of_work())
                if p.name == "Omar Ruiz")
    users.assign_user(database.unit_of_work(), manager, customers.ann, AssignmentRole.SALES,
                      omar)  # another desk, meanwhile
    said = next_message_box()
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: bool(said))
    assert "another desk" in said[0].lower() and "nothing was" in said[0].lower()
    assert sales_of(database, customers.ann) == "Omar Ruiz"


def test_a_stale_assignment_choice_is_refused(qtbot, database, manager, window, customers,
                                              next_message_box):
    staff(database, manager)
    window.open_customer(customers.ann)
    li = next(p.user_id for p in users.list_users(database.unit_of_work()) if p.name == "Li Chen")
    users.assign_user(database.unit_of_work(), manager, customers.ann, AssignmentRole.SALES, li)
    sales = window.contact_card.findChild(QComboBox, "assignedSales")  # still shows Nobody
    sales.setCurrentIndex(sales.findText("Dana Whitfield"))
    said = next_message_box()
    sales.activated.emit(sales.currentIndex())
    qtbot.waitUntil(lambda: bool(said))
    assert "another desk" in said[0].lower()
    assert sales_of(database, customers.ann) == "Li Chen"
