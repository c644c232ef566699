"""Each section of the contact card, and each permission rule it shows."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QInputDialog,
    QLabel,
    QListView,
    QMenu,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QToolButton,
)

from contact_desk.app import create_main_window
from contact_desk.domain.enums import AssignmentRole, DealStage, Permission
from contact_desk.services import garage, users
from contact_desk.services.card import contact_card
from contact_desk.store.activity import WebActivity
from contact_desk.store.sales import Deal
from contact_desk.ui.card.dialogs import LogAttemptDialog, VehicleDialog
from contact_desk.ui.edit_contact_info import EditContactInfoDialog
from contact_desk.ui.models.contact_points import PRIMARY
from tests.conftest import first_manager
from tests.ui.modal import when_open

VINS = ["1HGCM82633A004352", "5N1FNSHC1TU281580", "5FN59T5M7HP883362", "1FT8JR7J0FW918546"]




def card_of(window):
    return window.contact_card


def child(window, kind, name):
    found = window.contact_card.findChild(kind, name)
    assert found is not None, name
    return found


@pytest.fixture
def ann_open(window, customers):
    window.open_customer(customers.ann)
    return window


@pytest.fixture
def clerk_window(qtbot, database, database_url, customers, clerk):
    main = create_main_window(database_url, actor=clerk)
    qtbot.addWidget(main)
    main.open_customer(customers.ann)
    return main


def test_contact_information_lists_every_method_with_a_pencil_and_the_birthday(qtbot, ann_open):
    page = ann_open.customer_page
    for point in (*page.view.phones, *page.view.emails):
        assert child(ann_open, QToolButton, f"editPoint_{point.id}").isVisible()
    birthday = child(ann_open, QLabel, "cardBirthday")
    assert birthday.text() == "Birthday: not on file"
    assert "not edited here" in birthday.toolTip()


def test_add_beside_phones_opens_the_edit_dialog_with_a_new_phone(qtbot, ann_open):
    rows = []

    def look(dialog):
        rows.append(len(dialog.rows_of(dialog.rows[0].kind)))
        dialog.done(0)

    when_open(EditContactInfoDialog, look)
    qtbot.mouseClick(child(ann_open, QToolButton, "cardAddPhone"), Qt.MouseButton.LeftButton)
    assert rows == [4]  # Ann's three phones and the new one


def test_best_method_defaults_to_text_then_follows_logged_attempts(qtbot, ann_open):
    reason = child(ann_open, QLabel, "bestContactReason")
    assert reason.text() == "No attempts logged yet: Text is the default."

    def log(dialog):
        dialog.form.channelCombo.setCurrentText("Call")
        dialog.form.outcomeCombo.setCurrentText("Reached")
        dialog.save()

    when_open(LogAttemptDialog, log)
    qtbot.mouseClick(child(ann_open, QPushButton, "logAttemptButton"), Qt.MouseButton.LeftButton)
    bar = child(ann_open, QProgressBar, "rateCall")
    assert child(ann_open, QLabel, "rateLabelCall").text() == "Best: Call: 1 of 1 (100%)"
    assert bar.value() == 100 and bar.accessibleName() == "Best: Call: 1 of 1 (100%)"
    assert not bar.isTextVisible()  # the words are the label's, not painted on the bar
    assert child(ann_open, QLabel, "rateLabelText").text() == "Text: 0 of 0 (0%)"
    assert "Call" in child(ann_open, QLabel, "bestContactReason").text()


def test_no_open_deal_says_so(ann_open):
    assert child(ann_open, QLabel, "noOpenDeal").text() == "No open deal."


def add_deal(database, customer_id, locked: bool) -> None:
    with database.unit_of_work() as uow:
        uow.session.add(Deal(customer_id=customer_id, stage=DealStage.CONTACTED,
                             source="Cars.com" if locked else "Walk-in", source_locked=locked,
                             created_at=datetime(2026, 11, 1, tzinfo=UTC)))
        uow.commit()


def test_a_lead_deal_shows_its_source_locked_with_the_reason(database, window, customers):
    add_deal(database, customers.ann, locked=True)
    window.open_customer(customers.ann)
    change = child(window, QToolButton, "changeDealSource")
    assert not change.isEnabled() and change.text() == "Source locked"
    assert "ADF lead" in child(window, QLabel, "dealSourceReason").text()
    assert child(window, QLabel, "dealStage").text() == "Contacted"


def test_only_a_user_with_the_permission_changes_the_source(qtbot, database, customers,
                                                            window, clerk_window):
    add_deal(database, customers.ann, locked=False)
    clerk_window.open_customer(customers.ann)
    refused = clerk_window.contact_card.findChild(QToolButton, "changeDealSource")
    assert not refused.isEnabled() and "does not have the permission" in refused.toolTip()

    window.open_customer(customers.ann)
    allowed = child(window, QToolButton, "changeDealSource")
    assert allowed.isEnabled()
    when_open(QInputDialog, lambda box: (box.setTextValue("Referral"), box.accept()))
    qtbot.mouseClick(allowed, Qt.MouseButton.LeftButton)
    assert child(window, QLabel, "dealSource").text() == "Referral"


def test_the_garage_shows_three_then_view_all_and_copies_a_vin(qtbot, database, manager,
                                                               window, customers):
    for year, vin in enumerate(VINS, start=2015):
        garage.add_vehicle(database.unit_of_work(), manager, customers.ann, vin, year, "Honda",
                           "Civic")
    window.open_customer(customers.ann)
    shown = [b for b in window.contact_card.findChildren(QToolButton)
             if b.objectName().startswith("vin_") and b.isVisible()]
    assert len(shown) == 3
    assert child(window, QPushButton, "garageViewAll").text() == "View all (4)"
    assert window.contact_card.sections["garage"].heading.text() == "Garage (4)"
    qtbot.mouseClick(shown[0], Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == shown[0].text()

    listed = []

    def count(dialog):
        listed.append(len([b for b in dialog.findChildren(QToolButton)
                           if b.objectName().startswith("vin_")]))
        dialog.reject()

    when_open(QDialog, count)
    qtbot.mouseClick(child(window, QPushButton, "garageViewAll"), Qt.MouseButton.LeftButton)
    assert listed == [4]


def _choose_from_menu(text: str, tries: int = 250) -> None:
    """Trigger ``text`` in the pop-up menu once it is open (its exec() waits meanwhile)."""
    menu = QApplication.activePopupWidget()
    if isinstance(menu, QMenu):
        [action] = [a for a in menu.actions() if a.text() == text]
        menu.close()
        action.trigger()
    elif tries:
        QTimer.singleShot(20, lambda: _choose_from_menu(text, tries - 1))


def test_a_vehicle_changed_at_another_desk_is_not_written_over(qtbot, database, manager,
                                                               window, customers):
    vehicle_id = garage.add_vehicle(database.unit_of_work(), manager, customers.ann, VINS[0],
                                    2019, "Honda", "Civic").vehicle_id
    window.open_customer(customers.ann)
    garage.edit_vehicle(database.unit_of_work(), manager, vehicle_id, VINS[0], 2020, "Honda",
                        "Civic")  # another desk, meanwhile
    seen = {}

    def retype(dialog):
        dialog.form.modelEdit.setText("Civic Si")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        seen["problem"] = dialog.form.problemLabel.text()
        seen["typed"] = dialog.form.modelEdit.text()
        dialog.reject()

    when_open(VehicleDialog, retype)
    _choose_from_menu("Edit…")
    qtbot.mouseClick(child(window, QToolButton, f"vehicle_{vehicle_id}"),
                     Qt.MouseButton.LeftButton)

    assert seen["problem"].startswith("Another desk changed the 2020 Honda Civic")
    assert seen["typed"] == "Civic Si"  # what the clerk typed stays until they close
    with database.sessions() as session:
        assert [view.model for view in garage.garage(session, customers.ann)] == ["Civic"]
    assert child(window, QToolButton, f"vehicle_{vehicle_id}").text() == "2020 Honda Civic"


def test_a_vin_with_a_wrong_check_digit_keeps_save_disabled(qtbot, ann_open):
    seen = {}

    def type_vin(dialog):
        qtbot.keyClicks(dialog.form.vinEdit, "1HGCM82634A004352")  # check digit 4, not 3
        qtbot.keyClicks(dialog.form.makeEdit, "Honda")
        qtbot.keyClicks(dialog.form.modelEdit, "Accord")
        seen["save"] = dialog.save_button.isEnabled()
        seen["problem"] = dialog.form.problemLabel.text()
        dialog.reject()

    when_open(VehicleDialog, type_vin)
    qtbot.mouseClick(child(ann_open, QPushButton, "garageAddVehicle"), Qt.MouseButton.LeftButton)
    assert not seen["save"] and "check digit" in seen["problem"]


def test_assigned_users_need_the_permission(qtbot, database, customers, window, clerk_window):
    combo = clerk_window.contact_card.findChild(QComboBox, "assignedSales")
    assert not combo.isEnabled() and "does not have the permission" in combo.toolTip()

    window.open_customer(customers.ann)
    users.create_user(database.unit_of_work(), first_manager(database), "dana", "Dana Whitfield",
                      [Permission.EDIT_CUSTOMERS])
    window.open_customer(customers.ann)
    sales = child(window, QComboBox, "assignedSales")
    assert sales.isEnabled()
    sales.setCurrentIndex(sales.findText("Dana Whitfield"))
    sales.activated.emit(sales.currentIndex())
    card = contact_card(database.unit_of_work(), customers.ann)
    assert {role: name for role, _, name in card.assignments}[AssignmentRole.SALES] \
        == "Dana Whitfield"


def notes_shown(window) -> list[str]:
    """The notes the card's one list of notes shows, top to bottom."""
    view = child(window, QListView, "notesList")
    model = view.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def save_note(qtbot, window, text: str) -> None:
    child(window, QPlainTextEdit, "noteBox").setPlainText(text)
    qtbot.mouseClick(child(window, QPushButton, "saveNoteButton"), Qt.MouseButton.LeftButton)


