"""Run-time hook of the frozen app: where Qt finds its plugins (issue 19).

It replaces PyInstaller's ``pyi_rth_pyside6``, which does the same and also imports
``PySide6.QtCore`` at every start, only to embed a ``qt.conf`` that PySide6's wheels embed
themselves when QtCore is first imported. The command line never loads Qt: without that
import, ``nam-desktop --version`` and ``media inspect`` start without loading Qt's
libraries (ICU's 30 MiB of data among them).
"""


def _qt_paths() -> None:
    import os
    import sys

    from _pyi_rth_utils import is_macos_app_bundle, prepend_path_to_environment_variable

    base = sys._MEIPASS  # type: ignore[attr-defined]  # set by PyInstaller's bootloader
    qt = os.path.join(base, "PySide6") if sys.platform.startswith("win") \
        else os.path.join(base, "PySide6", "Qt")
    os.environ["QT_PLUGIN_PATH"] = os.path.join(qt, "plugins")
    if is_macos_app_bundle:  # as pyi_rth_pyside6: qml split between Frameworks/Resources
        resources = os.path.normpath(
            os.path.join(base, "..", "Resources", os.path.relpath(qt, base)))
        os.environ["QML2_IMPORT_PATH"] = os.pathsep.join(
            [os.path.join(resources, "qml"), os.path.join(qt, "qml")])
    else:
        os.environ["QML2_IMPORT_PATH"] = os.path.join(qt, "qml")
    if sys.platform.startswith("win"):  # QtNetwork's OpenSSL DLLs, as pyi_rth_pyside6
        prepend_path_to_environment_variable(base, "PATH")
    if sys.platform == "darwin" and not is_macos_app_bundle:
        prepend_path_to_environment_variable(base, "DYLD_LIBRARY_PATH")


_qt_paths()
del _qt_paths
