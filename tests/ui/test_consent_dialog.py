"""Recording consent in the window: the consent dialog opened from Edit Contact Info, the
statement saved with the dialog's Save, the badges on the card and the page, Undo, a
refusal kept in the dialog, and the keyboard."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from contact_desk.domain.consent import MAX_EVIDENCE_NOTE, ConsentHow, ConsentState, Purpose
from contact_desk.domain.enums import Channel, ContactKind
from contact_desk.services.contact_info import add_contact_point
from contact_desk.services.customers import get_customer
from contact_desk.store.consent import ConsentRow
from contact_desk.ui.consent_dialog import CHOOSE_STATE, ConsentDialog
from contact_desk.ui.edit_contact_info import (
    CONSENT_OF_OLD_VALUE,
    SAVE_CORRECTION_FIRST,
    SAVE_NEW_FIRST,
    EditContactInfoDialog,
)
from contact_desk.ui.models.contact_points import BADGES_ROLE, CONTACT
from tests.ui.modal import answer_file_dialog, when_open
from tests.ui.test_edit_contact_info import type_into

PHONE = ContactKind.PHONE
TODAY = datetime.now(timezone.utc).date().isoformat()  # records are dated in UTC


@pytest.fixture
def page(qtbot, window):
    window.open_customer(window.results.hit(0).id)  # Ann Lee
    return window.customer_page


@pytest.fixture
def edit(qtbot, page) -> Iterator[EditContactInfoDialog]:
    box = EditContactInfoDialog(page.view, "US", page._save_from_dialog, page,
                                read_file=page.desk.read_chosen_file)
    box.show()
    yield box
    box.done(0)
    box.deleteLater()


@pytest.fixture
def consent(qtbot, page) -> Iterator[ConsentDialog]:
    box = ConsentDialog(page.view.phones[0], (), page.desk.read_chosen_file, page)
    box.show()
    box.activateWindow()
    yield box
    box.done(0)  # closed without the discard question a clerk would get
    box.deleteLater()


def choose(dialog: ConsentDialog, channel: Channel, state: ConsentState,
           purposes: tuple[Purpose, ...] = tuple(Purpose), note: str = "",
           how: ConsentHow = ConsentHow.DESK) -> None:
    form = dialog.form
    for combo, wanted in ((form.channelCombo, channel), (form.purposeCombo, purposes),
                          (form.stateCombo, state), (form.howCombo, how)):
        # By item: findData cannot compare a tuple of purposes.
        combo.setCurrentIndex(next(i for i in range(combo.count())
                                   if combo.itemData(i) == wanted))
    form.noteEdit.setText(note)


def record_in_dialog(qtbot, edit: EditContactInfoDialog, row: int, channel: Channel,
                     state: ConsentState, note: str = "") -> None:
    """The clerk presses a row's Consent…, fills the dialog and presses Record."""

    def fill(dialog: ConsentDialog) -> None:
        choose(dialog, channel, state, note=note)
        qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
        assert not dialog.isVisible(), dialog.form.recordError.text()

    when_open(ConsentDialog, fill)
    qtbot.mouseClick(edit.rows[row].form.consentButton, Qt.MouseButton.LeftButton)


def card_badges(window, point_id: int) -> dict[str, str]:
    """The card's visible badges of one value: text -> tooltip."""
    return {label.text(): label.toolTip()
            for label in window.contact_card.findChildren(QLabel)
            if label.objectName().startswith(f"consentBadge_{point_id}_")
            and label.isVisibleTo(window.contact_card)}


def stored_text_state(database, customer_id: int) -> ConsentState:
    cell = get_customer(database.unit_of_work(), customer_id).phones[0]
    return cell.consent.state(Channel.TEXT, Purpose.TRANSACTIONAL)


