"""Draws a table cell's text followed by small rounded badges (Do not call, Opted out...)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from contact_desk.ui.models.contact_points import BADGES_ROLE

BADGE_FILL = QColor("#fde2e1")
BADGE_TEXT = QColor("#8a1c14")
GAP = 6


class BadgeDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        labels = index.data(BADGES_ROLE) or []
        if not labels:
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
        for label in labels:
            width = small.horizontalAdvance(label) + 12
            height = small.height() + 2
            badge = QRectF(x, rect.center().y() - height / 2 + 1, width, height)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(BADGE_FILL)
            painter.drawRoundedRect(badge, height / 2, height / 2)
            painter.setPen(BADGE_TEXT)
            painter.drawText(badge, int(Qt.AlignmentFlag.AlignCenter), label)
            x += width + GAP
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        labels = index.data(BADGES_ROLE) or []
        metrics = QFontMetrics(option.font)
        extra = sum(metrics.horizontalAdvance(label) + 12 + GAP for label in labels)
        return QSize(size.width() + extra + (GAP if labels else 0), size.height())
