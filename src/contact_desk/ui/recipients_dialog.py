"""Who Receives…: for a message type (and the vehicle it is about, if any), who a message
sent now would reach on which channel and address, who is left out and why, and the
suppression in force. Read only; everything from the database is shown as plain text."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QHeaderView, QTableView, QWidget

from contact_desk.domain.recipients import MessageType
from contact_desk.services.recipients import RecipientList
from contact_desk.services.views import VehicleView
from contact_desk.ui.desk import Desk
from contact_desk.ui.forms.ui_recipients_dialog import Ui_RecipientsDialog
from contact_desk.ui.messages import explain
from contact_desk.ui.models.recipients import RecipientsModel
from contact_desk.ui.plain_text import tooltip_text
from contact_desk.ui.text_colors import caution_style, note_style, problem_style

NO_VEHICLE = "No particular vehicle"


class RecipientsDialog(QDialog):
    def __init__(self, desk: Desk, customer_id: int, customer_name: str,
                 vehicles: Sequence[VehicleView] = (), parent: QWidget | None = None,
                 message: MessageType = MessageType.TEXT_REMINDER) -> None:
        super().__init__(parent)
        self.form = Ui_RecipientsDialog()
        self.form.setupUi(self)
        self.desk, self.customer_id = desk, customer_id
        self.found: RecipientList | None = None
        self.setWindowTitle(f"Who Receives… — {customer_name}")
        form = self.form
        for kind in MessageType:
            form.messageCombo.addItem(kind.label, kind)
        form.messageCombo.setCurrentIndex(list(MessageType).index(message))
        form.vehicleCombo.addItem(NO_VEHICLE, None)
        for vehicle in vehicles:
            form.vehicleCombo.addItem(f"{vehicle.title} · VIN {vehicle.vin}", vehicle.id)
        form.vehicleCombo.setEnabled(bool(vehicles))
        self.receives = RecipientsModel(left_out=False, parent=self)
        self.left_out = RecipientsModel(left_out=True, parent=self)
        for table, model in ((form.receivesTable, self.receives),
                             (form.leftOutTable, self.left_out)):
            table.setModel(model)
            table.verticalHeader().hide()
            table.horizontalHeader().setStretchLastSection(True)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        form.messageCombo.currentIndexChanged.connect(lambda _: self.show_recipients())
        form.vehicleCombo.currentIndexChanged.connect(lambda _: self.show_recipients())
        form.buttonBox.rejected.connect(self.reject)
        self.show_recipients()

    @property
    def message(self) -> MessageType:
        return self.form.messageCombo.currentData()

    def show_recipients(self) -> None:
        form = self.form
        try:
            found = self.desk.recipients(self.customer_id, self.message,
                                         form.vehicleCombo.currentData())
        except Exception as error:
            self.found = None
            self._say(explain(error), problem_style())
            self.receives.show_recipients(())
            self.left_out.show_recipients(())
            return
        self.found = found
        if found.suppression is not None:
            self._say(f"Suppression in force: {found.suppression.describe()}", caution_style())
        else:
            self._say(f"No suppression in force for {self.message.label}.", note_style())
        self.receives.show_recipients(found.included)
        self.left_out.show_recipients(found.left_out)
        nobody = ": nobody" if not found.included else f" ({len(found.included)})"
        form.receivesTitle.setText(f"&Receives it{nobody}")
        form.leftOutTitle.setText(f"&Left out ({len(found.left_out)})")
        for table in (form.receivesTable, form.leftOutTable):
            _fit(table)

    def _say(self, text: str, style: str) -> None:
        label = self.form.suppressionLabel
        label.setText(text)
        label.setToolTip(tooltip_text(text))
        label.setStyleSheet(style)


def _fit(table: QTableView) -> None:
    """Each column as wide as its words, but for the last, which takes the rest."""
    table.resizeColumnsToContents()
    header = table.horizontalHeader()
    for column in range(header.count() - 1):
        header.resizeSection(column, min(header.sectionSize(column), 300))


def show_recipients(parent: QWidget, desk: Desk, customer_id: int, customer_name: str,
                    vehicles: Sequence[VehicleView] = ()) -> None:
    RecipientsDialog(desk, customer_id, customer_name, vehicles, parent).exec()
