"""First run: language and what the computer is for, vault folder, passphrase, then
either the interviewer (device fingerprint, HQ's key card) or an HQ station (what
``nam-desktop hq init`` does: an HQ vault with its keys, and the root fingerprint to
give interviewers)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from nam_desktop.core.exchange import hq_identity
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.exchange.keycard_dialog import KeyCardPanel
from nam_desktop.gui.startup.first_run_pages import (
    HQ_FIELD,
    HQ_NAME_META,
    KEY_CARD_PAGE,
    FirstRunPage,
    FolderPage,
    HqStationPage,
    InterviewerPage,
    LanguagePage,
    PassphrasePage,
    wrapped,
)
from nam_desktop.gui.widgets.context import AppContext
from nam_desktop.gui.widgets.fingerprint_label import FingerprintLabel
from nam_desktop.gui.widgets.messages import message_for
from nam_desktop.gui.widgets.scrolling import scrolling
from nam_desktop.gui.widgets.window_size import fit_to_screen


class DevicePage(FirstRunPage):
    """Creates the vault (in a worker) and shows the device fingerprint, or for an HQ
    station its root fingerprint."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.status = wrapped(QLabel())
        self.fingerprint = FingerprintLabel()  # read aloud to HQ: big and whole
        self.fingerprint.hide()
        self.hint = wrapped(QLabel())
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.busy)
        layout.addWidget(self.fingerprint, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        self.done = False
        self.retranslate()

    def initializePage(self) -> None:  # Qt override
        self.done = False
        self.busy.show()
        self.fingerprint.clear()
        self.fingerprint.hide()
        self.status.setText(self.tr("Creating the vault…"))
        self._wizard.start_creation()

    def show_created(self, fingerprint: str) -> None:
        self.done = True
        self.busy.hide()
        self.fingerprint.set_fingerprint(fingerprint)
        self.fingerprint.show()
        self._texts()
        self.completeChanged.emit()

    def _hq(self) -> bool:
        return bool(self.field(HQ_FIELD)) if self.wizard() is not None else False

    def nextId(self) -> int:  # Qt override: an HQ station has no key card to import
        return -1 if self._hq() else KEY_CARD_PAGE

    def _texts(self) -> None:
        if self._hq():
            self.setTitle(self.tr("HQ station"))
            self.hint.setText(self.tr(
                "Tell it to every interviewer in person or by phone: they compare it with "
                "the key card you give them. Write key cards from the HQ window's toolbar."))
            if self.done:
                self.status.setText(self.tr("The HQ station is ready. This is HQ's root "
                                            "fingerprint:"))
            return
        self.setTitle(self.tr("This device"))
        self.hint.setText(self.tr("Read it to HQ over a trusted channel (a call, in person). "
                                  "HQ compares it with the fingerprint on your bundles."))
        if self.done:
            self.status.setText(self.tr("The vault is ready. This is the fingerprint of this "
                                        "device:"))

    def show_failed(self, text: str) -> None:
        self.busy.hide()
        self.status.setText(text)

    def isComplete(self) -> bool:  # Qt override
        return self.done

    def retranslate(self) -> None:
        self._texts()


class KeyCardPage(FirstRunPage):
    """Optional: import HQ's key card now (the vault exists by then), or later from the
    HQ menu of the main window."""

    def __init__(self, ctx: AppContext, wizard: FirstRunWizard) -> None:
        super().__init__()
        self._ctx = ctx
        self._wizard = wizard
        self.note = wrapped(QLabel())
        self.panel: KeyCardPanel | None = None
        self.later_button = QPushButton()
        self.later_button.clicked.connect(wizard.accept)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.note)
        self._layout.addWidget(self.later_button, 0, Qt.AlignmentFlag.AlignRight)
        self.retranslate()

    def initializePage(self) -> None:  # Qt override
        vault = self._wizard.vault
        if self.panel is None and vault is not None:
            self.panel = KeyCardPanel(self._ctx, vault)
            self.panel.pinned.connect(self._on_pinned)
            # A small window scrolls: the fingerprint to compare is never squeezed.
            self._layout.insertWidget(1, scrolling(self.panel), 1)

    def nextId(self) -> int:  # Qt override: the last page (the HQ page comes after it
        return -1             # by id only)

    def _on_pinned(self, _card: object) -> None:
        self.later_button.hide()

    def retranslate(self) -> None:
        self.setTitle(self.tr("HQ's key card (optional)"))
        self.note.setText(self.tr("If HQ has already given you its key card, import it now. "
                                  "You can also do it later from the HQ menu."))
        self.later_button.setText(self.tr("I'll do it later"))


