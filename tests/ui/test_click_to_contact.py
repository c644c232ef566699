"""Click-to-call, -text and -email in the real window: a refusal is said plainly and nothing
opens or is logged; an allowed contact is logged (a started attempt and its history entry)
and its link handed to the system, through the dealership's app once a manager sets one.
Buttons, context menus and the Menu key all reach it."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer, QUrl
from PySide6.QtGui import QContextMenuEvent, QDesktopServices
from PySide6.QtWidgets import QApplication, QMenu, QToolButton
from sqlalchemy import select

from contact_desk.domain.enums import AttemptOutcome, Channel, ContactKind
from contact_desk.domain.history import Field
from contact_desk.store.activity import ContactAttempt
from contact_desk.ui.contact_apps_dialog import ContactAppsDialog
from tests.ui.modal import when_open
from tests.ui.test_main_window import open_customer

NEW_YORK = ZoneInfo("America/New_York")
NOON = datetime(2026, 3, 3, 12, 0, tzinfo=NEW_YORK)


@pytest.fixture
def opened(monkeypatch) -> list[str]:
    """What the window hands to the system to open (nothing really opens)."""
    urls: list[str] = []

    def record(url: QUrl) -> bool:
        urls.append(url.toString(QUrl.ComponentFormattingOption.FullyEncoded))
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", record)
    return urls


@pytest.fixture
def at_noon(window):
    window.desk.clock = lambda: NOON
    return window


def attempts(window) -> list[tuple]:
    with window.desk.database.sessions() as session:
        return [tuple(row) for row in session.execute(
            select(ContactAttempt.customer_id, ContactAttempt.channel, ContactAttempt.outcome)
            .order_by(ContactAttempt.id))]


def card_button(window, name: str, row: int = 0) -> QToolButton:
    point = window.customer_page.view.phones[row]
    button = window.contact_card.findChild(QToolButton, f"{name}_{point.id}")
    assert button is not None and button.isVisible(), name
    return button


def table_button(qtbot, table, row: int, name: str) -> None:
    """Click the button ``name`` the delegate draws in the row's last cell."""
    column = table.model().reach_column
    index = table.model().index(row, column)
    delegate = table.itemDelegateForColumn(column)
    [rect] = [rect for action, rect in delegate.button_rects(row, table.visualRect(index))
              if action.name == name]
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_a_text_to_an_opted_out_number_is_refused_plainly_and_nothing_opens_or_is_logged(
        qtbot, at_noon, opened, next_message_box):
    window = at_noon
    open_customer(qtbot, window, "cy")  # the primary phone is marked do-not-text
    said = next_message_box()
    qtbot.mouseClick(card_button(window, "textPoint"), Qt.MouseButton.LeftButton)
    [message] = said
    assert message.startswith("(415) 555-0123 was not texted; nothing was opened or logged.\n"
                              "Opted out by the customer at the desk on ")
    assert message.endswith("(transactional texts).")
    assert opened == [] and attempts(window) == []


def test_an_allowed_text_opens_the_sms_link_and_logs_the_attempt_and_its_history(
        qtbot, at_noon, opened, customers):
    window = at_noon
    open_customer(qtbot, window, "ann")
    table_button(qtbot, window.customer_page.form.phoneTable, 0, "textPointButton")
    assert opened == ["sms:+12125550142"]
    assert attempts(window) == [(customers.ann, Channel.TEXT, AttemptOutcome.STARTED)]
    [entry] = [e for e in window.desk.history(customers.ann).entries if e.field is Field.STARTED]
    assert (entry.what, entry.new, entry.detail) == (
        "Contact attempt", "Text", "Transactional text to (212) 555-0142: may text now")
    best = window.desk.card(customers.ann).best
    assert best.attempts == 0, "started is no try that failed"


def test_call_and_email_from_the_card_open_tel_and_mailto(qtbot, at_noon, opened):
    window = at_noon
    open_customer(qtbot, window, "ann")
    qtbot.mouseClick(card_button(window, "callPoint"), Qt.MouseButton.LeftButton)
    email = window.customer_page.view.emails[0]
    qtbot.mouseClick(window.contact_card.findChild(QToolButton, f"emailPoint_{email.id}"),
                     Qt.MouseButton.LeftButton)
    assert opened == ["tel:+12125550142", f"mailto:{email.value}"]


def test_quiet_hours_refuse_with_the_time_it_may_go_out(qtbot, window, opened,
                                                         next_message_box):
    window.desk.clock = lambda: datetime(2026, 3, 3, 21, 40, tzinfo=NEW_YORK)
    open_customer(qtbot, window, "ann")
    said = next_message_box()
    qtbot.mouseClick(card_button(window, "callPoint"), Qt.MouseButton.LeftButton)
    assert said == ["(212) 555-0142 was not called; nothing was opened or logged.\n"
                    "It is 9:40 PM in New York: transactional calls may go out from 8:00 AM."]
    assert opened == [] and attempts(window) == []


