"""What the dialogs of the Programs section share: one desk call on Save, its refusal shown in
the dialog with what was typed kept, and the words for a replacement's outcome."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QWidget

from contact_desk.domain.errors import ConflictError
from contact_desk.domain.program import ProgramRole, RoleActionKind
from contact_desk.services.program_views import ProgramView
from contact_desk.services.programs import Replacement
from contact_desk.ui.messages import confirm_discard, explain
from contact_desk.ui.plain_text import tooltip_text
from contact_desk.ui.text_colors import note_style, problem_style



class ProgramDialog(QDialog):
    """A dialog whose Save (or Replace) runs one desk call.

    ``stale`` says another desk saved first, so the page should show what is stored now
    even if this dialog is cancelled.
    """

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.stale = False
        self.outcome: object = None
        self.save_error: QLabel | None = None
        self.buttons: QDialogButtonBox | None = None
        self._as_opened: object = None

    def prepare(self, save_error: QLabel, buttons: QDialogButtonBox, notes: tuple[QLabel, ...],
                save_text: str | None = None) -> None:
        """Wire the form's error label and buttons; call once the form shows what is stored."""
        self.save_error, self.buttons = save_error, buttons
        self._as_opened = self.typed_state()
        save_error.setStyleSheet(problem_style())
        save_error.hide()
        for note in notes:
            note.setStyleSheet(note_style())
        if save_text:
            self.save_button.setText(save_text)
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)

    @property
    def save_button(self) -> QPushButton:
        assert self.buttons is not None
        for which in (QDialogButtonBox.StandardButton.Save, QDialogButtonBox.StandardButton.Ok):
            button = self.buttons.button(which)
            if button is not None:
                return button
        raise LookupError("The form has neither Save nor OK")

    def allow_save(self, reason: str | None) -> None:
        """Enable Save, or disable it with ``reason`` as its tooltip."""
        self.save_button.setEnabled(reason is None)
        self.save_button.setToolTip(tooltip_text(reason))

    def save(self) -> None:
        raise NotImplementedError

    def typed_state(self) -> object:
        """What the clerk has typed or attached, to compare with the dialog as it opened."""
        return None

    def reject(self) -> None:
        """Closing with something typed asks first: nothing the clerk typed is lost by accident."""
        if self.typed_state() != self._as_opened and not confirm_discard(self):
            return
        super().reject()

    def save_with(self, call: Callable[[], object]) -> bool:
        """Run the desk call and close; on a refusal say why and keep the dialog as it is."""
        if not self.save_button.isEnabled():
            return False
        try:
            self.outcome = call()
        except Exception as error:  # shown in the dialog; what was typed stays
            self.stale = self.stale or isinstance(error, ConflictError)
            self.show_save_error(explain(error))
            self.refused(error)
            return False
        self.accept()
        return True

    def refused(self, error: Exception) -> None:
        """A subclass may offer a way out of a refusal (e.g. Replace contact instead)."""

    def show_save_error(self, text: str) -> None:
        assert self.save_error is not None
        self.save_error.setText(text)
        self.save_error.show()

    def hide_save_error(self) -> None:
        if self.save_error is not None:
            self.save_error.hide()


def describe_replacement(replacement: Replacement, role: str, old_name: str,
                         new_name: str) -> str:
    """What a replacement changed and what it kept, program by program, for the clerk."""
    if not replacement.changed and not replacement.kept:
        return f"{new_name} is already the {role} on this program; nothing changed."
    lines = []
    if replacement.changed:
        numbers = ", ".join(replacement.changed)
        invoices = " and their invoices" if role == "customer" else ""
        lines.append(f"{new_name} is now the {role} on {numbers}{invoices}.")
    for number, reason in replacement.kept:
        lines.append(f"{number} keeps {old_name}: {reason}")
    return "\n\n".join(lines)


def linked_programs(programs: tuple[ProgramView, ...], role: ProgramRole, name: str) -> str:
    """One line per program of ``programs``: whether replacing ``name`` reaches it, and if not
    why (as the Programs section was told)."""
    lines = []
    for program in programs:
        heading = f"• {program.number} ({program.state_label})"
        action = program.action(role, RoleActionKind.REPLACE)
        if not action.allowed:
            lines.append(f"{heading} keeps {name}: {action.reason}")
        elif role is ProgramRole.CUSTOMER and program.invoices:
            count = len(program.invoices)
            lines.append(f"{heading} with its {count} invoice{'s' if count > 1 else ''}")
        else:
            lines.append(heading)
    return "\n".join(lines)
