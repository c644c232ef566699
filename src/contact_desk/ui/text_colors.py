"""The few colours the desk gives text of its own (a problem, a note, a caution, an all
clear), chosen for the palette the window has: dark red on a light window was unreadable on
a dark one."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

# (on a light window, on a dark window); each reads at 4.5:1 or more on the window's colour
PROBLEM = ("#b3261e", "#f2b8b5")
NOTE = ("#5f6368", "#bdc1c6")
CAUTION = ("#8a5a00", "#fdd663")
ALLOWED = ("#1e6b30", "#81c995")
STICKY = (("#fff8c5", "#e6d56a", "#3c3000"), ("#4a4420", "#8a7a2a", "#fff8c5"))


def dark() -> bool:
    """Whether the window is dark (the system's dark mode, or a dark palette set)."""
    app = QApplication.instance()
    palette = app.palette() if isinstance(app, QApplication) else QPalette()
    return palette.color(QPalette.ColorRole.Window).lightnessF() < 0.5


def colour(pair: tuple[str, str]) -> QColor:
    return QColor(pair[1] if dark() else pair[0])


def problem_style() -> str:
    return f"color: {colour(PROBLEM).name()};"


def note_style() -> str:
    return f"color: {colour(NOTE).name()};"


def caution_style() -> str:
    return f"color: {colour(CAUTION).name()};"


def allowed_style() -> str:
    """Green words: may be done now (the card's reach lines)."""
    return f"color: {colour(ALLOWED).name()};"


def sticky_note_style() -> str:
    """The note box: a yellow note on a light window, a dim one on a dark window; its text
    is set too, so the window's own text colour never lands on the note's."""
    background, border, text = STICKY[1] if dark() else STICKY[0]
    return (f"QPlainTextEdit {{ background: {background}; border: 1px solid {border};"
            f" color: {text}; }}")
