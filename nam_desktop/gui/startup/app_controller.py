"""Wires the windows together: first run or unlock -> main window -> lock -> unlock.

Locking never loses typed text silently: when the last save fails (a full disk), the
draft is sealed with the vault and kept in memory (``unsaved_draft.py``), the unlock
window says so, quitting asks first, and unlocking the same vault puts the text back
into the editor and saves it again.
"""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from nam_desktop.core.errors import AwaitingRecoveryError
from nam_desktop.core.vault import travel
from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.exchange.recovery_text import recovery_error_text
from nam_desktop.gui.interviewer.main_window import MainWindow
from nam_desktop.gui.startup.first_run_wizard import FirstRunWizard
from nam_desktop.gui.startup.idle_watcher import IdleWatcher
from nam_desktop.gui.startup.panic import ClipboardWatch, PanicKeys
from nam_desktop.gui.startup.session_events import SessionEvents
from nam_desktop.gui.startup.travel_dialog import TravelPlan
from nam_desktop.gui.startup.unlock_dialog import UnlockDialog
from nam_desktop.gui.startup.unsaved_draft import SealedDraft, open_draft, seal_draft
from nam_desktop.gui.startup.waiting_screen import WaitingScreen
from nam_desktop.gui.widgets.context import AppContext
from nam_desktop.gui.widgets.messages import UNEXPECTED, message_for, tr

log = logging.getLogger("nam_desktop.gui")


