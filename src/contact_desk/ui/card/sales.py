"""The card's sections about the sale: the open deal, the garage, and who is assigned."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contact_desk.domain.enums import AssignmentRole, DealVehicleKind, Permission
from contact_desk.services.garage import GarageEntry, RemovedVehicle
from contact_desk.services.views import CardView, CustomerView, VehicleView
from contact_desk.ui.card.dialogs import VehicleDialog
from contact_desk.ui.card.rows import ReusedRows, clear, line, small_button, text_label
from contact_desk.ui.card.section import CardSection
from contact_desk.ui.card.sections import SectionBody
from contact_desk.ui.assignment_command import AssignmentCommand
from contact_desk.ui.desk import Desk
from contact_desk.ui.messages import confirm
from contact_desk.ui.plain_text import no_mnemonic, tooltip_text
from contact_desk.ui.undo import CustomerUndo, EditStep, PlaceStep

SHOWN_VEHICLES = 3
NOBODY = "Nobody"


class OpenDealBody(SectionBody):
    """Stage, vehicles, source and date; the source is locked for leads and by permission."""

    def drawn_from(self, customer: CustomerView, card: CardView) -> object:
        return customer.id, card.open_deal

    def show_card(self, customer: CustomerView, card: CardView) -> None:
        clear(self.rows)
        deal = card.open_deal
        if deal is None:
            self.rows.addWidget(text_label("No open deal.", name="noOpenDeal", muted=True))
            return
        for label, value, name in (
            ("Stage", deal.stage_label, "dealStage"),
            ("Interested vehicle", deal.interested_vehicle or "none yet", "dealInterested"),
            ("Trade-in", deal.trade_in or "none", "dealTradeIn"),
            ("Source", deal.source or "not known", "dealSource"),
            ("Created", deal.created_at.astimezone().strftime("%Y-%m-%d"), "dealCreated"),
        ):
            self.rows.addWidget(line(text_label(f"{label}:", muted=True, wrap=False),
                                     text_label(value, name=name)))
        why_not = deal.why_source_locked or self.desk.actor.why_not(
            Permission.CHANGE_DEAL_SOURCE)
        change = small_button("Change source…", "changeDealSource",
                              why_not or "Say where this deal came from",
                              lambda: self._change_source(deal.id, deal.source),
                              enabled=why_not is None)
        if deal.source_locked:
            change.setText("Source locked")
        self.rows.addWidget(line(change))
        if why_not:
            self.rows.addWidget(text_label(why_not, name="dealSourceReason", muted=True))
        for kind, text in ((DealVehicleKind.INTERESTED, "Add interested vehicle…"),
                           (DealVehicleKind.TRADE_IN, "Add trade-in…")):
            button = QPushButton(text, objectName=f"add{kind.name.title().replace('_', '')}")
            button.clicked.connect(lambda _=False, kind=kind: self._add_vehicle(deal.id, kind))
            self.rows.addWidget(line(button))

    def _change_source(self, deal_id: int, source: str) -> None:
        text, ok = QInputDialog.getText(self, "Deal source", "Where did this deal come from?",
                                        text=source)
        if not ok:
            return
        try:
            self.desk.change_deal_source(deal_id, text)
        except Exception as error:
            self._fail("Deal source", error)
        self.changed.emit()

    def _add_vehicle(self, deal_id: int, kind: DealVehicleKind) -> None:
        dialog = VehicleDialog(
            kind.label, lambda vin, year, make, model: self.desk.add_deal_vehicle(
                deal_id, kind, vin, year, make, model),
            vin_required=kind is DealVehicleKind.TRADE_IN, parent=self)
        if dialog.exec():
            self.changed.emit()


class VehicleRow(QWidget):
    """A vehicle of the garage: its title opens Edit or Remove, its VIN copies itself."""

    def __init__(self, menu: Callable[[VehicleView], None], copy: Callable[[str], None]) -> None:
        super().__init__()
        self.vehicle: VehicleView | None = None
        self.title = small_button("", "", "", lambda: self.vehicle and menu(self.vehicle))
        self.vin = small_button("", "", "Copy the VIN",
                                lambda: self.vehicle and copy(self.vehicle.vin))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.vin)
        layout.addStretch()

    def show_vehicle(self, vehicle: VehicleView) -> None:
        self.vehicle = vehicle
        tip = f"Edit or remove {vehicle.title}"
        self.title.setText(no_mnemonic(vehicle.title or "Vehicle"))
        self.title.setObjectName(f"vehicle_{vehicle.id}")
        self.title.setToolTip(tooltip_text(tip))
        self.title.setAccessibleName(tip)
        self.vin.setText(no_mnemonic(vehicle.vin or "no VIN"))
        self.vin.setObjectName(f"vin_{vehicle.id}")
        self.vin.setEnabled(bool(vehicle.vin))

    def blank(self) -> None:
        self.vehicle = None
        self.title.setObjectName("")
        self.vin.setObjectName("")


class GarageBody(SectionBody):
    """Owned vehicles: three shown, View all for the rest; click a VIN to copy it."""

    def __init__(self, section: CardSection, desk: Desk, undo: CustomerUndo) -> None:
        super().__init__(section, desk)
        self.undo = undo
        self.customer_id: int | None = None
        self.garage: tuple[VehicleView, ...] = ()
        self.empty = text_label("No vehicles on file.", name="garageEmpty", muted=True)
        self.vehicles = ReusedRows(self.vehicle_row)
        self.view_all = QPushButton(objectName="garageViewAll")
        self.view_all.clicked.connect(lambda: self._view_all(self.garage))
        add = QPushButton("Add vehicle…", objectName="garageAddVehicle")
        add.clicked.connect(self._add)
        for widget in (self.empty, self.vehicles.holder, line(self.view_all, add)):
            self.rows.addWidget(widget)

    def drawn_from(self, customer: CustomerView, card: CardView) -> object:
        return customer.id, card.garage

    def show_card(self, customer: CustomerView, card: CardView) -> None:
        self.customer_id, self.garage = customer.id, card.garage
        self.section.set_count(len(card.garage) if card.garage else None)
        self.empty.setVisible(not card.garage)
        self.vehicles.show(card.garage[:SHOWN_VEHICLES], VehicleRow.show_vehicle,
                           VehicleRow.blank)
        self.view_all.setText(f"View all ({len(card.garage)})")
        self.view_all.setVisible(len(card.garage) > SHOWN_VEHICLES)

    def vehicle_row(self, vehicle: VehicleView | None = None) -> VehicleRow:
        row = VehicleRow(self._menu, self._copy)
        if vehicle is not None:
            row.show_vehicle(vehicle)
        return row

    def _copy(self, vin: str) -> None:
        QGuiApplication.clipboard().setText(vin)
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(f"VIN {vin} copied", 4000)

    def _menu(self, vehicle: VehicleView) -> None:
        menu = QMenu(self)
        menu.addAction("Edit…", lambda: self._edit(vehicle))
        menu.addAction("Remove…", lambda: self._remove(vehicle))
        menu.exec(self.cursor().pos())

    def _add(self) -> None:
        customer_id = self.customer_id
        if customer_id is None:
            return

        def save(*typed: object) -> None:
            entry = self.desk.add_vehicle(customer_id, *typed)  # type: ignore[arg-type]
            self.undo.push(self._garage_step(customer_id, f"Add {_titled(typed)}",
                                             placed=entry))

        dialog = VehicleDialog("Add vehicle", save, parent=self)
        if dialog.exec():
            self.changed.emit()

    def _edit(self, vehicle: VehicleView) -> None:
        customer_id = self.customer_id
        if customer_id is None:
            return
        before = _values(vehicle)

        def save_values(values: tuple, version: int) -> int:
            return self.desk.edit_vehicle(vehicle.id, version, *values)

        def save(*typed: object) -> None:
            version = save_values(typed, vehicle.version)
            self.undo.push(EditStep(customer_id, f"Edit {_titled(before)}", before, typed,
                                    version, save_values))

        dialog = VehicleDialog("Edit vehicle", save, vehicle, vin_required=bool(vehicle.vin),
                               parent=self)
        if dialog.exec() or dialog.stale:  # stale: show the vehicle as another desk left it
            self.changed.emit()

    def _garage_step(self, customer_id: int, text: str, **state: object
                     ) -> PlaceStep[GarageEntry, RemovedVehicle]:
        """Undo and redo take the vehicle out of the garage and put it back, in turn."""
        return PlaceStep(customer_id, text,
                         lambda entry: self.desk.remove_vehicle(entry.vehicle_id,
                                                                      entry.version),
                         self.desk.put_back_vehicle, **state)  # type: ignore[arg-type]

    def _remove(self, vehicle: VehicleView) -> None:
        if not confirm(self, "Remove vehicle", f"Remove the {vehicle.title} "
                       f"({vehicle.vin or 'no VIN'}) from this customer's garage?"):
            return
        try:
            removed = self.desk.remove_vehicle(vehicle.id, vehicle.version)
        except Exception as error:
            self._fail("Remove vehicle", error)
        else:
            if self.customer_id is not None:
                self.undo.push(self._garage_step(
                    self.customer_id, f"Remove {_titled(_values(vehicle))}", taken=removed))
        self.changed.emit()

    def _view_all(self, vehicles: tuple[VehicleView, ...]) -> None:
        dialog = QDialog(self, objectName="garageAll")
        dialog.setWindowTitle(f"Garage: {len(vehicles)} vehicles")
        layout = QVBoxLayout(dialog)
        for vehicle in vehicles:
            layout.addWidget(self.vehicle_row(vehicle))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout.addWidget(buttons)
        self.changed.connect(dialog.accept)  # an edit from the list reloads the card
        dialog.exec()
        self.changed.disconnect(dialog.accept)


class DetailsBody(SectionBody):
    """Assigned users per role; only users with the permission may change them.

    Each role's combo box is made once and refilled: three combo boxes (each with a popup
    list of its own) were three dozen widgets to make and delete per customer opened.
    """

    def __init__(self, section: CardSection, desk: Desk, undo: CustomerUndo) -> None:
        super().__init__(section, desk)
        self.undo = undo
        self.combos: dict[AssignmentRole, QComboBox] = {}
        self._people: list[tuple[str, int]] | None = None
        self._assigned: dict[AssignmentRole, int | None] = {}
        self.customer_id: int | None = None
        self.reason = text_label("", name="assignReason", muted=True)
        self.reason.hide()
        self.rows.addWidget(self.reason)

    def show_card(self, customer: CustomerView, card: CardView) -> None:
        self.customer_id = customer.id
        why_not = self.desk.actor.why_not(Permission.ASSIGN_USERS)
        people = [(person.name, person.user_id) for person in self.desk.desk_users()]
        refill, self._people = people != self._people, people
        for role, user_id, _ in card.assignments:
            combo = self.combos.get(role) or self._combo(role)
            if refill:
                combo.clear()
                combo.addItem(NOBODY, None)
                for name, person_id in people:
                    combo.addItem(name, person_id)
            combo.setCurrentIndex(max(0, combo.findData(user_id)))
            combo.setEnabled(why_not is None)
            combo.setToolTip(tooltip_text(why_not)  # says the user's name
                             or f"Who looks after this customer in {role.label}")
            self._assigned[role] = user_id
        self.reason.setText(why_not or "")
        self.reason.setVisible(bool(why_not))

    def _combo(self, role: AssignmentRole) -> QComboBox:
        combo = QComboBox(objectName=f"assigned{role.name.title().replace('_', '')}")
        combo.setAccessibleName(f"Assigned {role.label}")
        combo.activated.connect(lambda _, role=role, combo=combo: self._assign(
            self.customer_id, role, combo, self._assigned.get(role)))
        self.combos[role] = combo
        self.rows.insertWidget(self.rows.indexOf(self.reason),
                               line(text_label(f"{role.label}:", muted=True, wrap=False), combo))
        return combo

    def _assign(self, customer_id: int, role: AssignmentRole, combo: QComboBox,
                shown: int | None) -> None:
        """Save the choice, expecting whom the card showed; then it can be undone."""
        chosen = combo.currentData()
        if chosen == shown:
            return
        try:
            self.desk.assign(customer_id, role, chosen, shown)
        except Exception as error:
            self._fail("Assigned users", error)
        else:
            self.undo.push(AssignmentCommand(
                self.desk, customer_id, role, shown, chosen,
                f"Assign {combo.currentText()} as {role.label}"))
        self.changed.emit()


def _titled(typed: tuple) -> str:
    """A vehicle as the Edit menu names it ("Add 2019 Honda Civic"); "&" stays one."""
    _, year, make, model = typed
    title = " ".join(str(part) for part in (year, make, model) if part)
    return no_mnemonic(title or "vehicle")


def _values(vehicle: VehicleView) -> tuple[str, int | None, str, str]:
    """What the vehicle dialog's Save hands over, as ``vehicle`` is."""
    return vehicle.vin, vehicle.year, vehicle.make, vehicle.model
