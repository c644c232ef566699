"""Small rounded badges ("No texts", "Marketing texts OK"): drawn after a table cell's text,
or as a label on the card, in the same colours."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from contact_desk.ui.consent_words import ConsentBadge
from contact_desk.ui.models.contact_points import BADGES_ROLE
from contact_desk.ui.plain_text import plain, tooltip_text

# (fill, text) of a refusal and of a permission; each badge brings its own fill, so the
# pair reads the same on a light and a dark window.
REFUSAL = (QColor("#fde2e1"), QColor("#8a1c14"))
PERMISSION = (QColor("#dcf1e1"), QColor("#1d5a2c"))
GAP = 6


def colours(badge: ConsentBadge) -> tuple[QColor, QColor]:
    return PERMISSION if badge.allows else REFUSAL


def badge_label(badge: ConsentBadge, name: str = "consentBadge") -> QLabel:
    """The badge as a label of its own (the card): plain text, its reason as the tooltip."""
    label = plain(QLabel(objectName=name))
    show_badge(label, badge)
    return label


def show_badge(label: QLabel, badge: ConsentBadge) -> None:
    fill, text = colours(badge)
    label.setText(badge.text)
    label.setToolTip(tooltip_text(badge.tooltip))
    label.setAccessibleName(badge.text)
    label.setAccessibleDescription(badge.tooltip)
    # A border of the fill's colour: without one, Qt draws a label's background square.
    label.setStyleSheet(f"QLabel {{ background: {fill.name()}; color: {text.name()};"
                        f" border: 1px solid {fill.name()}; border-radius: 8px;"
                        " padding: 0px 5px; }")


class BadgeDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        badges: list[ConsentBadge] = index.data(BADGES_ROLE) or []
        if not badges:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        painter.save()
        rect = opt.rect.adjusted(4, 0, -4, 0)
        metrics = QFontMetrics(opt.font)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        painter.setPen(opt.palette.highlightedText().color() if selected
                       else opt.palette.text().color())
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), text)
        x = rect.left() + metrics.horizontalAdvance(text) + GAP * 2
        small = QFontMetrics(opt.font)
        for badge in badges:
            fill, ink = colours(badge)
            width = small.horizontalAdvance(badge.text) + 12
            height = small.height() + 2
            shape = QRectF(x, rect.center().y() - height / 2 + 1, width, height)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(shape, height / 2, height / 2)
            painter.setPen(ink)
            painter.drawText(shape, int(Qt.AlignmentFlag.AlignCenter), badge.text)
            x += width + GAP
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        badges: list[ConsentBadge] = index.data(BADGES_ROLE) or []
        metrics = QFontMetrics(option.font)
        extra = sum(metrics.horizontalAdvance(badge.text) + 12 + GAP for badge in badges)
        return QSize(size.width() + extra + (GAP if badges else 0), size.height())
