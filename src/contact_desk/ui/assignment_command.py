"""One undoable change of who is assigned to a customer (Sales, BDC, Service BDC).

Like any save, undo and redo name whom they expect in the role: the one this step left.
When another desk assigned someone else in between, nothing is changed and the step leaves
the undo stack.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from contact_desk.domain.enums import AssignmentRole
from contact_desk.domain.errors import DomainError
from contact_desk.ui.desk import Desk


class AssignmentCommand(QUndoCommand):
    """Created after the change was saved; ``after`` is told of it (or of the refusal)."""

    def __init__(self, desk: Desk, customer_id: int, role: AssignmentRole,
                 before: int | None, after_id: int | None, text: str,
                 after: Callable[[DomainError | None], None]) -> None:
        super().__init__(text)
        self._desk, self._customer_id, self._role = desk, customer_id, role
        self._before, self._after_id, self._after = before, after_id, after
        self._done = True  # push() calls redo(); the change is already saved

    def undo(self) -> None:
        self._apply(self._before, expected=self._after_id)

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._apply(self._after_id, expected=self._before)

    def _apply(self, user_id: int | None, expected: int | None) -> None:
        try:
            self._desk.assign(self._customer_id, self._role, user_id, expected)
        except DomainError as error:
            self.setObsolete(True)
            self._after(error)
            return
        self._after(None)
