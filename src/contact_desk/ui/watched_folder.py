"""A folder the DMS drops its exports into: each new file is synced once when it appears."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QSettings, QTimer, Signal

FOLDER_KEY = "sync/watchedFolder"
SEEN_KEY = "sync/watchedFolderSeen"
EXPORT_SUFFIXES = {".csv", ".txt"}
SETTLE_MS = 1500  # a file still being written grows; sync it once its size holds still


def _fingerprint(path: Path) -> str:
    stat = path.stat()
    return f"{path.name}|{stat.st_size}|{int(stat.st_mtime)}"


class WatchedFolder(QObject):
    """Calls ``sync(path)`` for every export that appears in the folder, once each."""

    folderChanged = Signal(str)

    def __init__(self, settings: QSettings, sync: Callable[[str], object],
                 parent: QObject | None = None, settle_ms: int = SETTLE_MS) -> None:
        super().__init__(parent)
        self.settings, self._sync, self._settle_ms = settings, sync, settle_ms
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(lambda _: self._look_soon())
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.look)
        self._sizes: dict[str, int] = {}
        self._busy = False
        folder = self.folder
        if folder:
            self._watch(folder, mark_present_as_seen=False)

    @property
    def folder(self) -> str:
        return str(self.settings.value(FOLDER_KEY, "") or "")

    def set_folder(self, folder: str) -> None:
        """Watch ``folder`` from now on; files already in it are not synced (they are old)."""
        if self._watcher.directories():
            self._watcher.removePaths(self._watcher.directories())
        self.settings.setValue(FOLDER_KEY, folder)
        self.settings.setValue(SEEN_KEY, [])
        if folder:
            self._watch(folder, mark_present_as_seen=True)
        self.folderChanged.emit(folder)

    def look(self) -> None:
        """Sync each new, finished export; a growing file waits for the next look."""
        if self._busy or not self.folder:
            return
        seen = set(self.settings.value(SEEN_KEY, []) or [])
        waiting = False
        for path in self._exports():
            mark = _fingerprint(path)
            if mark in seen:
                continue
            size = path.stat().st_size
            if self._sizes.get(str(path)) != size:
                self._sizes[str(path)] = size
                waiting = True
                continue
            seen.add(mark)
            self.settings.setValue(SEEN_KEY, sorted(seen))
            self._busy = True
            try:
                self._sync(str(path))
            finally:
                self._busy = False
        if waiting:
            self._look_soon()

    def _watch(self, folder: str, mark_present_as_seen: bool) -> None:
        if not Path(folder).is_dir():
            return
        self._watcher.addPath(folder)
        if mark_present_as_seen:
            self.settings.setValue(SEEN_KEY, sorted(_fingerprint(p) for p in self._exports()))
        self._look_soon()

    def _exports(self) -> list[Path]:
        folder = Path(self.folder)
        if not folder.is_dir():
            return []
        return sorted(p for p in folder.iterdir()
                      if p.is_file() and p.suffix.lower() in EXPORT_SUFFIXES)

    def _look_soon(self) -> None:
        self._timer.start(self._settle_ms)
