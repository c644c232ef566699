"""Every Designer form in ui/ is compiled, and its module is up to date."""

from __future__ import annotations

import importlib
from xml.etree import ElementTree

import pytest
from PySide6 import QtWidgets
from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit

from contact_desk.ui.forms.compile import (
    RESOURCES_MODULE,
    compile_form,
    compile_resources,
    forms,
    module_path,
)


def test_there_are_forms_to_check():
    assert {form.stem for form in forms()} >= {"customer_page", "edit_contact_info",
                                                 "contact_point_row"}


@pytest.mark.parametrize("form", forms(), ids=lambda form: form.name)
def test_the_compiled_module_matches_its_form(form):
    assert module_path(form).read_text(encoding="utf-8") == compile_form(form), (
        f"{form.name} changed: run `python -m contact_desk.ui.forms.compile`"
    )


def test_the_compiled_icons_match_the_resource_file():
    assert RESOURCES_MODULE.read_text(encoding="utf-8") == compile_resources(), (
        "resources/ changed: run `python -m contact_desk.ui.forms.compile`"
    )


@pytest.mark.parametrize("form", forms(), ids=lambda form: form.name)
def test_no_field_of_a_form_cuts_what_is_pasted_into_it(qtbot, form):
    """A field with a maxLength keeps the first characters of a paste and drops the rest
    without a word; the limits live in domain/ and a value too long is refused whole."""
    module = importlib.import_module(f"contact_desk.ui.forms.ui_{form.stem}")
    [form_class] = [value for name, value in vars(module).items() if name.startswith("Ui_")]
    base = ElementTree.parse(form).find("widget").get("class")  # what the form is drawn on
    widget = getattr(QtWidgets, base)()
    qtbot.addWidget(widget)
    form_class().setupUi(widget)
    pasted = "x" * 500
    for edit in widget.findChildren(QLineEdit):
        if isinstance(edit.parent(), QAbstractSpinBox):
            continue  # a date or number box's own line: it holds a date, not a paste
        edit.setText(pasted)
        assert edit.text() == pasted, f"{form.name}: {edit.objectName()} cuts a paste"