def test_an_opt_out_recorded_in_edit_contact_info_is_saved_and_shown_and_undone(
        qtbot, window, page, database, customers):
    cell = page.view.phones[0]
    reads: list[str] = []
    for name in ("customer", "card"):  # nothing is read again after the save
        read = getattr(window.desk, name)
        setattr(window.desk, name, lambda id_, read=read, name=name: reads.append(name)
                or read(id_))

    def edit_and_save(dialog: EditContactInfoDialog) -> None:
        line = dialog.rows[0].form.consentLabel
        assert line.text() == "Calls: not asked · Texts: not asked"
        record_in_dialog(qtbot, dialog, 0, Channel.TEXT, ConsentState.OPTED_OUT,
                         "Asked at the service desk")
        assert line.text() == "Calls: not asked · Texts: opted out (pending)"
        assert "Asked at the service desk" not in line.text()
        assert dialog.save_button.isEnabled()
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    when_open(EditContactInfoDialog, edit_and_save)
    qtbot.mouseClick(page.form.editContactInfoButton, Qt.MouseButton.LeftButton)
    assert stored_text_state(database, customers.ann) is ConsentState.OPTED_OUT
    with database.sessions() as session:
        rows = session.query(ConsentRow).filter_by(value=cell.value).all()
        assert {(r.channel, r.purpose, r.state, r.evidence_note) for r in rows} == {
            (Channel.TEXT, p, ConsentState.OPTED_OUT, "Asked at the service desk")
            for p in Purpose}
    badges = card_badges(window, cell.id)
    assert list(badges) == ["No texts"]
    assert badges["No texts"] == f"Texts: opted out by the customer at the desk on {TODAY}"
    assert [b.text for b in page.phones.index(0, CONTACT).data(BADGES_ROLE)] == ["No texts"]
    assert reads == []

    edit_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    assert window.undo_action in edit_menu.actions()
    window.undo_action.trigger()
    assert stored_text_state(database, customers.ann) is ConsentState.NOT_ASKED
    with database.sessions() as session:  # taken back, kept as proof of what was
        assert all(r.withdrawn_at is not None
                   for r in session.query(ConsentRow).filter_by(value=cell.value))
    qtbot.waitUntil(lambda: card_badges(window, cell.id) == {})
    assert page.phones.index(0, CONTACT).data(BADGES_ROLE) == []


def test_a_file_over_ten_megabytes_is_refused_by_its_size_and_nothing_typed_is_lost(
        qtbot, consent, tmp_path):
    big = tmp_path / "scan.pdf"
    with big.open("wb") as file:  # sparse: 11 MB that take no room on disk
        file.truncate(11 * 1024 * 1024)
    read: list[Path] = []
    real = consent._read_file
    consent._read_file = lambda path, limit: read.append(path) or real(path, limit)
    choose(consent, Channel.TEXT, ConsentState.OPTED_IN, note="Signed the texting form")
    answer_file_dialog(big)
    qtbot.mouseClick(consent.form.attachButton, Qt.MouseButton.LeftButton)
    problem = consent.form.fileProblem
    assert problem.isVisible()
    assert problem.text() == "scan.pdf is 11.0 MB; an evidence file may be at most 10 MB."
    assert read == []  # refused by the size the folder gives, before a byte is read
    assert consent.evidence is None and consent.form.fileName.text() == "No file attached"
    assert consent.form.noteEdit.text() == "Signed the texting form"
    assert consent.form.stateCombo.currentData() is ConsentState.OPTED_IN
    assert consent.isVisible()

    small = tmp_path / "signed form.pdf"
    small.write_bytes(b"%PDF-1.4 signed")
    consent.attach_file(small)
    assert consent.form.fileName.text() == "signed form.pdf" and not problem.isVisible()
    consent.attach_file(big)  # a second refusal keeps the file attached before it
    assert consent.evidence.name == "signed form.pdf" and problem.isVisible()
    consent.record()
    recorded = consent.recorded
    assert recorded.evidence.content == b"%PDF-1.4 signed"
    assert recorded.evidence.content_type == "application/pdf"


