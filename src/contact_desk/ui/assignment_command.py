"""One undoable change of who is assigned to a customer (Sales, BDC, Service BDC).

Like any save, undo and redo name whom they expect in the role: the one this step left.
When another desk assigned someone else in between, nothing is changed and the step leaves
the undo stack.
"""

from __future__ import annotations

from contact_desk.domain.enums import AssignmentRole
from contact_desk.ui.desk import Desk
from contact_desk.ui.undo import SavedStep


class AssignmentCommand(SavedStep):
    """Created after the change was saved."""

    def __init__(self, desk: Desk, customer_id: int, role: AssignmentRole,
                 before: int | None, after_id: int | None, text: str) -> None:
        super().__init__(customer_id, text)
        self._desk, self._role = desk, role
        self._before, self._after_id = before, after_id

    def save_undo(self) -> None:
        self._desk.assign(self.customer_id, self._role, self._before, self._after_id)

    def save_redo(self) -> None:
        self._desk.assign(self.customer_id, self._role, self._after_id, self._before)
