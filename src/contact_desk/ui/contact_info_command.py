"""One undoable step on a customer's phones and emails (a primary choice or a dialog's Save).

Undo and redo are saves like any other: each names the customer's version it expects, the
one left by this step's last save. When another desk changed the customer in between, the
save is refused, nothing is overwritten, and the step leaves the undo stack.
"""

from __future__ import annotations

from contact_desk.services.contact_info import ContactInfoChanges, SavedContactInfo, undo_changes
from contact_desk.services.views import CustomerView
from contact_desk.ui.desk import Desk
from contact_desk.ui.undo import SavedStep


class ContactInfoCommand(SavedStep):
    """Created after the change was saved; undo saves the inverse, redo saves it again."""

    changed_elsewhere = "another desk changed this customer's phones or emails after you"

    def __init__(self, desk: Desk, before: CustomerView, changes: ContactInfoChanges,
                 saved: SavedContactInfo, text: str) -> None:
        super().__init__(before.id, text)
        self._desk, self._before, self._changes, self._saved = desk, before, changes, saved
        self._expected = saved.version  # the version this step's next save expects

    def save_undo(self) -> None:
        # The dialog adds values and corrects or deactivates saved ones, never removes
        # them: undo removes what the step added and puts the rest back as it was.
        self._save(undo_changes(self._before, self._changes, self._saved))

    def save_redo(self) -> None:
        self._saved = self._save(self._changes)  # new ids for what it adds again

    def _save(self, changes: ContactInfoChanges) -> SavedContactInfo:
        saved = self._desk.save_contact_info(self.customer_id, changes, self._expected)
        self._expected = saved.version
        return saved
