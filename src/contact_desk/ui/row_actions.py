"""A row's buttons (Edit, Send invite, Delete) drawn in one cell by a delegate, not made as
widgets: three buttons and a holder per row were two dozen widgets to make, lay out and
delete for a customer with six people on the account. The view draws them and passes the
clicks on; the row's context menu and keys (Enter, Delete) offer the same actions."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QHelpEvent, QIcon, QMouseEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionToolButton,
    QStyleOptionViewItem,
    QToolTip,
    QWidget,
)

from contact_desk.ui.plain_text import no_mnemonic, tooltip_text

MARGIN = 2  # left and right of the buttons in the cell
SPACING = 4  # between two buttons
ICON = 16  # the side of a button's icon
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class RowAction:
    name: str  # stable: what tests and the log call it
    text: str  # shown as it is (an "&" stays one)
    tip: str
    act: Callable[[int], None]  # called with the row
    enabled: bool = True
    icon: str = ""  # a resource path: drawn alone, ``text`` then only named (accessibility)


class RowActionsDelegate(QStyledItemDelegate):
    """Draws ``actions(row)`` as tool buttons side by side; a click on an enabled one acts."""

    def __init__(self, actions: Callable[[int], Sequence[RowAction]],
                 view: QAbstractItemView) -> None:
        super().__init__(view)
        self._actions, self._view = actions, view
        self._pressed: tuple[int, str] | None = None  # the row and button under the mouse

    def actions(self, row: int) -> Sequence[RowAction]:
        return self._actions(row)

    def button_rects(self, row: int, cell: QRect) -> list[tuple[RowAction, QRect]]:
        """Where each of the row's buttons is drawn in ``cell``."""
        placed, x = [], cell.left() + MARGIN
        for action in self.actions(row):
            size = self._size(action)
            top = cell.top() + (cell.height() - size.height()) // 2
            placed.append((action, QRect(x, top, size.width(), size.height())))
            x += size.width() + SPACING
        return placed

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        super().paint(painter, option, index)  # the cell's background and selection
        style = self._style()
        for action, rect in self.button_rects(index.row(), option.rect):
            button = self._option(action, rect)
            if self._pressed == (index.row(), action.name):
                button.state |= QStyle.StateFlag.State_Sunken
            style.drawComplexControl(QStyle.ComplexControl.CC_ToolButton, button, painter,
                                     self._view)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        sizes = [self._size(action) for action in self.actions(index.row())]
        width = sum(size.width() for size in sizes) + SPACING * max(0, len(sizes) - 1)
        height = max((size.height() for size in sizes), default=0)
        return QSize(width + 2 * MARGIN, height)

    def editorEvent(self, event: QEvent, model: QAbstractItemModel,
                    option: QStyleOptionViewItem, index: Index) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
                        QEvent.Type.MouseButtonDblClick):
            return False
        assert isinstance(event, QMouseEvent)
        hit = self._hit(index.row(), option.rect, event.position().toPoint())
        if kind == QEvent.Type.MouseButtonRelease:
            pressed, self._pressed = self._pressed, None
            self._view.viewport().update(option.rect)
            if hit is not None and pressed == (index.row(), hit.name):
                hit.act(index.row())
                return True
            return pressed is not None
        if hit is None or event.button() != Qt.MouseButton.LeftButton:
            return False
        self._pressed = (index.row(), hit.name)
        self._view.viewport().update(option.rect)
        return True

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView,
                  option: QStyleOptionViewItem, index: Index) -> bool:
        hit = self._hit(index.row(), option.rect, event.pos(), enabled_only=False)
        if hit is None:
            return super().helpEvent(event, view, option, index)
        QToolTip.showText(event.globalPos(), tooltip_text(hit.tip), view)
        return True

    def _hit(self, row: int, cell: QRect, at, enabled_only: bool = True) -> RowAction | None:  # noqa: ANN001
        for action, rect in self.button_rects(row, cell):
            if rect.contains(at) and (action.enabled or not enabled_only):
                return action
        return None

    def _option(self, action: RowAction, rect: QRect) -> QStyleOptionToolButton:
        button = QStyleOptionToolButton()
        button.initFrom(self._view)
        button.rect = rect
        if action.icon:
            button.icon = QIcon(action.icon)
            button.iconSize = QSize(ICON, ICON)
            button.toolButtonStyle = Qt.ToolButtonStyle.ToolButtonIconOnly
        else:
            button.text = no_mnemonic(action.text)
            button.toolButtonStyle = Qt.ToolButtonStyle.ToolButtonTextOnly
        button.subControls = QStyle.SubControl.SC_ToolButton
        button.state = QStyle.StateFlag.State_Raised
        if action.enabled:
            button.state |= QStyle.StateFlag.State_Enabled
        else:
            button.palette.setCurrentColorGroup(button.palette.ColorGroup.Disabled)
        return button

    def _size(self, action: RowAction) -> QSize:
        button = self._option(action, QRect())
        inside = QSize(ICON, ICON) if action.icon else \
            button.fontMetrics.size(Qt.TextFlag.TextShowMnemonic, button.text)
        return self._style().sizeFromContents(QStyle.ContentsType.CT_ToolButton, button, inside,
                                              self._view)

    def _style(self) -> QStyle:
        widget: QWidget | None = self._view
        return widget.style() if widget is not None else QApplication.style()
