"""What the Linux bundle leaves to the desktop, and the ICU data it does without.

PySide6's own wheels ship Qt and ICU but expect X11, xcb, fontconfig, FreeType, GLib and D-Bus
from the system (dev.py installs them on Debian); PyInstaller would copy the build machine's
copies of those, and of what they pull in (systemd, gcrypt...), into the bundle. Leaving
them out asks of a desk exactly what `pip install PySide6` asks.

Qt links ICU for collation and legacy text codecs, which the desk does not use; ICU's 32 MB
of data would be a third of the bundle. ICU's documented stub data library (what ICU builds
with --with-data-packaging=archive) stands in for it: ICU then finds no data, and Qt falls
back to its own Unicode and locale tables.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path, PurePath

# Sonames without their version: the library itself and every version of it.
DESKTOP_LIBRARIES = frozenset({
    # what Qt's wheel links from the system
    "libX11", "libX11-xcb", "libxkbcommon", "libxkbcommon-x11", "libfontconfig", "libfreetype",
    "libglib-2.0", "libgthread-2.0", "libdbus-1", "libzstd",
    "libxcb", "libxcb-cursor", "libxcb-icccm", "libxcb-image", "libxcb-keysyms",
    "libxcb-randr", "libxcb-render", "libxcb-render-util", "libxcb-shape", "libxcb-shm",
    "libxcb-sync", "libxcb-util", "libxcb-xfixes", "libxcb-xkb",
    # what those pull in, and nothing of the bundle's own Python needs
    "libXau", "libXdmcp", "libbsd", "libmd", "libsystemd", "libgcrypt", "libgpg-error",
    "liblz4", "libcap", "libpcre2-8", "libexpat", "libpng16", "libbrotlicommon", "libbrotlidec",
    # the C++ runtime, which every Linux desktop has and PySide6's wheel takes from it too
    "libstdc++", "libgcc_s",
})
ICU_DATA = re.compile(r"libicudata\.so\.(\d+)$")

# ICU's stubdata.cpp: a common-data header with a table of contents of no entries.
_ICU_STUB_SOURCE = """\
#include <stdint.h>
typedef struct {
    uint16_t size, reservedWord;
    uint8_t isBigEndian, charsetFamily, sizeofUChar, reservedByte;
    uint8_t dataFormat[4], formatVersion[4], dataVersion[4];
} UDataInfo;
typedef struct {
    uint16_t headerSize;
    uint8_t magic1, magic2;
    UDataInfo info;
    char padding[8];
    uint32_t count, reserved;
    uint32_t toc[2];
    int fakeNameAndData[4];
} ICU_Data_Header;
__attribute__((visibility("default"))) const ICU_Data_Header icudt%(version)s_dat = {
    32, 0xda, 0x27,
    {sizeof(UDataInfo), 0, 0, 0, 2, 0, {0x54, 0x6f, 0x43, 0x50}, {1, 0, 0, 0}, {0, 0, 0, 0}},
    {0, 0, 0, 0, 0, 0, 0, 0}, 0, 0, {0, 0}, {0, 0, 0, 0}
};
"""


def soname_stem(file_name: str) -> str:
    """``libxcb-icccm.so.4`` is ``libxcb-icccm``."""
    return PurePath(file_name).name.split(".so")[0]


def is_desktop_library(file_name: str) -> bool:
    return soname_stem(file_name) in DESKTOP_LIBRARIES


def build_icu_stub(real_library: str, folder: Path) -> Path | None:
    """Compile the stub standing in for ``real_library`` into ``folder``; None without a C compiler."""
    match = ICU_DATA.search(PurePath(real_library).name)
    compiler = shutil.which("cc") or shutil.which("gcc")
    if match is None or compiler is None:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    name = PurePath(real_library).name
    source = folder / "icu_stub_data.c"
    source.write_text(_ICU_STUB_SOURCE % {"version": match.group(1)}, encoding="utf-8")
    stub = folder / name
    subprocess.run([compiler, "-shared", "-fPIC", "-O2", "-s", f"-Wl,-soname,{name}",
                    "-o", str(stub), str(source)], check=True)
    return stub


def trim_binaries(binaries: list[tuple[str, str, str]], work: Path) -> list[tuple[str, str, str]]:
    """PyInstaller's (destination, source, kind) binaries less the desktop's, with ICU's stub."""
    kept = []
    for destination, source, kind in binaries:
        if is_desktop_library(destination):
            continue
        if ICU_DATA.search(destination):
            stub = build_icu_stub(source, work / "icu-stub")
            if stub is None:
                print("linux_bundle: no C compiler; keeping ICU's full data (32 MB)")
            else:
                source = str(stub)
        kept.append((destination, source, kind))
    return kept
