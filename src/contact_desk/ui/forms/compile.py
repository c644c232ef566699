"""Compile the Designer forms of ui/ into this package: ``python -m contact_desk.ui.forms.compile``.

The generated modules are committed (a packaged app has no uic); a test fails when a form
and its module differ. The uic version line is dropped so another Qt patch release gives
the same file.
"""

from __future__ import annotations

import subprocess
import sys
import sysconfig
from pathlib import Path

FORMS_PACKAGE = Path(__file__).resolve().parent
UI_FOLDER = FORMS_PACKAGE.parents[3] / "ui"


def module_path(form: Path) -> Path:
    return FORMS_PACKAGE / f"ui_{form.stem}.py"


def forms() -> list[Path]:
    return sorted(UI_FOLDER.glob("*.ui"))


def compile_form(form: Path) -> str:
    """The Python module uic makes of ``form``, without its version stamp."""
    uic = Path(sysconfig.get_path("scripts")) / "pyside6-uic"
    command = [str(uic) if uic.exists() else "pyside6-uic", str(form)]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    lines = [line for line in result.stdout.splitlines()
             if not line.startswith("## Created by: Qt User Interface Compiler")]
    return "\n".join(lines) + "\n"


def main() -> int:
    for form in forms():
        module_path(form).write_text(compile_form(form), encoding="utf-8")
        print(f"{form.name} -> {module_path(form).relative_to(FORMS_PACKAGE.parents[3])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