class FirstRunWizard(QWizard):
    vault_created = Signal(object)  # Vault
    creation_failed = Signal(object)  # exception

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.vault: Vault | None = None
        self.language_page = LanguagePage(ctx)
        self.folder_page = FolderPage(ctx)
        self.passphrase_page = PassphrasePage()
        self.interviewer_page = InterviewerPage()
        self.device_page = DevicePage(self)
        self.key_card_page = KeyCardPage(ctx, self)
        self.hq_page = HqStationPage()
        for page_id, page in enumerate((self.language_page, self.folder_page,
                                        self.passphrase_page, self.interviewer_page,
                                        self.device_page, self.key_card_page, self.hq_page)):
            self.setPage(page_id, page)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.interviewer_page.setCommitPage(True)  # no way back once the vault exists
        self.hq_page.setCommitPage(True)
        fit_to_screen(self, 760, 640)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("NAM Desktop: first start"))
        for button, text in ((QWizard.WizardButton.CommitButton, self.tr("Create the vault")),
                             (QWizard.WizardButton.NextButton, self.tr("Next")),
                             (QWizard.WizardButton.BackButton, self.tr("Back")),
                             (QWizard.WizardButton.FinishButton, self.tr("Finish")),
                             (QWizard.WizardButton.CancelButton, self.tr("Cancel"))):
            self.setButtonText(button, text)

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def start_creation(self) -> None:
        if self.vault is not None:
            self.device_page.show_created(self._fingerprint_to_show(self.vault))
            return
        folder = Path(self.folder_page.folder.text().strip()).expanduser()
        passphrase = self.passphrase_page.first.text()
        interviewer = self.interviewer_page.name.text().strip()
        kdf = self._ctx.kdf
        hq = self.language_page.role == "hq"
        hq_name = self.hq_page.name.text().strip()

        def job(_progress: object, _cancelled: object) -> Vault:
            if not hq:
                return Vault.create(folder, passphrase, kdf=kdf, interviewer=interviewer)
            vault = Vault.create(folder, passphrase, kdf=kdf, role="hq")
            try:  # what `nam-desktop hq init` does
                TestimonyRepository(vault)
                hq_identity.init_hq(vault)
                if hq_name:
                    vault.set_meta(HQ_NAME_META, hq_name)
            except BaseException:
                vault.close()
                raise
            return vault

        self._ctx.runner.start(job, on_success=self._on_created, on_failure=self._on_failed,
                               owner=self)

    def _on_created(self, vault: Vault) -> None:
        self.vault = vault
        self.passphrase_page.first.clear()
        self.passphrase_page.second.clear()
        self.passphrase_page.show_text.hide_text()
        self._ctx.settings.remember_vault(vault.folder)
        self._ctx.save_settings()
        self.device_page.show_created(self._fingerprint_to_show(vault))

    @staticmethod
    def _fingerprint_to_show(vault: Vault) -> str:
        """An interviewer reads this device's fingerprint to HQ; HQ tells interviewers
        its root fingerprint."""
        if vault.role == "hq":
            return hq_identity.load_hq(vault).root_fingerprint
        return vault.device.fingerprint

    def _on_failed(self, exc: BaseException) -> None:
        self.device_page.show_failed(message_for(exc))
        self.creation_failed.emit(exc)

    def accept(self) -> None:
        super().accept()
        if self.vault is not None:
            self.vault_created.emit(self.vault)

    def reject(self) -> None:
        if self.vault is not None:  # created but the user closed the wizard: still usable
            self.vault_created.emit(self.vault)
        super().reject()
