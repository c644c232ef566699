"""The card's Household and Relationships: the customers linked to this one (a spouse, a
co-buyer, a parent or child, a business and its owner, a fleet and its driver), each a
click away, with Unlink; and Link a customer…. Both undoable from the Edit menu; what the
links are and what they may be is services/households' and domain/household's."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from contact_desk.domain.enums import Permission
from contact_desk.domain.errors import DomainError, PermissionDenied
from contact_desk.domain.household import Relation
from contact_desk.services.card import ContactCardView
from contact_desk.services.households import LinkView, SavedLinks
from contact_desk.services.views import CustomerHit, CustomerView
from contact_desk.ui.card.rows import ReusedRows, line, small_button
from contact_desk.ui.card.section import CardSection
from contact_desk.ui.card.sections import SectionBody
from contact_desk.ui.desk import Desk
from contact_desk.ui.messages import confirm, explain
from contact_desk.ui.models.search_results import SearchResultsModel
from contact_desk.ui.plain_text import no_mnemonic, plain, tooltip_text
from contact_desk.ui.text_colors import problem_style
from contact_desk.ui.undo import CustomerUndo, PlaceStep

SEARCH_DELAY_MS = 200
LinkStep = PlaceStep[SavedLinks, SavedLinks]


class LinkDialog(QDialog):
    """Find the other customer as you type, say what they are to this one, and whether a
    co-buyer is sent the contracts too. A refusal is shown here, with what was chosen kept."""

    def __init__(self, desk: Desk, customer_id: int, customer_name: str,
                 save: Callable[[int, Relation, bool], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("linkDialog")
        self.setWindowTitle(f"Link a customer to {customer_name}")
        self.customer_id, self._save = customer_id, save
        self.resize(640, 460)
        layout = QVBoxLayout(self)
        self.search = QLineEdit(self, objectName="linkSearch",
                                placeholderText="Name, phone, email or customer number")
        self.search.setAccessibleName("Find the customer to link")
        layout.addWidget(plain(QLabel("&Find the other customer:", self, buddy=self.search)))
        layout.addWidget(self.search)
        self.results = SearchResultsModel(desk.search, self)
        self.table = QTableView(self, objectName="linkResults")
        self.table.setModel(self.results)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        fields = QFormLayout()
        self.relation = QComboBox(self, objectName="linkRelation")
        for relation in Relation:
            self.relation.addItem(relation.label, relation)
        fields.addRow(plain(QLabel("They &are this customer's:", self, buddy=self.relation)),
                      self.relation)
        self.contracts = QCheckBox("Send them this customer's &contracts too", self,
                                   objectName="linkContracts")
        self.contracts.setToolTip("Only a co-buyer: the customer asked for it")
        fields.addRow("", self.contracts)
        layout.addLayout(fields)
        self.problem = plain(QLabel(self, objectName="linkProblem", wordWrap=True))
        self.problem.setStyleSheet(problem_style())
        self.problem.hide()
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.link_button = self.buttons.addButton("&Link", QDialogButtonBox.ButtonRole.AcceptRole)
        self.link_button.setObjectName("linkButton")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._later = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._later.timeout.connect(lambda: self.results.set_query(self.search.text()))
        self.search.textChanged.connect(lambda _: self._later.start())
        self.results.modelReset.connect(self._follow)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._follow())
        self.table.doubleClicked.connect(lambda _: self.save())
        self.relation.currentIndexChanged.connect(lambda _: self._follow())
        self.search.setFocus()
        self._follow()

    def picked(self) -> CustomerHit | None:
        rows = self.table.selectionModel().selectedRows()
        return self.results.hit(rows[0].row()) if rows else None

    def _follow(self) -> None:
        co_buyer = self.relation.currentData() is Relation.CO_BUYER
        self.contracts.setEnabled(co_buyer)
        if not co_buyer:
            self.contracts.setChecked(False)
        hit = self.picked()
        self.link_button.setEnabled(hit is not None and hit.id != self.customer_id)
        self.link_button.setToolTip(tooltip_text(
            None if hit is not None and hit.id != self.customer_id else
            "Pick the other customer (not this one)"))

    def save(self) -> None:
        hit = self.picked()
        if hit is None or not self.link_button.isEnabled():
            return
        try:
            self._save(hit.id, self.relation.currentData(), self.contracts.isChecked())
        except DomainError as error:
            self.problem.setText(explain(error))
            self.problem.show()
            return
        self.accept()


class LinkRow(QWidget):
    """One link: who and what they are (a click opens them), and Unlink."""

    def __init__(self, open_other: Callable[[int], None], remove: Callable[[LinkView], None],
                 parent: QWidget) -> None:
        super().__init__(parent)
        self.link: LinkView | None = None
        self.name = QPushButton(self, flat=True)
        self.name.setStyleSheet("QPushButton { text-align: left; color: palette(link);"
                                " text-decoration: underline; border: none; padding: 0; }")
        self.name.setCursor(Qt.CursorShape.PointingHandCursor)
        self.name.clicked.connect(lambda: self.link and open_other(self.link.other_id))
        self.unlink = small_button("Unlink", "", "", lambda: self.link and remove(self.link))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.name, 1)
        layout.addWidget(self.unlink, alignment=Qt.AlignmentFlag.AlignTop)

    def show_link(self, link: LinkView, why_not: str | None) -> None:
        self.link = link
        said = link.shown()
        self.name.setText(no_mnemonic(said))  # an "&" in a name stays an "&"
        self.name.setObjectName(f"link_{link.id}")
        self.name.setToolTip(tooltip_text(f"Open {link.other.shown()}"))
        self.name.setAccessibleName(f"Open {said}")
        self.unlink.setObjectName(f"unlink_{link.id}")
        self.unlink.setToolTip(tooltip_text(why_not or f"Unlink {link.other.name}"))
        self.unlink.setAccessibleName(f"Unlink {said}")
        self.unlink.setEnabled(why_not is None)

    def blank(self) -> None:
        self.link = None
        self.name.setText("")
        self.name.setObjectName("")
        self.unlink.setObjectName("")


class LinksBody(SectionBody):
    """Each link with Unlink, and Link a customer…; the count in the title. A save here
    returns the customer's links and version and the section shows exactly that;
    ``versionMoved(customer_id, version)`` tells the page; ``openCustomer(id)`` asks the
    window to show a linked customer."""

    versionMoved = Signal(int, int)
    openCustomer = Signal(int)

    def __init__(self, section: CardSection, desk: Desk, undo: CustomerUndo) -> None:
        super().__init__(section, desk)
        self.undo = undo
        self.customer_id: int | None = None
        self.customer_name = ""
        self.version = 0
        self.listed = ReusedRows(self._row)
        self.add = QPushButton("Link a customer…", objectName="linkCustomerButton")
        self.add.clicked.connect(self.link)
        self.rows.addWidget(self.listed.holder)
        self.rows.addWidget(line(self.add))

    def _row(self) -> LinkRow:
        row = LinkRow(self.openCustomer.emit, self.remove, self.listed.holder)
        rows = self.listed.rows
        QWidget.setTabOrder(rows[-1].unlink if rows else self.section.toggle, row.name)
        QWidget.setTabOrder(row.name, row.unlink)
        QWidget.setTabOrder(row.unlink, self.add)
        return row

    def refresh(self, customer: CustomerView, card: ContactCardView) -> None:
        self.follow(customer)
        super().refresh(customer, card)

    def follow(self, customer: CustomerView) -> None:
        self.customer_id, self.customer_name = customer.id, customer.full_name
        self.version = customer.version

    def drawn_from(self, customer: CustomerView, card: ContactCardView) -> object:
        return customer.id, card.links, self._why_not()

    def show_card(self, customer: CustomerView, card: ContactCardView) -> None:
        self._show(card.links)

    def _why_not(self) -> str | None:
        return self.desk.actor.why_not(Permission.EDIT_CUSTOMERS)

    def _show(self, links: tuple[LinkView, ...]) -> None:
        why_not = self._why_not()
        self.section.set_count(len(links) or None)
        self.listed.show(links, lambda row, link: row.show_link(link, why_not), LinkRow.blank)
        self.listed.holder.setVisible(bool(links))
        self.add.setEnabled(why_not is None)
        self.add.setToolTip(tooltip_text(
            why_not or "Link a spouse, co-buyer, parent or child, business or fleet driver"))

    def _apply(self, customer_id: int, saved: SavedLinks) -> None:
        """What a save returned, shown as it is: nothing is read again."""
        if customer_id != self.customer_id:
            return
        self.version = saved.version
        self._show(saved.links)
        self._shown = (customer_id, saved.links, self._why_not())
        self.versionMoved.emit(customer_id, saved.version)

    # changing

    def link(self) -> None:
        customer_id = self.customer_id
        if customer_id is None:
            return
        why_not = self._why_not()
        if why_not:
            self._fail("Link a customer", PermissionDenied(why_not))
            return

        def save(other_id: int, relation: Relation, contracts: bool) -> None:
            saved = self.desk.link_customers(customer_id, other_id, relation, contracts,
                                             self.version)
            made = next(link for link in saved.links if link.id == saved.id)
            self._apply(customer_id, saved)
            self.undo.push(link_step(self.desk, customer_id, f"Link {made.other.name}",
                                     placed=saved))

        LinkDialog(self.desk, customer_id, self.customer_name, save, self).exec()

    def remove(self, link: LinkView) -> None:
        customer_id = self.customer_id
        if customer_id is None or not confirm(
                self, "Unlink", f"Unlink {link.other.shown()} ({link.relation.label.lower()})?"):
            return
        try:
            saved = self.desk.unlink(link.id, customer_id, self.version)
        except DomainError as error:
            self._fail("Unlink", error)
            return
        self._apply(customer_id, saved)
        self.undo.push(link_step(self.desk, customer_id, f"Unlink {link.other.name}",
                                 taken=saved))


def link_step(desk: Desk, customer_id: int, text: str, **state: SavedLinks) -> LinkStep:
    """Undo and redo unlink and put back in turn, each expecting the version the last save
    left."""
    step: LinkStep = PlaceStep(
        customer_id, no_mnemonic(text),
        lambda saved: desk.unlink(saved.id, customer_id, saved.version),
        lambda saved: desk.put_back_link(saved.id, customer_id, saved.version),
        **state)  # type: ignore[arg-type]
    step.changed_elsewhere = "another desk changed this customer after you"
    return step
