"""The customer's notes for the contact card, newest first: one row per note, its text and
who wrote it when (the byline the card draws above it)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from contact_desk.services.views import NoteView
from contact_desk.ui.models.columns import Column, Index, RowsModel, local_time

BYLINE_ROLE = Qt.ItemDataRole.UserRole + 1


def byline(note: NoteView) -> str:
    return f"{note.author or 'Someone'} · {local_time(note.at)}"


class NotesModel(RowsModel[NoteView]):
    """Notes are text from outside the desk: the view draws them as plain text only."""

    columns = (Column("Note", lambda note: note.text),)

    def note(self, row: int) -> NoteView:
        return self.rows[row]

    def show_notes(self, notes: tuple[NoteView, ...]) -> None:
        self.beginResetModel()
        self.rows = list(notes)
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == BYLINE_ROLE:
            return byline(self.rows[index.row()])
        if role == Qt.ItemDataRole.AccessibleTextRole:
            note = self.rows[index.row()]
            return f"{byline(note)}: {note.text}"
        return super().data(index, role)
