"""The desk's own text colours read on a light window and on a dark one (WCAG's 4.5:1 for
text): a problem in dark red was near invisible on a dark window, and the note box's
yellow got the dark window's white text."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QPlainTextEdit

from contact_desk.ui import text_colors
from contact_desk.ui.text_colors import (
    STICKY,
    allowed_style,
    caution_style,
    note_style,
    problem_style,
)

LIGHT, DARK = "#f0f0f0", "#2b2b2b"  # Fusion's light window; a common dark one
# The base under the card's sections and the tables: white, or a dark window's darker one.
LIGHT_BASE, DARK_BASE = "#ffffff", "#1e1e1e"


def luminance(color: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
    return (0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF())
            + 0.0722 * channel(color.blueF()))


def contrast(one: QColor, other: QColor) -> float:
    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@contextmanager
def painted(app: QApplication, window: str, base: str) -> Iterator[tuple[QColor, QColor]]:
    """The application in a palette of this window and base colour, for the block."""
    before = app.palette()
    palette = QPalette(before)
    palette.setColor(QPalette.ColorRole.Window, QColor(window))
    palette.setColor(QPalette.ColorRole.Base, QColor(base))
    app.setPalette(palette)
    app.processEvents()  # widgets shown already hear of it from a posted event
    try:
        yield QColor(window), QColor(base)
    finally:
        app.setPalette(before)
        app.processEvents()


@pytest.fixture(params=[(LIGHT, LIGHT_BASE), (DARK, DARK_BASE)], ids=["light", "dark"])
def window_colours(request, qapp):
    with painted(qapp, *request.param) as colours:
        yield colours


@pytest.fixture
def window_colour(window_colours):
    return window_colours[0]


@pytest.mark.parametrize("style", [problem_style, note_style, caution_style, allowed_style])
def test_the_desks_text_reads_on_the_window_and_its_base(qtbot, window_colours, style):
    label = QLabel("Enter a valid phone number")
    qtbot.addWidget(label)
    label.setStyleSheet(style())
    label.ensurePolished()
    shown = label.palette().color(QPalette.ColorRole.WindowText)
    for behind in window_colours:  # a label on the window, or on a card section's base
        assert contrast(shown, behind) >= 4.5, (style.__name__, shown.name(), behind.name())


def test_the_note_box_sets_its_text_with_its_background(qtbot, window_colour):
    background, _, text = STICKY[1] if text_colors.dark() else STICKY[0]
    assert contrast(QColor(background), QColor(text)) >= 4.5
    box = QPlainTextEdit()
    qtbot.addWidget(box)
    box.setStyleSheet(text_colors.sticky_note_style())
    box.ensurePolished()
    assert box.palette().color(QPalette.ColorRole.Text).name() == text
    assert QApplication.instance() is not None
