"""The Edit Contact Info dialog: correct, add or deactivate phones and emails, record what a
customer said about being called, texted or emailed on each, then Save once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFrame, QVBoxLayout, QWidget

from contact_desk.domain.email import EmailAddress
from contact_desk.domain.enums import ContactKind, ContactPointType, ContactStatus, Source
from contact_desk.domain.errors import ConflictError, DomainError
from contact_desk.domain.phone import PhoneNumber, format_as_you_type
from contact_desk.services.contact_info import (
    ConsentChange,
    ContactInfoChanges,
    NewPoint,
    PointChange,
)
from contact_desk.services.forms import ConsentForm
from contact_desk.services.views import ContactPointView, CustomerView
from contact_desk.ui.consent_dialog import ConsentDialog, ReadFile
from contact_desk.ui.consent_words import consent_details, consent_line, statement, with_pending
from contact_desk.ui.forms.ui_contact_point_row import Ui_ContactPointRow
from contact_desk.ui.forms.ui_edit_contact_info import Ui_EditContactInfoDialog
from contact_desk.ui.messages import confirm_discard, explain
from contact_desk.ui.other_desks import ChangedElsewhereBar
from contact_desk.ui.plain_text import tooltip_text
from contact_desk.ui.text_colors import caution_style, note_style, problem_style

CONFLICT = 2  # exec() result: another desk saved first; the page reloads and reopens
INVALID_EDIT_STYLE = "QLineEdit { border: 1px solid #b3261e; border-radius: 2px; padding: 2px; }"
SAVE_NEW_FIRST = "Save the new value first, then record its consent."
SAVE_CORRECTION_FIRST = "Save the corrected value first, then record its consent."
CONSENT_OF_OLD_VALUE = ("The consent recorded here is for the value as it was saved: put the "
                        "value back, or save the consent first and correct the value after.")

Save = Callable[[ContactInfoChanges, CustomerView], None]  # the changes, and the view they edit
Load = Callable[[int], CustomerView]


@dataclass(frozen=True)
class RowState:
    """What a row holds, kept across a reload after a conflict."""

    point_id: int | None
    kind: ContactKind
    text: str
    status: ContactStatus
    consents: tuple[ConsentForm, ...] = ()


def check_value(kind: ContactKind, text: str, region: str) -> str | None:
    """Why ``text`` is not a valid phone or email, or None when it is."""
    try:
        if kind is ContactKind.PHONE:
            PhoneNumber.parse(text, region)
        else:
            EmailAddress.parse(text)
    except DomainError as error:
        return error.message
    return None


class ContactPointRow(QFrame):
    """One phone or email in the dialog: its type, value, status and what is wrong with it."""

    def __init__(self, kind: ContactKind, region: str, point: ContactPointView | None,
                 on_change: Callable[[], None], on_remove: Callable[[ContactPointRow], None],
                 parent: QWidget | None = None,
                 on_consent: Callable[[ContactPointRow], None] | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_ContactPointRow()
        self.form.setupUi(self)
        self.kind, self.region, self.point = kind, region, point
        self._on_change = on_change
        self.consents: tuple[ConsentForm, ...] = ()  # recorded here, saved with Save
        form = self.form
        for status in ContactStatus:
            form.statusCombo.addItem(status.label, status)
        type_ = point.type if point else ContactPointType.added_by(Source.DEALER, kind)
        form.typeLabel.setText(type_.label)
        noun = "phone number" if kind is ContactKind.PHONE else "email address"
        form.valueEdit.setAccessibleName(f"{type_.label}: {noun}")
        form.valueEdit.setPlaceholderText(
            "(212) 555-0142 or +44 20 7946 0958" if kind is ContactKind.PHONE
            else "name@example.com"
        )
        form.consentLabel.setStyleSheet(note_style())
        if point is not None:
            form.valueEdit.setText(point.display)
            form.statusCombo.setCurrentIndex(list(ContactStatus).index(point.status))
            form.removeButton.hide()
            form.consentButton.setAccessibleName(f"Consent of {point.display}")
            if on_consent is not None:
                form.consentButton.clicked.connect(lambda: on_consent(self))
        else:
            form.statusCombo.setEnabled(False)
            form.statusCombo.setToolTip("A new value starts Active.")
            form.removeButton.clicked.connect(lambda: on_remove(self))
        self.from_dms = type_.source is Source.DMS
        form.dmsNote.hide()  # shown once the clerk changes a DMS value
        form.dmsNote.setStyleSheet(caution_style())
        if self.from_dms:
            form.typeLabel.setToolTip("Comes from the DMS; the DMS is not changed from here.")
        form.problemLabel.setStyleSheet(problem_style())
        form.problemLabel.hide()
        form.valueEdit.textEdited.connect(self._typed)
        form.statusCombo.currentIndexChanged.connect(lambda _: self._refresh())
        self._show_consent()

    @property
    def text(self) -> str:
        return self.form.valueEdit.text().strip()

    @property
    def status(self) -> ContactStatus:
        return self.form.statusCombo.currentData()

    @property
    def problem(self) -> str | None:
        return check_value(self.kind, self.text, self.region)

    @property
    def consent_problem(self) -> str | None:
        """Why Save must wait for this row's consent (it was recorded for the old value)."""
        return CONSENT_OF_OLD_VALUE if self.consents and self.value_changed() else None

    def add_consent(self, form: ConsentForm) -> None:
        self.consents = (*self.consents, form)
        self._refresh()

    def consent_changes(self) -> tuple[ConsentChange, ...]:
        if self.point is None:
            return ()
        return tuple(ConsentChange(self.point.id, form) for form in self.consents)

    def value_changed(self) -> bool:
        return self.point is None or self.text != self.point.display

    def change(self) -> PointChange | NewPoint | None:
        """What saving this row would do (None when nothing changed)."""
        if self.point is None:
            return NewPoint(self.kind, self.text)
        text = self.text if self.value_changed() else None
        status = self.status if self.status is not self.point.status else None
        if text is None and status is None:
            return None
        return PointChange(self.point.id, text=text, status=status)

    def state(self) -> RowState:
        return RowState(self.point.id if self.point else None, self.kind,
                        self.form.valueEdit.text(), self.status, self.consents)

    def restore(self, state: RowState) -> None:
        self.form.valueEdit.setText(state.text)
        self.form.statusCombo.setCurrentIndex(list(ContactStatus).index(state.status))
        self.consents = state.consents if self.point is not None else ()
        self._refresh()

    def _typed(self, text: str) -> None:
        edit = self.form.valueEdit
        if self.kind is ContactKind.PHONE and edit.cursorPosition() == len(text):
            shown = format_as_you_type(text, self.region)
            if shown != text:
                edit.setText(shown)
        self._refresh()

    def _refresh(self) -> None:
        form = self.form
        problem = self.problem if (self.value_changed() or self.point is None) else None
        problem = problem or self.consent_problem
        form.problemLabel.setText(problem or "")
        form.problemLabel.setVisible(problem is not None)
        form.valueEdit.setStyleSheet(INVALID_EDIT_STYLE if problem else "")
        form.valueEdit.setToolTip(tooltip_text(problem))  # it may quote what was typed
        form.dmsNote.setVisible(self.from_dms and self.value_changed())
        self._show_consent()
        self._on_change()

    def _show_consent(self) -> None:
        """The value's consent at a glance, with what is recorded here and not saved yet."""
        form, point = self.form, self.point
        if point is None:
            form.consentLabel.hide()
            form.consentButton.setEnabled(False)
            form.consentButton.setToolTip(SAVE_NEW_FIRST)
            return
        shown = with_pending(point.consent, self.consents)
        pending = frozenset(c.channel for c in self.consents)
        form.consentLabel.setText(consent_line(self.kind, shown, pending))
        details = consent_details(self.kind, point.consent)
        if self.consents:
            details += "\n\nRecorded here, saved with Save:\n" + "\n".join(
                statement(c) for c in self.consents)
        form.consentLabel.setToolTip(tooltip_text(details))  # it quotes stored notes
        corrected = self.value_changed()
        form.consentButton.setEnabled(not corrected)
        form.consentButton.setToolTip(SAVE_CORRECTION_FIRST if corrected else
                                      "Record what the customer said about calls, texts or "
                                      "email on this value")


