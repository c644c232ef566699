"""The contact card panel: its sections in order, collapsed or open as the clerk left them."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSettings, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QToolButton, QVBoxLayout, QWidget

from contact_desk.services.views import CardView, CustomerView
from contact_desk.ui.card.links import LinksBody
from contact_desk.ui.card.notes import NotesBody
from contact_desk.ui.card.reach import ReachBody
from contact_desk.ui.card.sales import DetailsBody, GarageBody, OpenDealBody
from contact_desk.ui.card.section import CardSection
from contact_desk.ui.card.suppressions import SuppressionsBody
from contact_desk.ui.card.sections import (
    BestContactBody,
    ContactInfoBody,
    EditContact,
    InsightBody,
    SectionBody,
    SummaryBody,
)
from contact_desk.ui.desk import Desk
from contact_desk.ui.messages import show_error
from contact_desk.ui.undo import CustomerUndo

SECTIONS = (
    ("contactInfo", "Contact Information"),
    ("reach", "Reach Now"),
    ("bestContactMethod", "Best Contact Method"),
    ("suppressions", "Suppressed Messages"),
    ("openDeal", "Open Deal"),
    ("garage", "Garage"),
    ("details", "Details"),
    ("links", "Household and Relationships"),
    ("notes", "Customer Notes"),
    ("insight", "Insight Activity"),
    ("summary", "Interaction Summary"),
)
OPEN_KEY = "contactCard/open"


def section_key(name: str) -> str:
    return f"contactCard/sections/{name}/open"


class ContactCard(QFrame):
    """``collapsedChanged(collapsed)`` lets the page show or hide its reopen icon."""

    collapsedChanged = Signal(bool)
    changed = Signal()  # something was saved from the card: the page shows it afresh
    openCustomer = Signal(int)  # a linked customer to show

    def __init__(self, settings: QSettings, desk: Desk, edit_contact: EditContact,
                 undo: CustomerUndo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactCard")
        self.settings, self.desk = settings, desk
        self._card: CardView | None = None
        self.setMinimumWidth(320)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.setContentsMargins(6, 6, 6, 0)
        self.toggle = QToolButton(objectName="contactCardToggle", autoRaise=True,
                                  arrowType=Qt.ArrowType.RightArrow)
        self.toggle.setToolTip("Hide the contact card (Ctrl+K)")
        self.toggle.setAccessibleName("Hide the contact card")
        self.toggle.clicked.connect(lambda: self.set_collapsed(True))
        title = QLabel("Contact Card", objectName="contactCardTitle")
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        title.setFont(font)
        top.addWidget(self.toggle)
        top.addWidget(title)
        top.addStretch()
        outer.addLayout(top)
        scroll = QScrollArea(objectName="contactCardScroll", widgetResizable=True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(6, 4, 6, 6)
        column.setSpacing(8)
        self.sections: dict[str, CardSection] = {}
        for name, heading in SECTIONS:
            section = CardSection(name, heading, holder)
            section.set_open(self._stored(section_key(name), True))
            section.toggled.connect(
                lambda open_, name=name: self.settings.setValue(section_key(name), open_))
            column.addWidget(section)
            self.sections[name] = section
        column.addStretch()
        sections = self.sections
        self.contact_info = ContactInfoBody(sections["contactInfo"], desk, edit_contact)
        self.reach = ReachBody(sections["reach"], desk)
        self.contact_info.whoReceives.connect(self.reach.who_receives)
        self.suppressions = SuppressionsBody(sections["suppressions"], desk, undo)
        self.links = LinksBody(sections["links"], desk, undo)
        self.links.openCustomer.connect(self.openCustomer)
        self.bodies: list[SectionBody] = [
            self.contact_info,
            self.reach,
            BestContactBody(sections["bestContactMethod"], desk),
            OpenDealBody(sections["openDeal"], desk),
            GarageBody(sections["garage"], desk, undo),
            DetailsBody(sections["details"], desk, undo),
            NotesBody(sections["notes"], desk, undo),
            InsightBody(sections["insight"], desk),
            SummaryBody(sections["summary"], desk),
            self.suppressions,  # last: the bodies' places in this list stay as they were
            self.links,
        ]
        for body in self.bodies:
            body.changed.connect(self.changed)
        scroll.setWidget(holder)
        outer.addWidget(scroll)
        self._collapsed = False
        self.set_collapsed(not self._stored(OPEN_KEY, True), remember=False)

    def show_customer(self, customer: CustomerView) -> None:
        """Load the card of ``customer`` and fill every section (open or not)."""
        try:
            card = self.desk.card(customer.id)
        except Exception as error:
            show_error(self, "Contact Card", error)
            return
        self._card = card
        for body in self.bodies:
            body.refresh(customer, card)

    def show_contact_info(self, customer: CustomerView) -> None:
        """After a save of the customer's phones and emails: the card read last is still
        true but for them, so it is not read again; only Contact Information and Reach Now,
        the sections drawn from them, redraw (and only if what they show changed)."""
        if self._card is None or self._card.customer_id != customer.id:
            self.show_customer(customer)
            return
        self.contact_info.refresh(customer, self._card)
        self.reach.refresh(customer, self._card)  # consent or a primary may have changed
        self.suppressions.follow(customer)  # its next save expects the version this one left
        self.links.follow(customer)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.reach.restyle()

    @property
    def collapsed(self) -> bool:
        return self._collapsed

    def set_collapsed(self, collapsed: bool, remember: bool = True) -> None:
        self._collapsed = collapsed
        self.setVisible(not collapsed)
        if remember:
            self.settings.setValue(OPEN_KEY, not collapsed)
        self.collapsedChanged.emit(collapsed)

    def _stored(self, key: str, default: bool) -> bool:
        value = self.settings.value(key, default)
        return value if isinstance(value, bool) else str(value).lower() == "true"
