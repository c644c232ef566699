"""Which Qt plugins and translations go into the bundle: what a Widgets desk needs, no more.

PyInstaller's Qt hooks collect every plugin of each type a module may use (EGL, Wayland,
VNC, GTK themes...), and each plugin drags its libraries along. The hooks in
packaging/hooks/ run PyInstaller's own collection and pass it through ``keep_qt_files``.
"""

from __future__ import annotations

from pathlib import PurePath

# Whole plugin folders a Widgets desk never loads: embedded-Linux input and EGL, OpenGL for
# X11, Wayland's client side (X11 and XWayland run the window), networking, SQL, printing.
UNUSED_PLUGIN_TYPES = frozenset({
    "egldeviceintegrations", "generic", "xcbglintegrations", "wayland-decoration-client",
    "wayland-graphics-integration-client", "wayland-graphics-integration-server",
    "wayland-shell-integration", "networkinformation", "tls", "sqldrivers", "printsupport",
    "qmltooling", "multimedia", "position", "sceneparsers", "renderers", "geometryloaders",
})
# The desk draws SVG icons and shows no pictures; PNG, BMP and XPM are built into QtGui.
KEPT_IMAGE_FORMATS = frozenset({"qsvg"})
# Single plugins left out; what stays is xcb, offscreen and minimal on Linux, windows and
# cocoa elsewhere, and the SVG icon engine.
UNUSED_PLUGINS = {
    "platforms": frozenset({"qeglfs", "qlinuxfb", "qminimalegl", "qvkkhrdisplay", "qvnc",
                            "qwayland", "qwayland-egl", "qwayland-generic", "qdirect2d"}),
    "platformthemes": frozenset({"qgtk3"}),  # GTK pulls in cairo, pango and gdk-pixbuf
}


def plugin_name(file_name: str) -> str:
    """``libqxcb.so`` and ``qxcb.dll`` are both ``qxcb``."""
    stem = PurePath(file_name).name.split(".")[0]
    return stem[3:] if stem.startswith("lib") else stem


def keep_plugin(plugin_type: str, file_name: str) -> bool:
    if plugin_type in UNUSED_PLUGIN_TYPES:
        return False
    if plugin_type == "imageformats":
        return plugin_name(file_name) in KEPT_IMAGE_FORMATS
    return plugin_name(file_name) not in UNUSED_PLUGINS.get(plugin_type, frozenset())


def keep_qt_file(source: str, destination: str) -> bool:
    """Whether one (source, destination folder) pair of a Qt hook goes into the bundle.

    Translations stay out: the desk installs no QTranslator, so Qt would never load them.
    """
    parts = PurePath(destination.replace("\\", "/")).parts
    if "translations" in parts:
        return False
    if "plugins" in parts and parts[-1] != "plugins":
        return keep_plugin(parts[-1], source)
    return True


def keep_qt_files(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(source, destination) for source, destination in pairs
            if keep_qt_file(source, destination)]