def run_menu(qtbot, open_menu, entry: str) -> list[str]:
    """Open a context menu with ``open_menu()``, read its entries, trigger ``entry``."""
    seen: list[str] = []

    def choose(tries: int = 100) -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            if tries:
                QTimer.singleShot(20, lambda: choose(tries - 1))
            return
        seen.extend(action.objectName() for action in menu.actions() if action.objectName())
        [wanted] = [a for a in menu.actions() if a.objectName() == entry]
        menu.close()
        wanted.trigger()

    QTimer.singleShot(0, choose)
    open_menu()
    qtbot.waitUntil(lambda: bool(seen))
    return seen


def test_the_marketing_text_is_offered_apart_in_the_menu_with_its_own_answer(
        qtbot, at_noon, opened, next_message_box):
    window = at_noon
    open_customer(qtbot, window, "ann")
    table = window.customer_page.form.phoneTable
    said = next_message_box()
    where = table.visualRect(table.model().index(0, 2)).center()
    seen = run_menu(qtbot, lambda: table.customContextMenuRequested.emit(where),
                    "marketingTextPointAction")
    assert seen == ["callPointAction", "textPointAction", "marketingTextPointAction",
                    "whoReceivesAction"]
    qtbot.waitUntil(lambda: bool(said))
    assert said[0].endswith("\nNo opt-in to marketing texts on record.")
    assert opened == [] and attempts(window) == []


def test_the_menu_key_opens_the_current_row_s_menu(qtbot, at_noon, opened):
    window = at_noon
    open_customer(qtbot, window, "ann")
    table = window.customer_page.form.emailTable
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 2))
    # What the window sends its focus widget for the Menu key or Shift+F10.
    menu_key = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, QPoint(0, 0),
                                 table.mapToGlobal(QPoint(0, 0)))
    seen = run_menu(qtbot, lambda: QApplication.sendEvent(table, menu_key), "emailPointAction")
    assert seen == ["emailPointAction", "whoReceivesAction"]
    assert opened == [f"mailto:{window.customer_page.view.emails[0].value}"]


def test_the_card_s_buttons_are_reached_by_tab_and_pressed_by_space(qtbot, at_noon, opened):
    window = at_noon
    open_customer(qtbot, window, "ann")
    text = card_button(window, "textPoint")
    assert text.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert text.accessibleName() == "Text (212) 555-0142"
    call = card_button(window, "callPoint")
    call.setFocus()
    qtbot.keyClick(call, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is text
    qtbot.keyClick(text, Qt.Key.Key_Space)
    assert opened == ["sms:+12125550142"]


def test_the_card_row_s_menu_has_the_same_entries(qtbot, at_noon, opened):
    window = at_noon
    open_customer(qtbot, window, "ann")
    row = window.contact_card.contact_info.points[ContactKind.PHONE].rows[0]
    seen = run_menu(qtbot, lambda: row.customContextMenuRequested.emit(QPoint(4, 4)),
                    "callPointAction")
    assert seen == ["callPointAction", "textPointAction", "marketingTextPointAction",
                    "whoReceivesAction"]
    assert opened == ["tel:+12125550142"]


def test_the_dealership_s_app_is_set_in_the_file_menu_and_then_opened(qtbot, at_noon, opened):
    window = at_noon
    open_customer(qtbot, window, "ann")

    def fill(dialog: ContactAppsDialog) -> None:
        dialog.form.callEdit.setText("https://dialer.example.com/call?to={e164}")
        dialog.save()
        assert not dialog.isVisible()

    when_open(ContactAppsDialog, fill)
    window.contact_apps_action.trigger()
    qtbot.mouseClick(card_button(window, "callPoint"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(card_button(window, "textPoint"), Qt.MouseButton.LeftButton)
    assert opened == ["https://dialer.example.com/call?to=%2B12125550142", "sms:+12125550142"]


def test_a_bad_template_is_refused_in_words_and_the_dialog_stays(qtbot, at_noon):
    window = at_noon
    seen: list[str] = []

    def fill(dialog: ContactAppsDialog) -> None:
        dialog.form.textEdit.setText("https://texting.example.com/new?to={phone}")
        dialog.save()
        assert dialog.isVisible()
        assert dialog.form.saveError.isVisible()
        seen.append(dialog.form.saveError.text())
        assert QApplication.focusWidget() is dialog.form.textEdit
        dialog.reject()

    when_open(ContactAppsDialog, fill)
    window.contact_apps_action.trigger()
    assert seen == ["{phone} is not a placeholder of the texting app link: it can use {e164} "
                    "or {digits}."]
    assert window.desk.contact_apps().text == ""
