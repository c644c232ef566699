"""Undo per customer: one stack for each customer opened while the window is open, the one on
screen active, so Edit > Undo acts on the customer the clerk is looking at.

Every step is a change already saved. Undo saves its inverse and redo saves it again, each
naming the version (or the state) the step's last save left, like any other save: when
another desk changed the same thing in between, the save is refused, nothing is
overwritten, the clerk is told in plain words, and the step leaves the stack.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoGroup, QUndoStack

from contact_desk.domain.errors import ConflictError, DomainError, NotFound

Applied = Callable[[int, DomainError | None], None]
Values = TypeVar("Values")
Expected = TypeVar("Expected")
Placed = TypeVar("Placed")
Taken = TypeVar("Taken")


def refusal(word: str, step: str, error: DomainError,
            changed_elsewhere: str = "another desk changed it after you") -> DomainError:
    """What the clerk reads when ``word`` ("Undo", "Redo") of ``step`` was refused."""
    if isinstance(error, (ConflictError, NotFound)):
        why = changed_elsewhere
        if isinstance(error, NotFound):
            why = "another desk removed it after you"
        return ConflictError(f"{word} of “{step}” was refused: {why}. Nothing was "
                             "overwritten; the page shows what is saved now.")
    return DomainError(f"{word} of “{step}” was refused, and nothing was changed. "
                       f"{error.message}")


class SavedStep(QUndoCommand):
    """One change the clerk made, already saved when it is pushed.

    Subclasses say how to save it back (``save_undo``) and again (``save_redo``); each
    remembers what its save left, for the next one to expect.
    """

    changed_elsewhere = "another desk changed it after you"  # why a conflict refuses it

    def __init__(self, customer_id: int, text: str) -> None:
        super().__init__(text)
        self.customer_id = customer_id
        self._applied: Applied | None = None
        self._done = True  # push() calls redo(); the change is already in the database

    def bind(self, applied: Applied) -> None:
        """Told of each undo and redo: the customer, and the refusal if there was one."""
        self._applied = applied

    def save_undo(self) -> None:
        raise NotImplementedError

    def save_redo(self) -> None:
        raise NotImplementedError

    def undo(self) -> None:
        self._run("Undo", self.save_undo)

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._run("Redo", self.save_redo)

    def _run(self, word: str, save: Callable[[], None]) -> None:
        try:
            save()
        except DomainError as error:
            self.setObsolete(True)  # the stack drops it: what it would undo is not there
            self._tell(refusal(word, self.text(), error, self.changed_elsewhere))
            return
        self._tell(None)

    def _tell(self, error: DomainError | None) -> None:
        if self._applied is not None:
            self._applied(self.customer_id, error)


class EditStep(SavedStep, Generic[Values, Expected]):
    """An edit (a vehicle, a person on the account, the customer's details): undo saves the
    values before, redo the values after. ``save(values, expected)`` saves and returns what
    the next save expects (a version, or the versions of a record)."""

    def __init__(self, customer_id: int, text: str, before: Values, after: Values,
                 expected: Expected, save: Callable[[Values, Expected], Expected]) -> None:
        super().__init__(customer_id, text)
        self._before, self._after, self._expected, self._save = before, after, expected, save

    def save_undo(self) -> None:
        self._expected = self._save(self._before, self._expected)

    def save_redo(self) -> None:
        self._expected = self._save(self._after, self._expected)


class PlaceStep(SavedStep, Generic[Placed, Taken]):
    """Something added or removed (a note, a vehicle, a person on the account): undo and
    redo take it out and put it back in turn. ``take_out(placed)`` returns what
    ``put_back`` needs, and ``put_back(taken)`` what ``take_out`` needs; each carries the
    versions the other expects."""

    def __init__(self, customer_id: int, text: str, take_out: Callable[[Placed], Taken],
                 put_back: Callable[[Taken], Placed], *, placed: Placed | None = None,
                 taken: Taken | None = None) -> None:
        super().__init__(customer_id, text)
        assert (placed is None) != (taken is None), "added (placed) or removed (taken)"
        self._take_out, self._put_back = take_out, put_back
        self._placed, self._taken = placed, taken

    def save_undo(self) -> None:
        self._turn()

    def save_redo(self) -> None:
        self._turn()

    def _turn(self) -> None:
        if self._placed is not None:
            self._taken, self._placed = self._take_out(self._placed), None
        elif self._taken is not None:
            self._placed, self._taken = self._put_back(self._taken), None


class CustomerUndo(QObject):
    """The window's undo: a QUndoGroup holding a stack per customer.

    ``applied(customer_id, error)`` follows each undo and redo, so the page and the card
    show what is saved now (and the refusal, if there was one).
    """

    applied = Signal(int, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.group = QUndoGroup(self)
        self._stacks: dict[int, QUndoStack] = {}

    def stack(self, customer_id: int) -> QUndoStack:
        stack = self._stacks.get(customer_id)
        if stack is None:
            stack = self._stacks[customer_id] = QUndoStack(self.group)
            self.group.addStack(stack)
        return stack

    def show(self, customer_id: int | None) -> None:
        """Make ``customer_id``'s stack the one Edit > Undo acts on (None: no customer)."""
        self.group.setActiveStack(None if customer_id is None else self.stack(customer_id))

    @property
    def active(self) -> QUndoStack | None:
        return self.group.activeStack()

    def push(self, step: SavedStep) -> None:
        step.bind(self.applied.emit)
        self.stack(step.customer_id).push(step)

    def clear(self) -> None:
        """Drop every customer's steps: another person sat down, and undo is the person's."""
        for stack in self._stacks.values():
            stack.clear()
