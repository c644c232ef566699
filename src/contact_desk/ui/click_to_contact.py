"""Click-to-call, -text and -email on any phone or email the window lists. The service asks
whether the value may be reached now: a refusal is shown as it is and nothing opens; an
allowed contact is logged by the service, then its link is handed to the system (tel:, sms:,
mailto:, or the dealership's app)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QPoint, QSize, Qt, QUrl
from PySide6.QtGui import QContextMenuEvent, QDesktopServices, QIcon
from PySide6.QtWidgets import QHBoxLayout, QMenu, QTableView, QToolButton, QWidget

from contact_desk.domain.consent import Purpose
from contact_desk.domain.contact_links import APP_OF
from contact_desk.domain.enums import Channel, ContactKind
from contact_desk.services.views import ContactPointView
from contact_desk.ui.desk import Desk
from contact_desk.ui.forms import resources_rc  # noqa: F401 - registers the icons
from contact_desk.ui.messages import show_error
from contact_desk.ui.models.contact_points import ContactPointsModel
from contact_desk.ui.plain_text import no_mnemonic, tooltip_text
from contact_desk.ui.row_actions import ICON, RowAction, RowActionsDelegate

TRANSACTIONAL, MARKETING = Purpose.TRANSACTIONAL, Purpose.MARKETING
ICONS = {channel: f":/contact_desk/icons/{channel.cli_name}.svg" for channel in Channel}
WHO_RECEIVES = "Who Receives…"


@dataclass(frozen=True)
class ContactAction:
    """One way to start a contact with a value: a button and a menu entry."""

    name: str  # stable: the objectName stem tests find it by ("textPoint")
    text: str  # the menu's first word, and the button's accessible name
    channel: Channel
    purpose: Purpose
    on_button: bool = True  # marketing is offered in the menu only

    @property
    def icon(self) -> str:
        """The button's icon: narrow, so a row keeps room for the value."""
        return ICONS[self.channel]

    def menu_text(self, point: ContactPointView) -> str:
        if self.purpose is MARKETING:
            return f"{self.text} {point.display} for Marketing"
        return f"{self.text} {point.display}"

    def tip(self, point: ContactPointView) -> str:
        verb = self.text.lower()
        what = "marketing" if self.purpose is MARKETING else "the customer's own business"
        return (f"{self.text} {point.display} ({what}): the desk first checks that they may "
                f"be reached now; a {verb} started is logged")


_ACTIONS = {
    ContactKind.PHONE: (ContactAction("callPoint", "Call", Channel.CALL, TRANSACTIONAL),
                        ContactAction("textPoint", "Text", Channel.TEXT, TRANSACTIONAL),
                        ContactAction("marketingTextPoint", "Text", Channel.TEXT, MARKETING,
                                      on_button=False)),
    ContactKind.EMAIL: (ContactAction("emailPoint", "Email", Channel.EMAIL, TRANSACTIONAL),),
}


def contact_actions(point: ContactPointView, buttons_only: bool = False
                    ) -> tuple[ContactAction, ...]:
    return tuple(a for a in _ACTIONS[point.kind] if a.on_button or not buttons_only)


def start_contact(parent: QWidget, desk: Desk, point: ContactPointView,
                  action: ContactAction) -> bool:
    """Ask, then open: True when the contact was started (logged, and its link handed on)."""
    title = action.menu_text(point)
    try:
        started = desk.start_contact(point.id, action.channel, action.purpose)
    except Exception as error:  # a refusal reads as it is; anything else is logged
        show_error(parent, title, error)
        return False
    if not QDesktopServices.openUrl(QUrl(started.url)):
        scheme = started.url.split(":", 1)[0]
        show_error(parent, title,
                   f"The {action.text.lower()} was logged, but nothing on this computer "
                   f"opens {scheme}: links. A manager can choose the dealership's "
                   f"{APP_OF[action.channel]} in File > Calling and Texting Apps.")
    return True


def add_contact_entries(menu: QMenu, parent: QWidget, desk: Desk,
                        point: ContactPointView) -> None:
    """The value's Call, Text, Text for Marketing or Email entries."""
    for action in contact_actions(point):
        entry = menu.addAction(no_mnemonic(action.menu_text(point)))
        entry.setObjectName(f"{action.name}Action")
        entry.setToolTip(tooltip_text(action.tip(point)))
        entry.triggered.connect(
            lambda _=False, action=action: start_contact(parent, desk, point, action))