def test_notes_are_plain_text_newest_first_with_the_count(qtbot, ann_open):
    assert child(ann_open, QLabel, "notesEmpty").isVisible()
    for text in ("First call went well.", "<h1>Prefers</h1> texts"):
        save_note(qtbot, ann_open, text)
    assert notes_shown(ann_open) == ["<h1>Prefers</h1> texts", "First call went well."]
    view = child(ann_open, QListView, "notesList")
    assert view.isVisible() and not child(ann_open, QLabel, "notesEmpty").isVisible()
    # Drawn as the characters they are: a heading would make the first note taller than
    # the second, both one line under their byline.
    first, second = (view.visualRect(view.model().index(row, 0)) for row in (0, 1))
    assert first.height() == second.height() > 0
    byline = view.model().index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert byline.endswith(": <h1>Prefers</h1> texts") and " · " in byline
    assert ann_open.contact_card.sections["notes"].heading.text() == "Customer Notes (2)"
    assert child(ann_open, QPlainTextEdit, "noteBox").toPlainText() == ""


def test_the_notes_are_one_list_that_grows_then_scrolls_never_sideways(qtbot, ann_open):
    """Fifty notes are one widget, not a label each; a long pasted link wraps inside."""
    save_note(qtbot, ann_open, "https://example.com/" + "a" * 300)
    for n in range(49):
        save_note(qtbot, ann_open, f"Called about the service visit #{n}.")
    view = child(ann_open, QListView, "notesList")
    assert view.model().rowCount() == 50
    assert not [label for label in ann_open.contact_card.findChildren(QLabel)
                if "service visit" in label.text()]
    qtbot.waitUntil(lambda: view.verticalScrollBar().maximum() > 0)  # it scrolls within
    view.scrollToBottom()
    qtbot.waitUntil(lambda: view.visualRect(view.model().index(49, 0)).isValid())
    link = view.visualRect(view.model().index(49, 0))
    assert link.width() <= view.viewport().width()
    assert link.height() > 3 * view.fontMetrics().height()  # the link wrapped
    assert not view.horizontalScrollBar().isVisible()