def test_the_services_refusal_is_shown_in_the_dialog_and_the_fields_stay(qtbot, consent):
    consent.record()
    error = consent.form.recordError
    assert consent.isVisible() and error.text() == CHOOSE_STATE
    long_note = "x" * (MAX_EVIDENCE_NOTE + 1)
    choose(consent, Channel.CALL, ConsentState.OPTED_OUT, note=long_note)
    qtbot.mouseClick(consent.record_button, Qt.MouseButton.LeftButton)
    assert consent.isVisible() and consent.recorded is None
    assert error.isVisible()
    assert error.text() == "The note is 2,001 characters; keep it to 2,000."
    assert consent.form.noteEdit.text() == long_note
    assert consent.form.channelCombo.currentData() is Channel.CALL


def test_the_database_file_is_not_taken_as_evidence(qtbot, consent, database):
    consent.attach_file(Path(database.path))
    assert "the desk's own database" in consent.form.fileProblem.text()
    assert consent.evidence is None


def test_an_email_offers_only_the_email_channel(qtbot, page):
    email = page.view.emails[0]
    dialog = ConsentDialog(email, (), None)
    qtbot.addWidget(dialog)
    combo = dialog.form.channelCombo
    assert [combo.itemData(i) for i in range(combo.count())] == [Channel.EMAIL]
    assert dialog.findChild(QLabel, "emailTransactionalOnFile").text() \
        == "Not asked (nothing recorded)"
    assert dialog.findChild(QLabel, "textTransactionalOnFile") is None
    how = dialog.form.howCombo
    assert [how.itemData(i) for i in range(how.count())] == [
        ConsentHow.DESK, ConsentHow.SIGNED_FORM, ConsentHow.WEB_FORM, ConsentHow.PORTAL]
    assert not dialog.form.attachButton.isEnabled()  # no way to read a file was given


def test_every_control_is_reached_by_tab_in_order_and_labelled_with_a_mnemonic(
        qtbot, consent):
    form = consent.form
    form.channelCombo.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.channelCombo)
    reached = [form.channelCombo]
    for _ in range(7):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    cancel = form.buttonBox.button(form.buttonBox.StandardButton.Cancel)
    # Remove waits for a file: it is skipped while there is none.
    assert reached == [form.channelCombo, form.purposeCombo, form.stateCombo, form.howCombo,
                       form.noteEdit, form.attachButton, consent.record_button, cancel]
    for label, buddy in ((form.channelLabel, form.channelCombo),
                         (form.purposeLabel, form.purposeCombo),
                         (form.stateLabel, form.stateCombo), (form.howLabel, form.howCombo),
                         (form.noteLabel, form.noteEdit), (form.fileLabel, form.attachButton)):
        assert "&" in label.text() and label.buddy() is buddy
    assert consent.record_button.text() == "&Record"
    shortcuts = [w.text().split("&")[1][0].lower() for w in (
        form.channelLabel, form.purposeLabel, form.stateLabel, form.howLabel, form.noteLabel,
        form.fileLabel, form.attachButton, form.removeFileButton, consent.record_button)]
    assert len(set(shortcuts)) == len(shortcuts)


def test_enter_records_and_escape_cancels(qtbot, consent, page):
    form = consent.form
    form.stateCombo.setFocus()
    qtbot.keyClick(form.stateCombo, Qt.Key.Key_Down)  # the first state: opted in
    assert form.stateCombo.currentData() is ConsentState.OPTED_IN
    qtbot.keyClick(form.stateCombo, Qt.Key.Key_Tab)
    qtbot.keyClick(form.howCombo, Qt.Key.Key_Tab)
    qtbot.keyClicks(form.noteEdit, "Said yes to texts")
    qtbot.keyClick(form.noteEdit, Qt.Key.Key_Return)
    assert consent.result() == consent.DialogCode.Accepted
    assert consent.recorded.state is ConsentState.OPTED_IN
    assert consent.recorded.note == "Said yes to texts"

    untouched = ConsentDialog(page.view.phones[1], (), None)
    qtbot.addWidget(untouched)
    untouched.show()
    untouched.activateWindow()
    qtbot.keyClick(untouched.form.channelCombo, Qt.Key.Key_Escape)
    assert not untouched.isVisible() and untouched.recorded is None


