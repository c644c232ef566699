"""The consent dialog: what is on file for one phone or email, per channel and purpose, and
the new statement the clerk records (channel, purpose, state, how, evidence). It hands the
statement back; Edit Contact Info saves it with its other changes, in one transaction."""

from __future__ import annotations

import mimetypes
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QWidget

from contact_desk.domain.consent import (
    CHANNELS_OF_KIND,
    CHOSEN_HOWS,
    MAX_EVIDENCE_FILE,
    ConsentRecord,
    ConsentState,
    Purpose,
    describe,
)
from contact_desk.domain.errors import DomainError
from contact_desk.services.consent import check_evidence_size, check_form
from contact_desk.services.forms import ConsentForm, EvidenceFile
from contact_desk.services.views import ContactPointView
from contact_desk.ui.consent_words import NOTHING_RECORDED, NOUNS, statement
from contact_desk.ui.file_dialogs import DOCUMENT_FILTER, Choose, chosen_path
from contact_desk.ui.forms.ui_consent_dialog import Ui_ConsentDialog
from contact_desk.ui.messages import confirm_discard, explain
from contact_desk.ui.plain_text import plain, tooltip_text
from contact_desk.ui.text_colors import note_style, problem_style

ReadFile = Callable[[Path, int], bytes]  # a file the clerk chose, at most so many bytes

PURPOSES: tuple[tuple[str, tuple[Purpose, ...]], ...] = (
    ("Transactional and marketing", (Purpose.TRANSACTIONAL, Purpose.MARKETING)),
    ("Transactional only: reminders, payments, scheduling, invoices",
     (Purpose.TRANSACTIONAL,)),
    ("Marketing only: offers and promotions", (Purpose.MARKETING,)),
)
# In the order a clerk hears them most.
STATES = (ConsentState.OPTED_IN, ConsentState.OPTED_OUT, ConsentState.DO_NOT_CONTACT,
          ConsentState.NOT_ASKED)
CHOOSE_STATE = "Choose the state: what the customer said (opted in, opted out, do not " \
               "contact, or not asked)."
NO_FILE = "No file attached"


def on_file(record: ConsentRecord | None) -> str:
    """One channel and purpose as the dialog lists it: the deciding record read aloud, who
    recorded it and its evidence."""
    if record is None:
        return f"Not asked ({NOTHING_RECORDED})"
    said = describe(record)
    said = f"{said[0].upper()}{said[1:]}"
    if record.recorded_by:
        said += f" ({record.recorded_by})"
    if record.evidence:
        said += f": “{record.evidence}”"
    return said


