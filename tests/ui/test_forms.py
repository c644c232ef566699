"""Every Designer form in ui/ is compiled, and its module is up to date."""

from __future__ import annotations

import pytest

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