def test_escape_with_a_note_typed_asks_before_it_is_thrown_away(qtbot, consent):
    qtbot.keyClicks(consent.form.noteEdit, "Half a note")
    when_open(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Cancel).click())
    qtbot.keyClick(consent.form.noteEdit, Qt.Key.Key_Escape)
    assert consent.isVisible() and consent.form.noteEdit.text() == "Half a note"


def test_the_consent_button_is_reached_by_tab_and_opens_with_the_keyboard(qtbot, edit):
    row = edit.rows[0]
    row.form.valueEdit.setFocus()
    qtbot.keyClick(row.form.valueEdit, Qt.Key.Key_Tab)
    qtbot.keyClick(row.form.statusCombo, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is row.form.consentButton
    opened = []
    when_open(ConsentDialog, lambda dialog: opened.append(dialog.point.id) or dialog.done(0))
    qtbot.keyClick(row.form.consentButton, Qt.Key.Key_Space)
    assert opened == [row.point.id]
    # Back where the clerk was when the Edit dialog is the active window again.
    assert edit.focusWidget() is row.form.consentButton


def test_a_value_added_in_the_dialog_has_its_consent_after_it_is_saved(qtbot, edit):
    row = edit.add_row(PHONE)
    qtbot.keyClicks(row.form.valueEdit, "2125550199")
    assert not row.form.consentButton.isEnabled()
    assert row.form.consentButton.toolTip() == SAVE_NEW_FIRST
    assert not row.form.consentLabel.isVisible()


def test_a_corrected_value_records_consent_once_the_correction_is_saved(qtbot, edit):
    row = edit.rows[1]
    type_into(qtbot, row, "2125550177")
    assert not row.form.consentButton.isEnabled()
    assert row.form.consentButton.toolTip() == SAVE_CORRECTION_FIRST
    type_into(qtbot, row, "(212) 555-0143")  # put back
    assert row.form.consentButton.isEnabled()
    record_in_dialog(qtbot, edit, 1, Channel.CALL, ConsentState.OPTED_OUT)
    type_into(qtbot, row, "2125550177")  # the consent was for the old number
    assert row.form.problemLabel.text() == CONSENT_OF_OLD_VALUE
    assert not edit.save_button.isEnabled()


def test_a_pending_consent_survives_another_desks_save(qtbot, page, database, manager,
                                                       customers):
    said: list[str] = []

    def first(dialog: EditContactInfoDialog) -> None:
        record_in_dialog(qtbot, dialog, 0, Channel.CALL, ConsentState.DO_NOT_CONTACT)
        add_contact_point(database.unit_of_work(), manager, customers.ann, PHONE,
                          "(917) 555-0111")  # another desk saves first
        when_open(QMessageBox, read_and_close)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    def read_and_close(box: QMessageBox) -> None:
        said.append(box.text())
        box.accept()
        when_open(EditContactInfoDialog, second)

    def second(dialog: EditContactInfoDialog) -> None:
        assert dialog.rows[0].form.consentLabel.text() \
            == "Calls: do not contact (pending) · Texts: not asked"
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    when_open(EditContactInfoDialog, first)
    page.edit_contact_info()
    assert said and "Another desk" in said[0]
    cell = get_customer(database.unit_of_work(), customers.ann).phones[0]
    assert cell.consent.state(Channel.CALL, Purpose.MARKETING) is ConsentState.DO_NOT_CONTACT