class ConsentDialog(QDialog):
    """Record checks the statement with the service's own rule and says why not in the
    dialog; ``recorded`` is then the statement, for the caller to save."""

    def __init__(self, point: ContactPointView, pending: Sequence[ConsentForm] = (),
                 read_file: ReadFile | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_ConsentDialog()
        self.form.setupUi(self)
        self.point, self._read_file = point, read_file
        self.evidence: EvidenceFile | None = None
        self.recorded: ConsentForm | None = None
        form = self.form
        self.setWindowTitle(f"Consent — {point.display}")
        form.valueLabel.setText(f"{point.type.label}: {point.display}")
        self._show_on_file(point)
        form.pendingLabel.setStyleSheet(note_style())
        form.pendingLabel.setText("Recorded here, saved with Save:\n" + "\n".join(
            statement(p) for p in pending))
        form.pendingLabel.setVisible(bool(pending))
        _fill(form.channelCombo, ((NOUNS[c].capitalize(), c)
                                  for c in CHANNELS_OF_KIND[point.kind]))
        _fill(form.purposeCombo, PURPOSES)
        _fill(form.stateCombo, ((s.label, s) for s in STATES))
        form.stateCombo.setCurrentIndex(-1)  # a statement is chosen, never defaulted
        _fill(form.howCombo, ((h.label, h) for h in CHOSEN_HOWS))
        for label in (form.fileProblem, form.recordError):
            label.setStyleSheet(problem_style())
            label.hide()
        self.record_button.setText("&Record")
        self.record_button.setDefault(True)
        form.buttonBox.accepted.connect(self.record)
        form.buttonBox.rejected.connect(self.reject)
        form.attachButton.clicked.connect(self.choose_file)
        form.removeFileButton.clicked.connect(self.remove_file)
        if read_file is None:
            form.attachButton.setEnabled(False)
            form.attachButton.setToolTip("Files can be attached from a customer's page.")
        for combo in (form.channelCombo, form.purposeCombo, form.stateCombo, form.howCombo):
            combo.currentIndexChanged.connect(lambda _: form.recordError.hide())
        form.noteEdit.textEdited.connect(lambda _: form.recordError.hide())
        self._show_file(None)
        self._as_opened = self._state()
        self._fit()

    @property
    def record_button(self):  # noqa: ANN201 - a QPushButton
        return self.form.buttonBox.button(QDialogButtonBox.StandardButton.Ok)

    def typed(self) -> ConsentForm | None:
        """The statement as the fields say it; None while no state is chosen."""
        form = self.form
        state = form.stateCombo.currentData()
        if state is None:
            return None
        return ConsentForm(channel=form.channelCombo.currentData(),
                           purposes=form.purposeCombo.currentData(), state=state,
                           how=form.howCombo.currentData(), note=form.noteEdit.text().strip(),
                           evidence=self.evidence)

    def record(self) -> None:
        typed = self.typed()
        if typed is None:
            self._show_error(CHOOSE_STATE)
            self.form.stateCombo.setFocus()
            return
        try:
            check_form(self.point.kind, typed)  # the rule Save applies, asked before
        except DomainError as refusal:
            self._show_error(refusal.message)
            return
        self.recorded = typed
        self.accept()

    def reject(self) -> None:
        if self._state() != self._as_opened and not confirm_discard(self):
            return
        super().reject()

    def choose_file(self) -> None:
        path = chosen_path(self, "Choose the evidence file", Choose.FILE_TO_OPEN,
                           filters=DOCUMENT_FILTER)
        if path:
            self.attach_file(Path(path))

    def attach_file(self, path: Path) -> None:
        """Keep the file as evidence; one too big is refused by its size before it is read.
        A refusal is said beside the file and the last file attached stays."""
        if self._read_file is None:
            return
        try:
            check_evidence_size(path.name, _size(path))
            # One byte past the limit: a file that grew since is refused by what was read.
            content = self._read_file(path, MAX_EVIDENCE_FILE + 1)
            check_evidence_size(path.name, len(content))
        except Exception as error:  # a domain refusal as it is; anything else logged
            self._show_file(explain(error))
            return
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        self.evidence = EvidenceFile(name=path.name, content=content, content_type=kind)
        self._show_file(None)

    def remove_file(self) -> None:
        self.evidence = None
        self._show_file(None)

    def _state(self) -> tuple[object, ...]:
        form = self.form
        return (form.channelCombo.currentIndex(), form.purposeCombo.currentIndex(),
                form.stateCombo.currentIndex(), form.howCombo.currentIndex(),
                form.noteEdit.text(), self.evidence)

    def _show_on_file(self, point: ContactPointView) -> None:
        grid = self.form.currentGrid
        for row, (channel, purpose) in enumerate(
                (c, p) for c in CHANNELS_OF_KIND[point.kind] for p in Purpose):
            name = f"{channel.name.lower()}{purpose.name.capitalize()}"
            what = plain(QLabel(f"{NOUNS[channel].capitalize()}, {purpose.label.lower()}:",
                                objectName=f"{name}Label"))
            said = plain(QLabel(on_file(point.consent.record(channel, purpose)),
                                objectName=f"{name}OnFile", wordWrap=True))
            grid.addWidget(what, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(said, row, 1)
        grid.setColumnStretch(1, 1)

    def _show_file(self, problem: str | None) -> None:
        form = self.form
        form.fileName.setText(self.evidence.name if self.evidence else NO_FILE)
        form.fileName.setToolTip(tooltip_text(self.evidence.name if self.evidence else ""))
        form.removeFileButton.setEnabled(self.evidence is not None)
        form.fileProblem.setText(problem or "")
        form.fileProblem.setVisible(problem is not None)
        form.recordError.hide()
        if problem is not None:
            self._fit()

    def _show_error(self, text: str) -> None:
        self.form.recordError.setText(text)
        self.form.recordError.show()
        self._fit()

    def _fit(self) -> None:
        """As tall as what it shows (a phone lists four lines on file, an email two, and a
        refusal adds one), so nothing is squeezed."""
        hint = self.sizeHint()
        self.resize(max(self.width(), hint.width()), max(self.height(), hint.height()))


def _fill(combo: QComboBox, items: object) -> None:
    for text, data in items:  # type: ignore[attr-defined]
        combo.addItem(text, data)


def _size(path: Path) -> int:
    """The file's size as the folder says it; 0 when it cannot be asked (the read says why)."""
    try:
        return path.stat().st_size
    except OSError:
        return 0