class AppController(QObject):
    unlocked = Signal()
    locked = Signal()

    def __init__(self, ctx: AppContext, app: QApplication) -> None:
        super().__init__()
        self._ctx = ctx
        self._app = app
        self.vault: Vault | None = None
        self.window: MainWindow | None = None
        self.unlock_dialog: UnlockDialog | None = None
        self.wizard: FirstRunWizard | None = None
        self.settings_dialog: QObject | None = None
        self.notice: QWidget | None = None  # e.g. "the Russian catalogue is missing"
        self._location: tuple[str, int] = ("", 0)
        self._save_error: BaseException | None = None  # the editor's last failed save
        self.unsaved: dict[str, SealedDraft] = {}  # vault id -> text kept since locking
        # Panic lock (gui/startup/panic.py) and the vault waiting for HQ (travel mode).
        self.panic_keys = PanicKeys(self)
        self.panic_keys.pressed.connect(self.panic_lock)
        # The one app-wide input filter: idle countdown, and key presses to the panic keys.
        self.idle = IdleWatcher(ctx.settings.idle_lock_seconds, self, keys=self.panic_keys)
        self.idle.idle_elapsed.connect(self._on_idle_elapsed)
        app.installEventFilter(self.idle)
        self.session_events = SessionEvents(self)  # main.start_gui connects it to the OS
        self.session_events.lock_requested.connect(self._on_idle_elapsed)
        self.clipboard_watch = ClipboardWatch(self)
        self.waiting: WaitingScreen | None = None

    @property
    def context(self) -> AppContext:
        return self._ctx

    def needs_first_run(self) -> bool:
        default = self._ctx.paths.default_vault / "vault.db"
        return not self._ctx.settings.recent_vaults and not default.exists()

    def start(self) -> None:
        waiting = self._vault_waiting_for_hq()
        if waiting is not None:
            self.show_waiting(waiting)
        elif self.needs_first_run():
            self.show_wizard()
        else:
            self.show_unlock()

    def show_wizard(self) -> None:
        self.wizard = FirstRunWizard(self._ctx)
        self.wizard.vault_created.connect(self._on_vault_ready)
        self.wizard.rejected.connect(self._on_wizard_rejected)
        self.wizard.show()
        if self.unlock_dialog is not None:
            self.unlock_dialog.close()

    def show_unlock(self) -> None:
        if self.unlock_dialog is None:
            self.unlock_dialog = UnlockDialog(self._ctx)
            self.unlock_dialog.unlocked.connect(self._on_vault_ready)
            self.unlock_dialog.create_requested.connect(self.show_wizard)
            self.unlock_dialog.rejected.connect(self._on_unlock_rejected)
            self.unlock_dialog.unlock_failed.connect(self._on_unlock_failed)
        self.unlock_dialog.reload_vaults()
        self.unlock_dialog.show_text.hide_text()  # a shown passphrase never waits on screen
        if self.vault is not None:
            self.unlock_dialog.select_vault(self.vault.folder.resolve())
        self.unlock_dialog.set_notice(self._unsaved_notice())
        self.unlock_dialog.show()
        self.unlock_dialog.raise_()
        self.unlock_dialog.passphrase.setFocus()

    def _on_vault_ready(self, vault: Vault) -> None:
        same_vault = self.vault is not None and self.vault.vault_id == vault.vault_id
        self.vault = vault
        if vault.role == "hq":  # the HQ workspace: import, devices, key cards
            from nam_desktop.gui.hq.hq_window import HqWindow

            self.window = HqWindow(self._ctx, vault)
        else:
            self.window = MainWindow(self._ctx, vault)
            self._save_error = None
            self.window.editor.save_failed.connect(self._on_save_failed)
        self.window.lock_requested.connect(self.lock)
        self.window.panic_requested.connect(self.panic_lock)
        self.window.settings_requested.connect(self.open_settings)
        self.window.closed.connect(self._on_window_closed)
        self.window.show()
        if vault.open_scan.kept:  # Windows: a scanner held leftover files (removed later)
            self.window.statusBar().showMessage(self.tr(
                "Some unfinished files in the vault folder are held by another program "
                "(an antivirus?); they hold nothing readable and are removed next time."),
                30_000)
        if self.unlock_dialog is not None:
            self.unlock_dialog.hide()
            self.unlock_dialog.retranslate()  # its own title again after a panic lock
        pending = self.unsaved.pop(vault.vault_id, None)
        if pending is not None and isinstance(self.window, MainWindow):
            self.window.restore_location(pending.testimony_id, self._location[1])
            self._restore_unsaved(self.window, vault, pending)
        elif same_vault:
            self.window.restore_location(*self._location)
        if self.wizard is not None:
            self.wizard.hide()
            self.wizard.deleteLater()
            self.wizard = None
        self.idle.set_seconds(self._ctx.settings.idle_lock_seconds)
        self.idle.start()
        self.unlocked.emit()

    # The app quits on purpose, not when the last window happens to close (start_gui turns
    # quitOnLastWindowClosed off): locking closes the main window before unlock shows.
    def _on_unlock_rejected(self) -> None:
        if self.window is not None or self.wizard is not None:
            return
        if not self._may_quit(self.unlock_dialog):
            self.show_unlock()
            return
        self._app.quit()

    def _may_quit(self, parent: QWidget | None) -> bool:
        """Quitting drops text that could not be saved (the open editor's, or what was
        kept since a failed save at locking): ask first."""
        if isinstance(self.window, MainWindow) and self.window.editor.dirty:
            question = self.tr("Your last changes could not be saved: %1\nIf you quit now, "
                               "they are lost. Quit anyway?").replace(
                "%1", message_for(self._save_error) if self._save_error else tr(UNEXPECTED))
        elif self.unsaved:
            question = self.tr(
                "Changes that could not be saved before the app locked are kept, encrypted, "
                "only until you unlock their vault. If you quit now, they are lost. Quit "
                "anyway?")
        else:
            return True
        if not self._ctx.prompter.ask(parent, self.tr("Quit"), question, default_no=True,
                                      yes_text=self.tr("Quit and lose the changes")):
            return False
        self.unsaved.clear()
        return True

    def _on_wizard_rejected(self) -> None:
        if self.window is not None:
            return
        self.wizard = None
        if self._ctx.settings.recent_vaults:
            self.show_unlock()
        else:
            self._app.quit()

    def _on_window_closed(self) -> None:
        if self.window is None:  # closed by locking
            return
        if not self._may_quit(self.window):  # its text, or another vault's, is not saved
            QTimer.singleShot(0, self.window.show)  # once the close has finished
            return
        self._app.quit()

    def _on_idle_elapsed(self) -> None:
        if self.window is not None:
            self.lock()

    def lock(self) -> None:
        """Save drafts, wipe widgets and clipboard, close the vault, show unlock."""
        if self.window is None or self.vault is None:
            return
        self.idle.stop()
        self._close_modals()
        if self.settings_dialog is not None:
            with contextlib.suppress(RuntimeError):
                self.settings_dialog.close()  # type: ignore[attr-defined]
            self.settings_dialog = None
        window = self.window
        if not window.save_all():
            self._keep_unsaved(window)
        self._location = window.location()
        window.wipe()
        self._ctx.prompter.forget()  # message texts quote titles and file names
        self.window = None
        self._ctx.runner.wait()  # no worker may still hold the vault
        self.show_unlock()  # before closing the window, so the app does not quit
        window.close()
        window.deleteLater()
        self.vault.close()
        self.clipboard_watch.clear_ours()  # what this app copied; another program's stays
        self.locked.emit()

    def _on_save_failed(self, exc: BaseException) -> None:
        self._save_error = exc

    def _keep_unsaved(self, window: object) -> None:
        """The last save failed: seal the typed text before the widgets are wiped."""
        if not isinstance(window, MainWindow) or self.vault is None \
                or window.editor.testimony is None:
            return
        reason = message_for(self._save_error) if self._save_error else tr(UNEXPECTED)
        self.unsaved[self.vault.vault_id] = seal_draft(
            self.vault, window.editor.testimony_id, window.editor.draft(), reason)

    def _unsaved_notice(self) -> str:
        if not self.unsaved:
            return ""
        reasons = "\n".join(dict.fromkeys(p.reason for p in self.unsaved.values()))
        return self.tr("Your last changes could not be saved before the app locked:") + \
            "\n" + reasons + "\n" + self.tr(
                "They are kept, encrypted, until you unlock the vault, and saved then. Do not "
                "quit the app before that.")

    def _restore_unsaved(self, window: MainWindow, vault: Vault, pending: SealedDraft) -> None:
        if window.editor.testimony_id != pending.testimony_id:
            window.open_testimony(pending.testimony_id)
        window.editor.show_unsaved(open_draft(vault, pending))
        if window.save_all():
            window.statusBar().showMessage(self.tr(
                "The changes kept since locking were put back and saved."), 10000)
            return
        self._ctx.prompter.warn(window, self.tr("Changes not saved yet"), self.tr(
            "The changes kept since locking are back in the editor, but they still cannot "
            "be saved: %1").replace("%1", message_for(self._save_error) if self._save_error
                                    else tr(UNEXPECTED)))

    @staticmethod
    def _close_modals() -> None:
        """A question left open must not keep decrypted text on screen or hold the window.
        Each modal is answered No (rejected) and hidden, innermost first."""
        seen: set[int] = set()
        while (modal := QApplication.activeModalWidget()) is not None:
            if id(modal) in seen:  # refused to go: hide it at least, then stop
                modal.hide()
                if QApplication.activeModalWidget() is modal:
                    log.warning("a modal window could not be closed when locking")
                    return
                continue
            seen.add(id(modal))
            if isinstance(modal, QDialog):
                modal.reject()
            else:
                modal.close()

    def open_settings(self) -> None:
        if self.window is None or self.vault is None:
            return
        from nam_desktop.gui.startup.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self._ctx, self.vault, self.window)
        dialog.language_changed.connect(self._on_language_changed)
        dialog.timers_changed.connect(self._on_timers_changed)
        dialog.travel_confirmed.connect(self.travel)
        self.settings_dialog = dialog
        dialog.show()

    def _on_language_changed(self, language: str) -> None:
        if self.window is not None:
            self.window.set_language(language)

    def _on_timers_changed(self) -> None:
        self.idle.set_seconds(self._ctx.settings.idle_lock_seconds)
        if isinstance(self.window, MainWindow):
            self.window.editor.set_autosave_seconds(self._ctx.settings.autosave_seconds)

    def shutdown(self) -> None:
        self.idle.stop()
        if self.window is not None:
            self.window.save_all()
        self._ctx.runner.wait()
        if self.vault is not None and self.vault.is_open:
            self.vault.close()
        self.clipboard_watch.clear_ours()
        self._app.removeEventFilter(self.idle)  # app-wide: not past this controller
        self.clipboard_watch.stop()

    # ---- panic lock ------------------------------------------------------------------------
    def panic_lock(self) -> None:
        """The panic key or button: the ordinary lock at once, the clipboard emptied of what
        this app copied, and (if chosen in Settings) the window minimised under a neutral
        title. Nothing is deleted."""
        self.lock()
        self.clipboard_watch.clear_ours()  # also when nothing was unlocked
        if self._ctx.settings.panic_neutral_title:
            for widget in QApplication.topLevelWidgets():
                if widget.isVisible() and widget.isWindow():
                    widget.setWindowTitle(self.tr("Untitled"))
                    widget.showMinimized()

    # ---- travel mode -------------------------------------------------------------------------
    def _vault_waiting_for_hq(self) -> Path | None:
        """The vault the unlock screen would offer first, if no passphrase opens it."""
        first = self._ctx.settings.recent_vaults[:1] or [str(self._ctx.paths.default_vault)]
        folder = Path(first[0])
        return folder if travel.is_awaiting_access(folder) else None

    def show_waiting(self, folder: Path) -> None:
        """The neutral screen of a vault in travel mode (waiting for access from HQ)."""
        if self.waiting is not None:
            self.waiting.close()
        self.waiting = WaitingScreen(self._ctx, folder)
        self.waiting.vault_opened.connect(self._on_access_restored)
        self.waiting.other_vault_requested.connect(self._on_other_vault_requested)
        self.waiting.rejected.connect(self._on_unlock_rejected)
        self.waiting.show()
        if self.unlock_dialog is not None:
            self.unlock_dialog.hide()

    def _on_unlock_failed(self, exc: BaseException) -> None:
        if isinstance(exc, AwaitingRecoveryError) and self.unlock_dialog is not None:
            combo = self.unlock_dialog.vaults
            self.show_waiting(Path(str(combo.currentData() or combo.currentText())))

    def _on_access_restored(self, vault: Vault) -> None:
        self._ctx.settings.remember_vault(vault.folder)
        self._ctx.save_settings()
        waiting, self.waiting = self.waiting, None
        self._on_vault_ready(vault)
        if waiting is not None:
            waiting.hide()
            waiting.deleteLater()

    def _on_other_vault_requested(self) -> None:
        self.show_unlock()
        if self.waiting is not None:
            self.waiting.hide()

    def travel(self, plan: TravelPlan) -> None:
        """Travel mode, confirmed in Settings: the window is saved and wiped as when
        locking, then the key slots are destroyed (or the vault removed after its
        backup), and the app closes. On a refusal the vault is only locked."""
        if self.window is None or self.vault is None:
            return
        vault, window, title = self.vault, self.window, self.tr("Prepare for travel")
        self.idle.stop()
        self._close_modals()
        if self.settings_dialog is not None:
            with contextlib.suppress(RuntimeError):
                self.settings_dialog.close()  # type: ignore[attr-defined]
            self.settings_dialog = None
        window.save_all()
        window.wipe()
        self.window = None
        self._ctx.runner.wait()  # no worker may still hold the vault
        try:
            if plan.backup is not None:
                travel.leave_without_vault(vault, plan.backup)
                gone = str(vault.folder.resolve())
                self._ctx.settings.recent_vaults = [
                    v for v in self._ctx.settings.recent_vaults if v != gone]
                self._ctx.save_settings()
                text = self.tr("The vault was removed from this computer; its backup is on "
                               "the drive you chose. The app closes now.")
            else:
                travel.prepare_travel(vault)
                vault.close()
                text = self.tr("Travel mode is ready: no passphrase opens this vault on this "
                               "computer now. To get it back, start the app and make a "
                               "recovery request for HQ. The app closes now.")
        except Exception as exc:  # refused or failed: the vault stays as it was, locked
            if vault.is_open:
                vault.close()
            self.show_unlock()
            window.close()
            window.deleteLater()
            self._ctx.prompter.warn(None, title, recovery_error_text(exc))
            return
        window.close()
        window.deleteLater()
        self.clipboard_watch.clear_ours()
        self._ctx.prompter.info(None, title, text)
        self._app.quit()
