"""Small dialogs of the contact card: a vehicle (garage or deal) and a logged contact attempt."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from contact_desk.domain.enums import AttemptOutcome, Channel
from contact_desk.domain.errors import ConflictError, DomainError
from contact_desk.domain.vehicle import check_vehicle
from contact_desk.services.views import VehicleView
from contact_desk.ui.forms.ui_log_attempt_dialog import Ui_LogAttemptDialog
from contact_desk.ui.forms.ui_vehicle_dialog import Ui_VehicleDialog
from contact_desk.ui.messages import explain
from contact_desk.ui.text_colors import problem_style

SaveVehicle = Callable[[str, int | None, str, str], None]


class _SavingDialog(QDialog):
    """Save calls the service; a refusal is shown in the dialog and what was typed stays.

    ``stale`` says another desk saved first, so the card should show what is stored now.
    """

    stale = False

    def _setup(self) -> None:
        self.form.problemLabel.setStyleSheet(problem_style())
        self.form.problemLabel.hide()
        self.save_button.clicked.connect(self.save)
        self.form.buttonBox.rejected.connect(self.reject)

    @property
    def save_button(self):  # noqa: ANN201 - a QPushButton
        return self.form.buttonBox.button(QDialogButtonBox.StandardButton.Save)

    def _show_problem(self, text: str | None) -> None:
        self.form.problemLabel.setText(text or "")
        self.form.problemLabel.setVisible(bool(text))

    def _try(self, save: Callable[[], None]) -> None:
        try:
            save()
        except Exception as error:
            self.stale = self.stale or isinstance(error, ConflictError)
            self._show_problem(explain(error))
            field = self._fields().get(getattr(error, "field", None) or "")
            if field is not None:
                field.setFocus()  # the value the refusal is about, to correct it
            return
        self.accept()

    def _fields(self) -> dict[str, QWidget]:
        """The widget of each field a refusal (InvalidValue.field) may name."""
        return {}


class VehicleDialog(_SavingDialog):
    """VIN, year, make, model; the VIN's check digit is checked as it is typed."""

    def __init__(self, title: str, save: SaveVehicle, vehicle: VehicleView | None = None,
                 vin_required: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_VehicleDialog()
        self.form.setupUi(self)
        self.setWindowTitle(title)
        self._save, self.vin_required = save, vin_required
        self._setup()
        if vehicle is not None:
            self.form.vinEdit.setText(vehicle.vin)
            self.form.yearSpin.setValue(vehicle.year or 0)
            self.form.makeEdit.setText(vehicle.make)
            self.form.modelEdit.setText(vehicle.model)
        for edit in (self.form.vinEdit, self.form.makeEdit, self.form.modelEdit):
            edit.textEdited.connect(lambda _: self._check())
        self.form.yearSpin.valueChanged.connect(lambda _: self._check())
        self._check(show=False)

    def typed(self) -> tuple[str, int | None, str, str]:
        form = self.form
        return (form.vinEdit.text().strip(), form.yearSpin.value() or None,
                form.makeEdit.text(), form.modelEdit.text())

    def _check(self, show: bool = True) -> None:
        try:
            check_vehicle(*self.typed(), vin_required=self.vin_required)
        except DomainError as problem:
            self._show_problem(problem.message if show else None)
            self.save_button.setEnabled(False)
            return
        self._show_problem(None)
        self.save_button.setEnabled(True)

    def save(self) -> None:
        self._try(lambda: self._save(*self.typed()))


class LogAttemptDialog(_SavingDialog):
    def __init__(self, save: Callable[[Channel, AttemptOutcome], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_LogAttemptDialog()
        self.form.setupUi(self)
        self._save = save
        self._setup()
        for channel in Channel:
            self.form.channelCombo.addItem(channel.label, channel)
        for outcome in AttemptOutcome:
            if outcome.tells_how_it_went:  # "started" is click-to-contact's own to log
                self.form.outcomeCombo.addItem(outcome.label, outcome)

    def save(self) -> None:
        self._try(lambda: self._save(self.form.channelCombo.currentData(),
                                     self.form.outcomeCombo.currentData()))
