# PyInstaller's own PySide6.QtCore hook, less the plugins and translations the desk never loads.
from PyInstaller.utils.hooks.qt import add_qt6_dependencies

from qt_bundle import keep_qt_files

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = keep_qt_files(binaries)
datas = keep_qt_files(datas)
