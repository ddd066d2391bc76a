"""``run_gui``: QApplication, translations, single-instance guard, then the controller."""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QLockFile, QMessageLogContext, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox

from nam_desktop import crash_note
from nam_desktop.gui.startup.app_controller import AppController
from nam_desktop.gui.startup.startup_messages import crash_box
from nam_desktop.gui.widgets.context import AppContext
from nam_desktop.gui.widgets.file_dialogs import confine_qt_settings, forget_dialog_history
from nam_desktop.gui.widgets.gui_gc import GuiGarbageCollector
from nam_desktop.gui.widgets.i18n import TranslationManager, missing_catalogue_text
from nam_desktop.gui.widgets.settings_store import SettingsStore
from nam_desktop.gui.widgets.style import apply_style
from nam_desktop.gui.widgets.workers import TaskRunner
from nam_desktop.paths import APP_ID, AppPaths

log = logging.getLogger("nam_desktop.gui")
LOCK_NAME = "nam-desktop.lock"


def _qt_message(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    # Qt messages may quote file names: only the kind and the length are logged.
    level = logging.WARNING if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg) \
        else logging.DEBUG
    log.log(level, "Qt message of kind %s (%d characters)", kind, len(message))


class GuiSession:
    """Everything ``run_gui`` sets up before the event loop (tests use it without exec)."""

    def __init__(self, controller: AppController, guard: QLockFile,
                 collector: GuiGarbageCollector) -> None:
        self.controller = controller
        self._guard = guard
        self._collector = collector

    def close(self) -> None:
        self.controller.shutdown()
        forget_dialog_history()
        self._guard.unlock()
        self._collector.uninstall()


def _missing_catalogue_box(language: str, show: bool) -> QMessageBox:
    """A warning that does not block start-up (the smoke test must still quit)."""
    box = QMessageBox(QMessageBox.Icon.Warning, "NAM Desktop", missing_catalogue_text(language))
    box.setObjectName("missingCatalogue")
    if show:
        box.show()
    return box


def run_gui(paths: AppPaths, argv: list[str]) -> int:
    previous_handler = qInstallMessageHandler(_qt_message)
    try:
        app = QApplication.instance() or QApplication(["nam-desktop", *argv])
        session = start_gui(paths, app)  # type: ignore[arg-type]
        if session is None:
            return 1
        quit_ms = os.environ.get("NAM_QUIT_AFTER_STARTUP_MS", "")
        if quit_ms.isdigit():  # packaging smoke test: start, then quit cleanly
            QTimer.singleShot(int(quit_ms), lambda: _report_and_quit(app, session))
        try:
            return int(app.exec())
        finally:
            session.close()
    finally:
        qInstallMessageHandler(previous_handler)


def startup_report(session: GuiSession) -> str:
    """One line for the smoke tests: the language in use and the title of the first
    window (the wizard or unlock dialog; never a vault path or testimony)."""
    controller = session.controller
    shown = controller.wizard or controller.unlock_dialog
    title = shown.windowTitle() if shown is not None else ""
    ctx = controller.context
    state = "missing" if ctx.translations.missing else "loaded"
    return f"started: language={ctx.settings.language} catalogue={state} window={title}"


def _report_and_quit(app: QApplication, session: GuiSession) -> None:
    print(startup_report(session), flush=True)  # read by the smoke tests
    app.quit()


def start_gui(paths: AppPaths, app: QApplication, *,
              show_notice: bool = True) -> GuiSession | None:
    """Set up the app and show first-run or unlock; None if another instance runs."""
    app.setApplicationName("NAM Desktop")
    app.setOrganizationName("NAM")
    app.setDesktopFileName(APP_ID)
    app.setQuitOnLastWindowClosed(False)  # the controller quits on purpose
    paths.ensure()
    confine_qt_settings(paths.config)
    forget_dialog_history()
    apply_style(app)
    store = SettingsStore(paths.config)
    settings = store.load()
    translations = TranslationManager(app)
    loaded = translations.switch(settings.language)
    guard = QLockFile(str(paths.config / LOCK_NAME))
    guard.setStaleLockTime(0)
    if not guard.tryLock(200):
        if show_notice:
            QMessageBox.information(None, "NAM Desktop", app.translate(
                "Main", "NAM Desktop is already running. Look for its window."))
        return None
    collector = GuiGarbageCollector(app)  # before any worker runs (gui_gc.py says why)
    collector.install()
    ctx = AppContext(paths, store, settings, TaskRunner(), translations)
    reporter = crash_note.current()
    if reporter is not None:  # unexpected errors from now on: a translated box
        reporter.show = crash_box(ctx.prompter)
    controller = AppController(ctx, app)
    if not loaded:  # never silently English after choosing Русский
        controller.notice = _missing_catalogue_box(settings.language, show_notice)
    controller.session_events.connect_platform(app)
    controller.start()
    return GuiSession(controller, guard, collector)
