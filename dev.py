"""Set up Contact Desk in ./.venv and start it, test it or package it. Works on a fresh clone.

    python3 dev.py run     # the app on the embedded SQLite database, with demo data
    python3 dev.py test    # the whole test suite, on SQLite and a throwaway PostgreSQL; on
                           # Linux the packaged app is built and its --smoke run first
    python3 dev.py build   # the packaged app for this OS in dist/, then its --smoke

Extra arguments after ``test`` go to pytest (e.g. ``python3 dev.py test -k primary``) and
leave the package out: only the whole suite, as CI runs it, builds it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
BUILD_SCRIPT = ROOT / "packaging" / "build.py"
# What the Linux bundle may weigh, in MB: it is about 82 (Qt is 51 of it); a Qt module,
# ICU's data or psycopg's own libpq creeping back in would add ten or more.
BUNDLE_BUDGET_MB = 88
# Qt's offscreen and xcb platforms need these shared libraries on a bare Debian machine.
QT_DEBIAN_PACKAGES = [
    "libegl1", "libgl1", "libxkbcommon0", "libfontconfig1", "libglib2.0-0", "libdbus-1-3",
    "fonts-dejavu-core",
]


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"run", "test", "build"}:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    command, rest = argv[0], argv[1:]
    if command == "run":
        setup()
        return run_app(rest)
    if command == "build":
        setup("build")
        return build_package()
    setup("test,build")
    built = 0
    if not rest and sys.platform.startswith("linux"):
        # First, so that pytest's summary stays the run's closing line.
        built = build_package(BUNDLE_BUDGET_MB)
    return run_tests(rest) or built


def setup(extras: str = "") -> None:
    if not PYTHON.exists():
        print(f"Creating {VENV} ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    target = f".[{extras}]" if extras else "."
    _call([str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
           "--editable", target])
    _ensure_qt_libraries()


def run_app(args: list[str]) -> int:
    cli = [str(PYTHON), "-m", "contact_desk"]
    _call([*cli, "demo", "--if-empty"])
    return subprocess.call([*cli, *args])


def run_tests(args: list[str]) -> int:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    # The whole suite runs on every core (up to four), each process with its own database
    # server and mail server; arguments given choose the tests and how they run.
    spread = args or ["-n", "auto", "--maxprocesses", "4"]
    code = subprocess.call([str(PYTHON), "-m", "pytest", *spread], cwd=ROOT, env=env)
    return code


def build_package(budget_mb: float | None = None) -> int:
    """packaging/build.py: the app for this OS in dist/, then the built executable's --smoke."""
    command = [str(PYTHON), str(BUILD_SCRIPT), "--smoke"]
    if budget_mb is not None:
        command += ["--max-size-mb", str(budget_mb)]
    print("Building the packaged app and smoke-testing it ...", flush=True)
    return subprocess.call(command, cwd=ROOT)


def _ensure_qt_libraries() -> None:
    """Install Qt's system libraries with apt-get when they are missing (Linux, as root)."""
    probe = "from PySide6.QtWidgets import QApplication"
    ok = subprocess.call([str(PYTHON), "-c", probe], stderr=subprocess.DEVNULL) == 0
    if ok or not sys.platform.startswith("linux") or not shutil.which("apt-get"):
        return
    if hasattr(os, "geteuid") and os.geteuid() != 0:
        print("Qt needs system libraries: sudo apt-get install " + " ".join(QT_DEBIAN_PACKAGES))
        return
    print("Installing Qt's system libraries with apt-get ...", flush=True)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    _call(["apt-get", "update", "-qq"], env=env)
    _call(["apt-get", "install", "-y", "-qq", *QT_DEBIAN_PACKAGES], env=env)


def _call(command: list[str], env: dict[str, str] | None = None) -> None:
    result = subprocess.call(command, cwd=ROOT, env=env)
    if result != 0:
        print(f"dev.py: {' '.join(command)} failed with exit code {result}", file=sys.stderr)
        raise SystemExit(result)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
