"""Compile the Designer forms of ui/ and the icons of resources/ into this package.

    python -m contact_desk.ui.forms.compile

The generated modules are committed (a packaged app has no uic or rcc); a test fails when
a form or the resource file and its module differ. Version stamps are dropped and rcc
writes format 1 (no file times), so a fresh clone or another Qt patch release gives the
same files.
"""

from __future__ import annotations

import subprocess
import sys
import sysconfig
from pathlib import Path

FORMS_PACKAGE = Path(__file__).resolve().parent
ROOT = FORMS_PACKAGE.parents[3]
UI_FOLDER = ROOT / "ui"
RESOURCES = ROOT / "resources" / "contact_desk.qrc"
RESOURCES_MODULE = FORMS_PACKAGE / "resources_rc.py"
_STAMPS = ("## Created by: Qt User Interface Compiler", "# Created by: ")


def module_path(form: Path) -> Path:
    return FORMS_PACKAGE / f"ui_{form.stem}.py"


def forms() -> list[Path]:
    return sorted(UI_FOLDER.glob("*.ui"))


def _run(tool: str, *args: str) -> str:
    found = Path(sysconfig.get_path("scripts")) / tool
    command = [str(found) if found.exists() else tool, *args]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    lines = [line for line in result.stdout.splitlines() if not line.startswith(_STAMPS)]
    return "\n".join(lines) + "\n"


def compile_form(form: Path) -> str:
    """The Python module uic makes of ``form``, without its version stamp."""
    return _run("pyside6-uic", str(form))


def compile_resources() -> str:
    """The Python module rcc makes of the icons, without version stamp or file times."""
    return _run("pyside6-rcc", "--format-version", "1", str(RESOURCES))


def main() -> int:
    for form in forms():
        module_path(form).write_text(compile_form(form), encoding="utf-8")
        print(f"{form.name} -> {module_path(form).relative_to(ROOT)}")
    RESOURCES_MODULE.write_text(compile_resources(), encoding="utf-8")
    print(f"{RESOURCES.name} -> {RESOURCES_MODULE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
