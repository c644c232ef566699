"""The card's Suppressed Messages: the message types the customer must not be sent (each
with Lift), and Suppress a message…; both undoable from the Edit menu."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from contact_desk.domain.enums import Permission
from contact_desk.domain.errors import ConflictError, PermissionDenied
from contact_desk.domain.recipients import MessageType
from contact_desk.domain.suppression import Suppression
from contact_desk.services.card import ContactCardView
from contact_desk.services.suppressions import SavedSuppressions, SuppressionForm
from contact_desk.services.views import CustomerView, VehicleView
from contact_desk.ui.card.dialogs import _SavingDialog
from contact_desk.ui.card.rows import ReusedRows, line, small_button, text_label
from contact_desk.ui.card.section import CardSection
from contact_desk.ui.card.sections import SectionBody
from contact_desk.ui.desk import Desk
from contact_desk.ui.forms.ui_suppress_dialog import Ui_SuppressDialog
from contact_desk.ui.messages import confirm
from contact_desk.ui.models.columns import local_time
from contact_desk.ui.plain_text import no_mnemonic, tooltip_text
from contact_desk.ui.undo import CustomerUndo, PlaceStep

NO_VEHICLE = "No particular vehicle"
SuppressionStep = PlaceStep[SavedSuppressions, SavedSuppressions]


def set_by(suppression: Suppression) -> str:
    """Who suppressed it and when, as its tooltip says."""
    who = f" by {suppression.created_by}" if suppression.created_by else ""
    return f"Suppressed{who} on {local_time(suppression.created_at)}"


def named(suppression: Suppression) -> str:
    """"Car Updates for 2019 Honda Civic": what the Edit menu and the questions call it."""
    about = f" for {suppression.vehicle}" if suppression.vehicle else ""
    return f"{suppression.message.label}{about}"


def vehicle_choice(vehicle: VehicleView) -> str:
    title = vehicle.title or "Vehicle"
    return f"{title} · {vehicle.vin}" if vehicle.vin else title


class SuppressDialog(_SavingDialog):
    """The message type, the reason, optionally one vehicle of the garage and an end date.
    Save hands the form to ``save``; a refusal is shown here, with what was typed kept."""

    def __init__(self, customer_name: str, garage: tuple[VehicleView, ...],
                 save: Callable[[SuppressionForm], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_SuppressDialog()
        self.form.setupUi(self)
        self.setWindowTitle(f"Suppress a message to {customer_name}")
        self._save = save
        self._setup()
        self.save_button.setText("&Suppress")
        form = self.form
        for message in MessageType:
            form.messageCombo.addItem(message.label, message)
        form.vehicleCombo.addItem(NO_VEHICLE, None)
        for vehicle in garage:
            form.vehicleCombo.addItem(vehicle_choice(vehicle), vehicle.id)
        form.vehicleCombo.setEnabled(bool(garage))
        form.vehicleCombo.setToolTip(
            "Only the messages about this vehicle are stopped" if garage
            else "No vehicles in the garage: every message of this type is stopped")
        form.endDateEdit.setDate(QDate.currentDate().addYears(1))
        form.noEndCheck.toggled.connect(lambda checked: form.endDateEdit.setEnabled(not checked))
        form.noEndCheck.setChecked(True)
        form.endDateEdit.setEnabled(False)
        form.messageCombo.setFocus()

    def typed(self) -> SuppressionForm:
        form = self.form
        ends_on = None if form.noEndCheck.isChecked() else form.endDateEdit.date().toPython()
        return SuppressionForm(message=form.messageCombo.currentData(),
                               reason=form.reasonEdit.text(),
                               vehicle_id=form.vehicleCombo.currentData(), ends_on=ends_on)

    def save(self) -> None:
        self._try(lambda: self._save(self.typed()))

    def _fields(self) -> dict[str, QWidget]:
        return {"reason": self.form.reasonEdit, "ends_on": self.form.endDateEdit}


class SuppressionRow(QWidget):
    """One suppression in force: what it stops and why (who set it when, in its tooltip),
    and Lift."""

    def __init__(self, lift: Callable[[Suppression], None], parent: QWidget) -> None:
        super().__init__(parent)
        self.suppression: Suppression | None = None
        self.label = text_label("")
        self.lift = small_button("Lift", "", "",
                                 lambda: self.suppression and lift(self.suppression))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.lift, alignment=Qt.AlignmentFlag.AlignTop)

    def show_suppression(self, suppression: Suppression, why_not: str | None) -> None:
        self.suppression = suppression
        said = suppression.describe()
        self.label.setText(said)
        self.label.setObjectName(f"suppression_{suppression.id}")
        self.label.setToolTip(tooltip_text(set_by(suppression)))
        self.lift.setObjectName(f"liftSuppression_{suppression.id}")
        self.lift.setToolTip(tooltip_text(why_not or f"Lift: {said}"))
        self.lift.setAccessibleName(f"Lift: {said}")
        self.lift.setEnabled(why_not is None)

    def blank(self) -> None:
        self.suppression = None
        self.label.setText("")
        self.label.setObjectName("")
        self.lift.setObjectName("")


class SuppressionsBody(SectionBody):
    """Each suppression in force with Lift, and Suppress a message…; the count in the title.

    Its card is services.card's ContactCardView. A save here returns the suppressions in
    force and the customer's version, and the section shows exactly that;
    ``versionMoved(customer_id, version)`` tells the page, whose next save expects it.
    """

    versionMoved = Signal(int, int)

    def __init__(self, section: CardSection, desk: Desk, undo: CustomerUndo) -> None:
        super().__init__(section, desk)
        self.undo = undo
        self.customer_id: int | None = None
        self.customer_name = ""
        self.version = 0
        self.garage: tuple[VehicleView, ...] = ()
        self.listed = ReusedRows(self._row)
        self.add = QPushButton("Suppress a message…", objectName="suppressMessageButton")
        self.add.clicked.connect(self.suppress)
        self.rows.addWidget(self.listed.holder)
        self.rows.addWidget(line(self.add))

    def _row(self) -> SuppressionRow:
        """A row for one more suppression; Tab reaches its Lift after the ones above it and
        before Suppress a message… (a row made later would come last in the chain)."""
        row = SuppressionRow(self.lift, self.listed.holder)  # in the window: Tab orders it
        rows = self.listed.rows
        QWidget.setTabOrder(rows[-1].lift if rows else self.section.toggle, row.lift)
        QWidget.setTabOrder(row.lift, self.add)
        return row

    def refresh(self, customer: CustomerView, card: ContactCardView) -> None:
        self.follow(customer)
        self.garage = card.garage
        super().refresh(customer, card)

    def follow(self, customer: CustomerView) -> None:
        """The customer as the page has them now: a save here expects their version."""
        self.customer_id, self.customer_name = customer.id, customer.full_name
        self.version = customer.version

    def drawn_from(self, customer: CustomerView, card: ContactCardView) -> object:
        return self._drawn(customer.id, card.suppressions)

    def _drawn(self, customer_id: int, suppressions: tuple[Suppression, ...]) -> object:
        return customer_id, suppressions, self._why_not()  # Lift is greyed without the right

    def show_card(self, customer: CustomerView, card: ContactCardView) -> None:
        self._show(card.suppressions)

    def _why_not(self) -> str | None:
        return self.desk.actor.why_not(Permission.EDIT_CUSTOMERS)

    def _show(self, suppressions: tuple[Suppression, ...]) -> None:
        why_not = self._why_not()
        self.section.set_count(len(suppressions) or None)
        self.listed.show(suppressions, lambda row, s: row.show_suppression(s, why_not),
                        SuppressionRow.blank)
        self.listed.holder.setVisible(bool(suppressions))
        self.add.setEnabled(why_not is None)
        self.add.setToolTip(tooltip_text(
            why_not or "Stop a message type going to this customer, for a reason"))

    def _apply(self, customer_id: int, saved: SavedSuppressions) -> None:
        """What a save returned, shown as it is: nothing is read again."""
        if customer_id != self.customer_id:
            return
        self.version = saved.version
        self._show(saved.suppressions)
        self._shown = self._drawn(customer_id, saved.suppressions)
        self.versionMoved.emit(customer_id, saved.version)

    # changing

    def suppress(self) -> None:
        """Suppress a message… (the section's button and the Edit menu)."""
        customer_id = self.customer_id
        if customer_id is None:
            return
        why_not = self._why_not()
        if why_not:  # said before anything is typed (the Edit menu's item is always there)
            self._fail("Suppress a message", PermissionDenied(why_not))
            return

        def save(form: SuppressionForm) -> None:
            saved = self.desk.suppress(customer_id, form, self.version)
            made = next(s for s in saved.suppressions if s.id == saved.id)
            self._apply(customer_id, saved)
            self.undo.push(suppression_step(self.desk, customer_id,
                                            f"Suppress {named(made)}", placed=saved))

        dialog = SuppressDialog(self.customer_name, self.garage, save, self)
        dialog.exec()
        if dialog.stale:  # another desk changed the customer: show what is saved now
            self.changed.emit()

    def lift(self, suppression: Suppression) -> None:
        customer_id = self.customer_id
        if customer_id is None:
            return
        if not confirm(self, "Lift suppression",
                       f"Lift “{suppression.describe()}”? {suppression.message.label} "
                       f"messages may go to {self.customer_name} again."):
            return
        try:
            saved = self.desk.lift_suppression(suppression.id, self.version)
        except Exception as error:
            self._fail("Lift suppression", error)
            if isinstance(error, ConflictError):
                self.changed.emit()
            return
        self._apply(customer_id, saved)
        self.undo.push(suppression_step(self.desk, customer_id,
                                        f"Lift suppression of {named(suppression)}",
                                        taken=saved))


def suppression_step(desk: Desk, customer_id: int, text: str,
                     **state: SavedSuppressions) -> SuppressionStep:
    """Undo and redo lift the suppression and put it back, in turn, each expecting the
    customer's version the last save left."""
    step: SuppressionStep = PlaceStep(
        customer_id, no_mnemonic(text),
        lambda saved: desk.lift_suppression(saved.id, saved.version),
        lambda saved: desk.put_back_suppression(saved.id, saved.version),
        **state)  # type: ignore[arg-type]
    step.changed_elsewhere = "another desk changed this customer after you"
    return step
