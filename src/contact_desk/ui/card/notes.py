"""The card's Customer Notes: a box to add one, and every note in one list that draws only
the notes in sight (fifty notes used to be a hundred word-wrapped labels to lay out)."""

from __future__ import annotations

import math

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QSize, Qt
from PySide6.QtGui import (
    QAction,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QKeySequence,
    QPainter,
    QPalette,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from contact_desk.services.views import CardView, CustomerView
from contact_desk.ui.card.rows import line, text_label
from contact_desk.ui.card.section import CardSection
from contact_desk.ui.card.sections import SectionBody
from contact_desk.ui.desk import Desk
from contact_desk.ui.messages import explain
from contact_desk.ui.models.notes import BYLINE_ROLE, NotesModel
from contact_desk.ui.undo import CustomerUndo, PlaceStep
from contact_desk.ui.text_colors import sticky_note_style

MAX_HEIGHT = 320  # the list grows with its notes to this, then scrolls within
PADDING = 4  # around each note
GAP = 2  # between the byline and the note


def laid_out(text: str, font: QFont, width: float) -> tuple[QTextLayout, float]:
    """``text`` laid out as plain text ``width`` wide, and its height. Lines break between
    words, and inside a word longer than the width (a pasted link): nothing runs off to
    the side. Line breaks typed into the note are kept."""
    layout = QTextLayout(text.replace("\r\n", "\n").replace("\n", "\u2028"), font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    height = 0.0
    layout.beginLayout()
    while (row := layout.createLine()).isValid():
        row.setLineWidth(max(1.0, width))
        row.setPosition(QPointF(0, height))
        height += row.height()
    layout.endLayout()
    return layout, height


def note_height(text: str, font: QFont, width: int) -> int:
    """How tall one note is in a list ``width`` wide: its byline, then its text."""
    _, height = laid_out(text, font, width - 2 * PADDING)
    return math.ceil(QFontMetrics(font).height() + GAP + height) + 2 * PADDING


class NoteDelegate(QStyledItemDelegate):
    """Draws a note: who wrote it when, muted, then the text wrapped to the list's width.

    The text is drawn by a QTextLayout, which knows no markup: a note is plain text.
    """

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""  # the style draws the background and focus only
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        area = opt.rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        metrics = QFontMetrics(opt.font)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        ink = opt.palette.color(QPalette.ColorRole.HighlightedText if selected
                                else QPalette.ColorRole.Text)
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(ink if selected else opt.palette.color(QPalette.ColorRole.PlaceholderText))
        byline = metrics.elidedText(index.data(BYLINE_ROLE) or "", Qt.TextElideMode.ElideRight,
                                    area.width())
        painter.drawText(QRect(area.left(), area.top(), area.width(), metrics.height()),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), byline)
        painter.setPen(ink)
        layout, _ = laid_out(text, opt.font, area.width())
        layout.draw(painter, QPointF(area.left(), area.top() + metrics.height() + GAP))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        width = option.rect.width()
        view = option.widget
        if isinstance(view, QAbstractItemView):
            width = view.viewport().width()
        return QSize(width, note_height(index.data() or "", option.font, width))


class NotesView(QListView):
    """One row per note, newest first: it is as tall as its notes up to MAX_HEIGHT and
    scrolls within beyond that; never sideways. Ctrl+C copies the current note."""

    def __init__(self, model: NotesModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notesList")
        self.setAccessibleName("Customer notes")
        self.setModel(model)
        self.setItemDelegate(NoteDelegate(self))
        self.setUniformItemSizes(False)
        self.setWordWrap(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)  # rewrap when the card is resized
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setFrameShape(QFrame.Shape.NoFrame)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        copy = QAction("Copy note", self, objectName="copyNoteAction",
                       shortcut=QKeySequence.StandardKey.Copy)
        copy.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        copy.triggered.connect(self.copy_current)
        self.addAction(copy)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self._heights: dict[int, int] = {}  # the list's height per width, for these notes
        model.modelReset.connect(self._notes_changed)

    def copy_current(self) -> None:
        index = self.currentIndex()
        if index.isValid():
            QGuiApplication.clipboard().setText(index.data())

    def _notes_changed(self) -> None:
        self._heights.clear()
        self.updateGeometry()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        """The notes' height at ``width``, measuring only as many as fit in MAX_HEIGHT."""
        if width not in self._heights:
            frame = 2 * self.frameWidth()
            inner, total = width - frame, frame
            model, font = self.model(), self.font()
            for row in range(model.rowCount()):
                total += note_height(model.index(row, 0).data() or "", font, inner)
                if total >= MAX_HEIGHT:
                    break
            self._heights[width] = min(total, MAX_HEIGHT)
        return self._heights[width]

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.heightForWidth(self.width()))


class NotesBody(SectionBody):
    """A yellow box and Save; notes newest first with author and time; the count in the title."""

    def __init__(self, section: CardSection, desk: Desk, undo: CustomerUndo) -> None:
        super().__init__(section, desk)
        self.undo = undo
        self.box = QPlainTextEdit(objectName="noteBox")
        self.box.setPlaceholderText("Type a note about this customer…")
        self.box.setAccessibleName("New note")
        self.box.setStyleSheet(sticky_note_style())
        self.box.setFixedHeight(70)
        self.save = QPushButton("Save note", objectName="saveNoteButton")
        self.problem = text_label("", name="noteProblem")
        self.problem.setStyleSheet("color: #b3261e;")
        self.problem.hide()
        self.notes = NotesModel(self)
        self.list = NotesView(self.notes)
        self.empty = text_label("No notes yet.", name="notesEmpty", muted=True)
        for widget in (self.box, self.problem, line(self.save), self.empty, self.list):
            self.rows.addWidget(widget)
        self.customer_id: int | None = None
        self.save.clicked.connect(self._save)

    def drawn_from(self, customer: CustomerView, card: CardView) -> object:
        return customer.id, card.notes  # the count in the title is theirs

    def show_card(self, customer: CustomerView, card: CardView) -> None:
        if customer.id != self.customer_id:
            self.box.clear()  # a half-typed note stays only while the same customer is open
        self.customer_id = customer.id
        self.section.set_count(card.note_count)
        self.notes.show_notes(card.notes)
        self.empty.setVisible(not card.notes)
        self.list.setVisible(bool(card.notes))

    def _save(self) -> None:
        if self.customer_id is None:
            return
        try:
            note_id = self.desk.add_note(self.customer_id, self.box.toPlainText())
        except Exception as error:
            self.problem.setText(explain(error))
            self.problem.show()
            return
        self.undo.push(note_step(self.desk, self.customer_id, note_id))
        self.problem.hide()
        self.box.clear()
        self.changed.emit()


def note_step(desk: Desk, customer_id: int, note_id: int) -> PlaceStep[int, int]:
    """Undo withdraws the note (notes are history: it is kept, marked), redo shows it again."""

    def withdraw(note: int) -> int:
        desk.withdraw_note(note)
        return note

    def restore(note: int) -> int:
        desk.restore_note(note)
        return note

    step = PlaceStep(customer_id, "Add note", withdraw, restore, placed=note_id)
    step.changed_elsewhere = "another desk withdrew or restored that note after you"
    return step
