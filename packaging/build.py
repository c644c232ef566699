"""Build the packaged Contact Desk for this OS into dist/, and optionally smoke-test it.

    python packaging/build.py            # dist/contact-desk/ (and dist/Contact Desk.app on macOS)
    python packaging/build.py --smoke    # then run the built executable with --smoke

Run it with the Python of the project's venv after `pip install -e .[build]`. The app icon
is drawn from resources/app.svg into build/icons/ (PNG, .ico, .icns) first, so no binary
icon is kept in the repository.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "contact_desk.spec"
APP_SVG = ROOT / "resources" / "app.svg"
ICONS = ROOT / "build" / "icons"
WORK = ROOT / "build" / "pyinstaller"
DIST = ROOT / "dist"
EXE_NAME = "contact-desk"
APP_BUNDLE = "Contact Desk.app"
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
MASTER_ICON = 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="run the built app with --smoke")
    parser.add_argument("--clean", action="store_true", help="drop PyInstaller's cache first")
    parser.add_argument("--max-size-mb", type=float, metavar="MB",
                        help="fail when the built folder is larger than this")
    args = parser.parse_args(argv)
    _check_tools()

    started = time.monotonic()
    draw_icons()
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
               "--distpath", str(DIST), "--workpath", str(WORK), str(SPEC)]
    if args.clean:
        command.insert(3, "--clean")
    if subprocess.call(command, cwd=ROOT) != 0:
        print("build.py: PyInstaller failed (its messages are above)", file=sys.stderr)
        return 1
    folder = built_folder()
    size_mb = folder_size(folder) / 1_000_000
    print(f"Built {folder} ({size_mb:.1f} MB) in {time.monotonic() - started:.0f} s")
    if args.max_size_mb is not None and size_mb > args.max_size_mb:
        print(f"build.py: {folder} is {size_mb:.1f} MB, over the {args.max_size_mb:g} MB budget",
              file=sys.stderr)
        return 1
    if args.smoke:
        return smoke(executable())
    return 0


def _check_tools() -> None:
    missing = []
    for module in ("PyInstaller", "PIL", "PySide6.QtSvg", "contact_desk"):
        try:
            __import__(module)
        except ImportError:
            missing.append(module)
    if missing:
        raise SystemExit(
            f"build.py: {', '.join(missing)} missing; run it with the venv's Python after "
            "`pip install -e .[build]`"
        )


def draw_icons() -> None:
    """build/icons/app.png, app.ico and app.icns, drawn from resources/app.svg."""
    from PIL import Image

    ICONS.mkdir(parents=True, exist_ok=True)
    png = ICONS / "app.png"
    render_svg(APP_SVG, png, MASTER_ICON)
    with Image.open(png) as image:
        master = image.convert("RGBA")
        master.save(ICONS / "app.ico", sizes=[(size, size) for size in ICO_SIZES])
        master.save(ICONS / "app.icns")


def render_svg(svg: Path, png: Path, size: int) -> None:
    """Draw ``svg`` as a square transparent PNG with Qt's own SVG renderer."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - QPainter needs one
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"build.py: {svg} is not an SVG Qt can draw")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    if not image.save(str(png)):
        raise SystemExit(f"build.py: could not write {png}")


def built_folder() -> Path:
    return DIST / APP_BUNDLE if sys.platform == "darwin" else DIST / EXE_NAME


def executable() -> Path:
    if sys.platform == "darwin":
        return DIST / APP_BUNDLE / "Contents" / "MacOS" / EXE_NAME
    return DIST / EXE_NAME / (EXE_NAME + (".exe" if os.name == "nt" else ""))


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*")
               if path.is_file() and not path.is_symlink())


def smoke(app: Path) -> int:
    """Run ``app --smoke`` as a desk would start it: no QT_QPA_PLATFORM, a log of its own.

    A windowed build on Windows has no console to print to, so on failure its log is shown.
    """
    print(f"Smoke test: {app} --smoke", flush=True)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="contact-desk-smoke-log-") as logs:
        env = {key: value for key, value in os.environ.items() if key != "QT_QPA_PLATFORM"}
        env["CONTACT_DESK_LOG_DIR"] = logs
        code = subprocess.call([str(app), "--smoke"], cwd=ROOT, env=env)
        if code != 0:
            for log in sorted(Path(logs).glob("*.log")):
                print(f"--- {log.name} ---\n{log.read_text(encoding='utf-8', errors='replace')}")
    verdict = "passed" if code == 0 else f"FAILED with exit code {code}"
    print(f"Smoke test {verdict} in {time.monotonic() - started:.0f} s", flush=True)
    return 0 if code == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
