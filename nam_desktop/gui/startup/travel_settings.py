"""Settings → Travel and backup: the HQ recovery slot (off until chosen, explained), the
way into travel mode, "Back up…", and the panic lock's neutral title."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QCheckBox, QGroupBox, QPushButton, QVBoxLayout, QWidget

from nam_desktop.core.vault import recovery
from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.exchange.recovery_text import recovery_error_text
from nam_desktop.gui.hq.hq_messages import fill
from nam_desktop.gui.startup.backup_dialog import BackupDialog, label
from nam_desktop.gui.startup.travel_dialog import TravelDialog
from nam_desktop.gui.widgets.context import AppContext
from nam_desktop.gui.widgets.shortcuts import PANIC_SHORTCUT, native


class TravelSettingsTab(QWidget):
    travel_confirmed = Signal(object)  # TravelPlan, from the travel dialog

    def __init__(self, ctx: AppContext, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._vault = vault
        self.interviewer = vault.role == "interviewer"
        self.recovery_box = QGroupBox()
        self.recovery_explained = label()
        self.recovery_state = label("status")
        self.recovery_button = QPushButton()
        self.recovery_button.clicked.connect(self._on_recovery_clicked)
        self.recovery_error = label("error")
        rv = QVBoxLayout(self.recovery_box)
        for w in (self.recovery_explained, self.recovery_state, self.recovery_button,
                  self.recovery_error):
            rv.addWidget(w)
        self.travel_box = QGroupBox()
        self.travel_explained = label()
        self.travel_button = QPushButton()
        self.travel_button.clicked.connect(self.open_travel_dialog)
        tv = QVBoxLayout(self.travel_box)
        tv.addWidget(self.travel_explained)
        tv.addWidget(self.travel_button)
        self.backup_box = QGroupBox()
        self.backup_explained = label()
        self.backup_button = QPushButton()
        self.backup_button.clicked.connect(self.open_backup_dialog)
        bv = QVBoxLayout(self.backup_box)
        bv.addWidget(self.backup_explained)
        bv.addWidget(self.backup_button)
        self.panic_box = QGroupBox()
        self.panic_explained = label()
        self.neutral_title = QCheckBox()
        self.neutral_title.setChecked(ctx.settings.panic_neutral_title)
        self.neutral_title.toggled.connect(self._on_neutral_toggled)
        pv = QVBoxLayout(self.panic_box)
        pv.addWidget(self.panic_explained)
        pv.addWidget(self.neutral_title)
        layout = QVBoxLayout(self)
        for box in (self.recovery_box, self.travel_box, self.backup_box, self.panic_box):
            layout.addWidget(box)
        layout.addStretch(1)
        self.recovery_box.setVisible(self.interviewer)
        self.travel_box.setVisible(self.interviewer)
        self.dialog: QWidget | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.recovery_box.setTitle(self.tr("HQ recovery slot"))
        self.recovery_explained.setText(self.tr(
            "The HQ recovery slot locks a copy of this vault's key with HQ's key (from the "
            "key card). With it, HQ can open this vault if it gets its files, and can give "
            "you access back when you forget the passphrase or after travel mode. Without "
            "it, nobody can. It is made again for each new key card."))
        self.travel_box.setTitle(self.tr("Travel"))
        self.travel_explained.setText(self.tr(
            "Before crossing a border: make the vault impossible to open on this computer, "
            "even for you, until HQ gives access back."))
        self.travel_button.setText(self.tr("Prepare for travel…"))
        self.backup_box.setTitle(self.tr("Backup"))
        self.backup_explained.setText(self.tr(
            "An encrypted copy of the whole vault on another drive, which HQ (and, if you "
            "choose, a backup passphrase) can open."))
        self.backup_button.setText(self.tr("Back up…"))
        self.panic_box.setTitle(self.tr("Panic lock"))
        shortcut = native(PANIC_SHORTCUT)
        self.panic_explained.setText(fill(self.tr(
            "%1 or the Hide button locks the vault at once, from anywhere in the app, and "
            "empties the clipboard if it holds something copied here. Nothing is deleted."),
            shortcut))
        self.neutral_title.setText(self.tr(
            "Then minimise the window and give it a neutral title"))
        self.show_recovery_state()

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ---- recovery slot -------------------------------------------------------------------
    def show_recovery_state(self) -> None:
        if not self.interviewer or not self._vault.is_open:
            return
        state = recovery.status(self._vault)
        if not state.enabled:
            text = self.tr("Off: nobody but you can open this vault.")
        elif state.ready_for_travel:
            text = self.tr("On, for HQ's current key card.")
        else:
            text = self.tr("On, but not for HQ's current key card, or its file is damaged: "
                           "turn it on again.")
        self.recovery_state.setText(text)
        self.recovery_button.setText(self.tr("Turn off…") if state.ready_for_travel
                                     else self.tr("Turn on…"))

    def _on_recovery_clicked(self) -> None:
        self.recovery_error.clear()
        title = self.tr("HQ recovery slot")
        turning_off = recovery.status(self._vault).ready_for_travel
        if turning_off:
            if not self._ctx.prompter.ask(self, title, self.tr(
                    "Turn off the HQ recovery slot? HQ will no longer be able to give you "
                    "access back, and travel mode will not be possible."),
                    default_no=True, yes_text=self.tr("Turn off")):
                return
        elif not self._ctx.prompter.ask(self, title, self.recovery_explained.text() + "\n\n"
                                        + self.tr("Turn on the HQ recovery slot?"),
                                        yes_text=self.tr("Turn on")):
            return
        try:
            if turning_off:
                recovery.disable(self._vault)
            else:
                recovery.enable(self._vault)
        except Exception as exc:  # shown in words; nothing was changed
            self.recovery_error.setText(recovery_error_text(exc))
        self.show_recovery_state()

    # ---- dialogs -------------------------------------------------------------------------
    def open_travel_dialog(self) -> TravelDialog:
        dialog = TravelDialog(self._ctx, self._vault, self)
        dialog.travel_confirmed.connect(self.travel_confirmed)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_backup_dialog(self) -> BackupDialog:
        dialog = BackupDialog(self._ctx, self._vault, self)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _on_neutral_toggled(self, on: bool) -> None:
        self._ctx.settings.panic_neutral_title = on
        self._ctx.save_settings()
