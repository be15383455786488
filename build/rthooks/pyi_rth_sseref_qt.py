"""Runtime hook of the frozen programs: where Qt finds its plugins, set before any import.

It stands in for PyInstaller's ``pyi_rth_pyside6`` (see ``pyi_common.freeze``), which sets the
same paths but also imports ``PySide6.QtCore`` at every start, to register a ``qt.conf`` that
PySide6's PyPI wheel registers itself when it loads. That import made every start that shows
no window pay for loading Qt: the command line, the window's search process and the sandboxed
document reader (about 80 ms each on the project's machine).
"""


def _sseref_qt_paths() -> None:
    import os
    import sys

    from _pyi_rth_utils import is_macos_app_bundle, prepend_path_to_environment_variable

    meipass = sys._MEIPASS  # type: ignore[attr-defined]
    windows = sys.platform.startswith("win")
    qt_root = (
        os.path.join(meipass, "PySide6") if windows else os.path.join(meipass, "PySide6", "Qt")
    )
    os.environ["QT_PLUGIN_PATH"] = os.path.join(qt_root, "plugins")
    if windows:  # Qt's plugins find the Qt libraries beside the program
        prepend_path_to_environment_variable(meipass, "PATH")
    if sys.platform == "darwin" and not is_macos_app_bundle:
        prepend_path_to_environment_variable(meipass, "DYLD_LIBRARY_PATH")


_sseref_qt_paths()
del _sseref_qt_paths