def test_keyboard_reaches_the_notes_and_copies_one(qtbot, ann_open):
    save_note(qtbot, ann_open, "Prefers texts after 5")
    view = child(ann_open, QListView, "notesList")
    assert view.focusPolicy() & Qt.FocusPolicy.TabFocus
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Home)
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "Prefers texts after 5"


def test_an_empty_note_is_refused_in_place(qtbot, ann_open):
    qtbot.mouseClick(child(ann_open, QPushButton, "saveNoteButton"), Qt.MouseButton.LeftButton)
    assert "Type the note" in child(ann_open, QLabel, "noteProblem").text()


def test_insight_has_an_empty_state_then_the_visits(database, window, customers):
    window.open_customer(customers.ann)
    assert child(window, QLabel, "insightEmpty").isVisible()
    with database.unit_of_work() as uow:
        for minute, page in ((10, "/inventory"), (50, "/trade-in-value")):
            uow.session.add(WebActivity(customer_id=customers.ann, last_page=page, seconds=900,
                                        visited_at=datetime(2026, 11, 20, 18, minute,
                                                            tzinfo=UTC)))
        uow.commit()
    window.open_customer(customers.bob)
    window.open_customer(customers.ann)
    texts = [label.text() for label in window.contact_card.sections["insight"].findChildren(QLabel)]
    assert "/trade-in-value" in texts and "30 min" in texts


def test_regenerate_writes_the_summary_with_its_time(qtbot, ann_open):
    text = child(ann_open, QLabel, "summaryText")
    assert "No summary yet" in text.text()
    qtbot.mouseClick(child(ann_open, QPushButton, "regenerateSummaryButton"),
                     Qt.MouseButton.LeftButton)
    assert "No summary yet" not in text.text() and text.text()
    assert child(ann_open, QLabel, "summaryGeneratedAt").text().startswith("Generated ")


def test_a_primary_click_redraws_what_changed_and_leaves_the_notes_as_they_are(qtbot, ann_open):
    save_note(qtbot, ann_open, "First call went well.")
    box = child(ann_open, QPlainTextEdit, "noteBox")
    box.setPlainText("Half a thought")  # typed, not saved
    phones = ann_open.customer_page.phones
    notes = child(ann_open, QListView, "notesList").model()
    shown_again: list[bool] = []
    notes.modelReset.connect(lambda: shown_again.append(True))

    assert phones.setData(phones.index(1, PRIMARY), Qt.CheckState.Checked.value,
                          Qt.ItemDataRole.CheckStateRole)

    shown = [label.text() for label in ann_open.contact_card.findChildren(QLabel)]
    assert f"{phones.point(1).display} · primary" in shown  # Contact Information redrawn
    assert shown_again == []  # the notes were not laid out again
    assert box.toPlainText() == "Half a thought"
    save_note(qtbot, ann_open, "Second call")
    assert notes_shown(ann_open) == ["Second call", "First call went well."]