class PointContacts(QWidget):
    """The card's Call and Text (or Email) buttons for the value a row shows, and the row's
    context menu with them, the marketing text and Who Receives…."""

    def __init__(self, desk: Desk, who_receives: Callable[[], None]) -> None:
        super().__init__()
        self.desk, self._who_receives = desk, who_receives
        self.point: ContactPointView | None = None
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self.buttons: dict[str, QToolButton] = {}  # made when a kind is first shown, kept

    def attach(self, row: QWidget) -> None:
        """``row``'s right click (or Menu key) opens the value's menu."""
        row.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        row.customContextMenuRequested.connect(
            lambda position: self.menu().exec(row.mapToGlobal(position)))

    def show_point(self, point: ContactPointView) -> None:
        self.point = point
        shown = {action.name for action in contact_actions(point, buttons_only=True)}
        for action in _ACTIONS[point.kind]:
            if action.name in shown and action.name not in self.buttons:
                button = QToolButton(text=action.text, autoRaise=True,
                                     icon=QIcon(action.icon), iconSize=QSize(ICON, ICON))
                button.clicked.connect(lambda _=False, action=action: self._start(action))
                self.buttons[action.name] = button
                self._layout.addWidget(button)
        for name, button in self.buttons.items():
            action = next((a for a in _ACTIONS[point.kind] if a.name == name), None)
            button.setVisible(name in shown)
            if action is not None and name in shown:
                button.setObjectName(f"{name}_{point.id}")
                button.setToolTip(tooltip_text(action.tip(point)))
                button.setAccessibleName(action.menu_text(point))

    def blank(self) -> None:
        self.point = None
        for button in self.buttons.values():
            button.setObjectName("")

    def menu(self) -> QMenu:
        menu = QMenu(self)
        menu.setObjectName("contactPointMenu")
        if self.point is not None:
            add_contact_entries(menu, self, self.desk, self.point)
            menu.addSeparator()
        who = menu.addAction(WHO_RECEIVES, self._who_receives)
        who.setObjectName("whoReceivesAction")
        return menu

    def _start(self, action: ContactAction) -> None:
        if self.point is not None:
            start_contact(self, self.desk, self.point, action)


class TableContacts(QObject):
    """Click-to-contact on the customer page's phone or email table: the row's buttons in
    its last column, and its context menu (the Menu key too) with Who Receives…."""

    def __init__(self, table: QTableView, model: ContactPointsModel, desk: Desk,
                 who_receives: Callable[[], None], parent: QWidget) -> None:
        super().__init__(parent)
        self.table, self.model, self.desk = table, model, desk
        self._who_receives, self._parent = who_receives, parent
        table.setItemDelegateForColumn(model.reach_column, RowActionsDelegate(self.actions,
                                                                               table))
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._menu_at)
        table.installEventFilter(self)

    def actions(self, row: int) -> tuple[RowAction, ...]:
        point = self.model.point(row)
        return tuple(
            RowAction(f"{action.name}Button", action.menu_text(point), action.tip(point),
                      lambda row, action=action: self.start(row, action), icon=action.icon)
            for action in contact_actions(point, buttons_only=True))

    def start(self, row: int, action: ContactAction) -> bool:
        return start_contact(self._parent, self.desk, self.model.point(row), action)

    def menu(self, row: int) -> QMenu:
        menu = QMenu(self.table)
        menu.setObjectName("contactPointMenu")
        add_contact_entries(menu, self._parent, self.desk, self.model.point(row))
        menu.addSeparator()
        who = menu.addAction(WHO_RECEIVES, self._who_receives)
        who.setObjectName("whoReceivesAction")
        return menu

    def _menu_at(self, position: QPoint) -> None:
        index = self.table.indexAt(position)
        if index.isValid():
            self.menu(index.row()).exec(self.table.viewport().mapToGlobal(position))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The Menu key (or Shift+F10) opens the menu of the current row, beside it."""
        if (watched is self.table and event.type() == QEvent.Type.ContextMenu
                and isinstance(event, QContextMenuEvent)
                and event.reason() == QContextMenuEvent.Reason.Keyboard):
            index = self.table.currentIndex()
            if index.isValid():
                where = self.table.visualRect(index).bottomLeft()
                self.menu(index.row()).exec(self.table.viewport().mapToGlobal(where))
            return True
        return super().eventFilter(watched, event)
