"""A customer's phones or emails as a table whose Primary checkbox asks the service to choose."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt

from contact_desk.domain.enums import ContactKind, ContactStatus
from contact_desk.services.views import ContactPointView
from contact_desk.ui.consent_words import ConsentBadge, consent_badges
from contact_desk.ui.models.columns import Column, Index, RowsModel

BADGES_ROLE = Qt.ItemDataRole.UserRole + 1
PRIMARY = 0
CONTACT = 2


def badges(point: ContactPointView) -> list[ConsentBadge]:
    """The small flags shown on the row (the card's words): consent is kept apart from
    status."""
    return consent_badges(point.kind, point.consent)


def _primary_tooltip(point: ContactPointView) -> str:
    if point.why_not_primary:
        return point.why_not_primary
    if point.is_primary:
        return f"Primary {point.kind.label.lower()}: reminders and messages go here."
    return f"Check to make {point.display} the primary {point.kind.label.lower()}."


def _contact_tooltip(point: ContactPointView) -> str:
    """The value, and the record behind each badge read aloud."""
    return "\n".join([point.display, *(f"{b.text} — {b.tooltip}" for b in badges(point))])


def _texts(point: ContactPointView) -> str:
    return "Can text" if point.can_receive_texts else "No texts (landline)"


# Call, Text or Email buttons, beside the value they start: a table wider than the page
# scrolls sideways, and buttons at its end went out of sight.
_REACH: Column[ContactPointView] = Column("", lambda p: "")
_COMMON: tuple[Column[ContactPointView], ...] = (
    Column("Primary", lambda p: "", tooltip=_primary_tooltip, check=lambda p: p.is_primary,
           enabled=lambda p: p.why_not_primary is None,
           align=Qt.AlignmentFlag.AlignCenter),
    Column("Type", lambda p: p.type.label),
    Column("Contact", lambda p: p.display, tooltip=_contact_tooltip),
    _REACH,
    Column("Status", lambda p: p.status.label,
           tooltip=lambda p: None if p.status is ContactStatus.ACTIVE
           else f"{p.status.label} since {p.status_date.isoformat()}"),
    Column("Status Date", lambda p: p.status_date.isoformat()),
)
PHONE_COLUMNS = (*_COMMON, Column("Texts", _texts))
EMAIL_COLUMNS = _COMMON

ChoosePrimary = Callable[[ContactPointView], bool]


class ContactPointsModel(RowsModel[ContactPointView]):
    """Checking a row's Primary calls ``choose_primary``; the page then hands back new rows."""

    def __init__(self, kind: ContactKind, choose_primary: ChoosePrimary, parent: Any = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.columns = PHONE_COLUMNS if kind is ContactKind.PHONE else EMAIL_COLUMNS
        self._choose_primary = choose_primary

    def point(self, row: int) -> ContactPointView:
        return self.rows[row]

    @property
    def reach_column(self) -> int:
        """Where click-to-contact draws the row's buttons."""
        return self.columns.index(_REACH)

    def show_points(self, points: tuple[ContactPointView, ...] | list[ContactPointView]) -> None:
        """Show ``points``; rows that changed in place get dataChanged, not a reset."""
        points = list(points)
        if [p.id for p in points] != [p.id for p in self.rows]:
            self.beginResetModel()
            self.rows = points
            self.endResetModel()
            return
        last = self.columnCount() - 1
        for row, (old, new) in enumerate(zip(self.rows, points, strict=True)):
            if old != new:
                self.rows[row] = new
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == BADGES_ROLE:
            return badges(self.rows[index.row()]) if index.column() == CONTACT else []
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Checking Primary asks the service; unchecking is not a choice (pick another one)."""
        if index.column() != PRIMARY or role != Qt.ItemDataRole.CheckStateRole:
            return False
        point = self.rows[index.row()]
        wanted = Qt.CheckState(value) == Qt.CheckState.Checked
        if not wanted or point.is_primary or point.why_not_primary:
            return False
        return self._choose_primary(point)