class EditContactInfoDialog(QDialog):
    """Save is enabled only when something changed and every value is valid."""

    def __init__(self, view: CustomerView, region: str, save: Save,
                 parent: QWidget | None = None, load: Load | None = None,
                 read_file: ReadFile | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_EditContactInfoDialog()
        self.form.setupUi(self)
        self.setWindowTitle(f"Edit Contact Info — {view.full_name}")
        self.view, self.region, self._save, self._load = view, region, save, load
        self._read_file = read_file  # for a consent's evidence file
        self.rows: list[ContactPointRow] = []
        self.form.saveError.setStyleSheet(problem_style())
        self.form.saveError.hide()
        if load is not None:  # another desk may change the customer while this is open
            self.changed_elsewhere = ChangedElsewhereBar(view.id, self.reload, self)
            self.form.dialogLayout.insertWidget(0, self.changed_elsewhere)
        for point in (*view.phones, *view.emails):
            self._add_row(point.kind, point)
        self.form.addPhoneButton.clicked.connect(lambda: self.add_row(ContactKind.PHONE))
        self.form.addEmailButton.clicked.connect(lambda: self.add_row(ContactKind.EMAIL))
        self.save_button.clicked.connect(self.save)
        self.form.buttonBox.rejected.connect(self.reject)
        self._update_save()

    @property
    def save_button(self):  # noqa: ANN201 - a QPushButton
        return self.form.buttonBox.button(QDialogButtonBox.StandardButton.Save)

    def add_row(self, kind: ContactKind) -> ContactPointRow:
        row = self._add_row(kind, None)
        row.form.valueEdit.setFocus()
        self._update_save()
        return row

    def focus_point(self, point_id: int) -> None:
        for row in self.rows:
            if row.point is not None and row.point.id == point_id:
                row.form.valueEdit.setFocus()
                row.form.valueEdit.selectAll()

    def rows_of(self, kind: ContactKind) -> list[ContactPointRow]:
        return [row for row in self.rows if row.kind is kind]

    def row_of(self, point_id: int) -> ContactPointRow:
        return next(row for row in self.rows if row.point is not None
                    and row.point.id == point_id)

    def changes(self) -> ContactInfoChanges:
        found = [row.change() for row in self.rows]
        return ContactInfoChanges(
            edits=tuple(c for c in found if isinstance(c, PointChange)),
            additions=tuple(c for c in found if isinstance(c, NewPoint)),
            consents=tuple(c for row in self.rows for c in row.consent_changes()),
        )

    def record_consent(self, row: ContactPointRow) -> None:
        """The consent dialog for ``row``'s value; what it records waits for Save."""
        if row.point is None or row.value_changed():
            return
        dialog = ConsentDialog(row.point, row.consents, self._read_file, self)
        try:
            if dialog.exec() and dialog.recorded is not None:
                row.add_consent(dialog.recorded)
        finally:
            dialog.deleteLater()
        row.form.consentButton.setFocus()

    def pending(self) -> list[RowState]:
        return [row.state() for row in self.rows
                if row.point is None or row.change() is not None or row.consents]

    def carry_over(self, states: list[RowState]) -> None:
        """Put edits typed before a conflict back on top of the fresh customer."""
        by_id = {row.point.id: row for row in self.rows if row.point is not None}
        for state in states:
            row = by_id.get(state.point_id) if state.point_id is not None else None
            (row or self._add_row(state.kind, None)).restore(state)
        self._update_save()

    def reload(self) -> None:
        """The customer as another desk left them, with what the clerk typed put back on
        top (as after a refused save): their save then expects the fresh version."""
        if self._load is None:
            return
        try:
            fresh = self._load(self.view.id)
        except DomainError as error:
            self.form.saveError.setText(explain(error))
            self.form.saveError.show()
            return
        pending = self.pending()
        for row in list(self.rows):
            self.rows.remove(row)
            row.setParent(None)
            row.deleteLater()
        self.view = fresh
        self.setWindowTitle(f"Edit Contact Info — {fresh.full_name}")
        for point in (*fresh.phones, *fresh.emails):
            self._add_row(point.kind, point)
        self.carry_over(pending)

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return
        try:
            self._save(self.changes(), self.view)
        except ConflictError:
            self.done(CONFLICT)
            return
        except Exception as error:  # shown in the dialog; nothing typed is lost
            self.form.saveError.setText(explain(error))
            self.form.saveError.show()
            return
        self.accept()

    def reject(self) -> None:
        if self.changes() and not confirm_discard(self):
            return
        super().reject()

    def _add_row(self, kind: ContactKind, point: ContactPointView | None) -> ContactPointRow:
        layout: QVBoxLayout = (self.form.phoneRows if kind is ContactKind.PHONE
                               else self.form.emailRows)
        row = ContactPointRow(kind, self.region, point, self._update_save, self._remove_row,
                              self.form.rowsWidget, self.record_consent)
        row.setObjectName(f"{kind.value.lower()}Row{len(self.rows_of(kind))}")
        layout.addWidget(row)
        row.show()  # a row added to an open dialog shows at once, not on the next event
        self.rows.append(row)
        return row

    def _remove_row(self, row: ContactPointRow) -> None:
        self.rows.remove(row)
        row.setParent(None)
        row.deleteLater()
        self._update_save()

    def _update_save(self) -> None:
        valid = all(row.problem is None for row in self.rows
                    if row.point is None or row.value_changed()) \
            and all(row.consent_problem is None for row in self.rows)
        self.save_button.setEnabled(valid and bool(self.changes()))
        self.form.saveError.hide()
