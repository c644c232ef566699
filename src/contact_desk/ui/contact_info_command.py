"""One undoable step on a customer's phones and emails (a primary choice or a dialog's Save).

Undo and redo are saves like any other: each names the customer's version it expects, the
one left by this step's last save. When another desk changed the customer in between, the
save is refused, nothing is overwritten, and the step leaves the undo stack.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from contact_desk.domain.errors import ConflictError, DomainError
from contact_desk.services.contact_info import ContactInfoChanges, SavedContactInfo, undo_changes
from contact_desk.services.views import CustomerView
from contact_desk.ui.desk import Desk


class ContactInfoCommand(QUndoCommand):
    """Created after the change was saved; undo saves the inverse, redo saves it again.

    ``after`` is told the new customer (or the error) so the page can show it.
    """

    def __init__(self, desk: Desk, before: CustomerView, changes: ContactInfoChanges,
                 saved: SavedContactInfo, text: str,
                 after: Callable[[int, DomainError | None], None]) -> None:
        super().__init__(text)
        self._desk, self._before, self._changes, self._saved = desk, before, changes, saved
        self._after = after
        self._expected = saved.version  # the version this step's next save expects
        self._done = True  # push() calls redo(); the change is already in the database

    def undo(self) -> None:
        self._apply(undo_changes(self._before, self._changes, self._saved))

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._apply(self._changes, again=True)

    def _apply(self, changes: ContactInfoChanges, again: bool = False) -> None:
        customer_id = self._before.id
        try:
            saved = self._desk.save_contact_info(customer_id, changes, self._expected)
        except ConflictError:
            self.setObsolete(True)
            self._after(customer_id, ConflictError(
                f"{'Redo' if again else 'Undo'} of “{self.text()}” was refused: another desk "
                "changed this customer's phones or emails after you. Nothing was overwritten; "
                "the page shows what is saved now."))
            return
        except DomainError as error:
            self.setObsolete(True)
            self._after(customer_id, error)
            return
        self._expected = saved.version
        if again:
            self._saved = saved
        self._after(customer_id, None)
