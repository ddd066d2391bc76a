"""The detail editor of one testimony, with autosave and finalisation.

Autosave: every edit marks the draft dirty; a timer (``autosave_seconds``) saves it, and
so do a focus change, switching testimony, locking and closing. Nothing typed waits for a
"save" click.
"""

from __future__ import annotations

import dataclasses
import importlib
import importlib.util
import weakref
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QTime, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nam_desktop.core.model.attachments import AttachmentService
from nam_desktop.core.model.records import Testimony, TestimonyDraft
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.interviewer.acts_panel import ActsSection
from nam_desktop.gui.interviewer.attachments_panel import AttachmentsPanel
from nam_desktop.gui.interviewer.editor_sections import (
    ConsentSection,
    InterviewSection,
    Section,
    TextSection,
    WitnessSection,
)
from nam_desktop.gui.interviewer.history_panel import HistoryPanel
from nam_desktop.gui.widgets.context import AppContext
from nam_desktop.gui.widgets.messages import missing_texts
from nam_desktop.gui.widgets.section_view import SectionView
from nam_desktop.gui.widgets.testimony_model import status_text

SECTION_NAMES = ("interview", "consent", "witness", "acts", "account", "notes", "attachments",
                 "history")


class TestimonyEditor(QWidget):
    __test__ = False

    saved = Signal(str)  # testimony id
    finalised = Signal(str, int)
    save_failed = Signal(object)

    def __init__(self, ctx: AppContext, vault: Vault, repository: TestimonyRepository,
                 attachments: AttachmentService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._vault = vault
        self._repo = repository
        self.testimony: Testimony | None = None
        self.dirty = False
        vocabulary = repository.vocabulary()
        self.title = QLineEdit()
        self.title.textEdited.connect(self._on_edited)
        self.status = QLabel()
        self.status.setProperty("role", "status")
        self.saved_label = QLabel()
        self.saved_label.setProperty("role", "hint")
        self.finalise_button = QPushButton()
        self.finalise_button.setProperty("role", "primary")
        self.finalise_button.clicked.connect(self.finalise)
        self.summary_button = QPushButton()
        self.summary_button.clicked.connect(self._on_summary_clicked)
        self.summary_button.setVisible(
            importlib.util.find_spec("nam_desktop.gui.interviewer.summary_dialog") is not None)
        self.missing = QLabel()
        self.missing.setProperty("role", "warning")
        self.missing.setWordWrap(True)
        self.missing.hide()
        self.notice = QLabel()
        self.notice.setProperty("role", "hint")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.interview = InterviewSection()
        self.consent = ConsentSection()
        self.witness = WitnessSection()
        self.acts = ActsSection(vocabulary, ctx.settings.language)
        self.account = TextSection(with_assessment=False)
        self.notes = TextSection(with_assessment=True)
        self.attachments = AttachmentsPanel(ctx, attachments)
        self.history = HistoryPanel(vault, repository)
        self.sections: list[Section] = [self.interview, self.consent, self.witness, self.acts,
                                        self.account, self.notes]
        for s in self.sections:
            s.edited.connect(self._on_edited)
        self.consent.withdraw_requested.connect(self._on_withdraw_requested)
        self.consent.renew_requested.connect(self._on_renew_requested)
        self.attachments.attachments_changed.connect(self._on_attachments_changed)
        self.tabs = SectionView()
        self.tabs.nav.setAccessibleName(self.tr("Sections"))
        for w in (*self.sections, self.attachments, self.history):
            self.tabs.addTab(w, "")
        self.tabs.currentChanged.connect(self._on_tab_changed)

        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.status)
        header.addWidget(self.saved_label)
        header.addWidget(self.summary_button)
        header.addWidget(self.finalise_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.missing)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs, 1)

        self.timer = QTimer(self)
        self.timer.setInterval(ctx.settings.autosave_seconds * 1000)
        self.timer.timeout.connect(self._on_timer_timeout)
        self.timer.start()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            # Not a bound method: QApplication outlives the editor, whose destructor moves
            # the focus (and so emits focusChanged) after its Python part is gone.
            relay = _focus_relay(self)
            app.focusChanged.connect(relay)
            self.destroyed.connect(lambda: app.focusChanged.disconnect(relay))
        self.retranslate()
        self.setEnabled(False)

    # ---- text ----------------------------------------------------------------------------
    def retranslate(self) -> None:
        names = (self.tr("Interview"), self.tr("Consent"), self.tr("Witness"), self.tr("Acts"),
                 self.tr("Witness's account"), self.tr("Interviewer notes"),
                 self.tr("Attachments"), self.tr("History"))
        for i, name in enumerate(names):
            self.tabs.setTabText(i, name)
        self.title.setPlaceholderText(self.tr("Short title, e.g. \u201cDetention in Okrestina, "
                                              "August 2020\u201d"))
        self.title.setAccessibleName(self.tr("Title"))
        self.finalise_button.setText(self.tr("Finalise…"))
        self.finalise_button.setToolTip(self.tr("Check that nothing required is missing and "
                                                "create an unchangeable revision"))
        self.summary_button.setText(self.tr("Summary / print…"))
        if self.testimony is not None:
            self.status.setText(status_text(self.testimony.status))
            self._show_notice()

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_language(self, language: str) -> None:
        self.acts.set_language(language)

    def set_autosave_seconds(self, seconds: int) -> None:
        self.timer.setInterval(max(1, seconds) * 1000)

    # ---- loading -------------------------------------------------------------------------
    @property
    def testimony_id(self) -> str:
        return self.testimony.id if self.testimony is not None else ""

    def open(self, testimony_id: str) -> bool:
        """Show a testimony. Refuses (False) while the current draft cannot be saved, so
        switching never throws typed text away."""
        if not self.save():
            return False
        t = self._repo.get(testimony_id, include_identity=True)
        self.testimony = t
        for s in self.sections:
            s.loading = True
        self.title.setText(t.title)
        for s in self.sections:
            s.load(t)  # type: ignore[attr-defined]
            s.loading = False
        self.attachments.load(t.id)
        self.history.load(t.id)
        self.status.setText(status_text(t.status))
        self.saved_label.clear()
        self.missing.hide()
        self._show_notice()
        self.dirty = False
        self.setEnabled(True)
        return True

    def _show_notice(self) -> None:
        t = self.testimony
        if t is not None and t.status != "draft":
            self.notice.setText(self.tr("Revision %1 is final and stays as it is. If you "
                                        "change anything, your changes become the draft of "
                                        "revision %2.").replace("%1", str(t.revision))
                                .replace("%2", str(t.revision + 1)))
        self.notice.setVisible(t is not None and t.status != "draft")

    def clear(self) -> None:
        """Forget everything shown (locking). Widgets are emptied, not just hidden."""
        self.testimony = None
        self.dirty = False
        self.title.clear()
        empty = Testimony()
        for s in self.sections:
            s.loading = True
            s.load(empty)  # type: ignore[attr-defined]
            s.loading = False
        self.attachments.clear()
        self.history.clear()
        self.status.clear()
        self.saved_label.clear()
        self.missing.clear()
        self.setEnabled(False)

    def show_unsaved(self, draft: TestimonyDraft) -> None:
        """Put back text that could not be saved (kept sealed while the app was locked)
        over the open testimony; it stays unsaved until :meth:`save` succeeds."""
        if self.testimony is None:
            return
        typed = dataclasses.replace(self.testimony, **{
            f.name: getattr(draft, f.name) for f in dataclasses.fields(TestimonyDraft)})
        for s in self.sections:
            s.loading = True
        self.title.setText(typed.title)
        for s in self.sections:
            s.load(typed)  # type: ignore[attr-defined]
            s.loading = False
        self.dirty = True

    def draft(self) -> TestimonyDraft:
        d = TestimonyDraft(title=self.title.text())
        for s in self.sections:
            s.apply(d)  # type: ignore[attr-defined]
        return d

    # ---- saving --------------------------------------------------------------------------
    def _on_edited(self) -> None:
        if self.testimony is not None:
            self.dirty = True
            self.saved_label.setText(self.tr("Editing…"))

    def _on_timer_timeout(self) -> None:
        self.save()

    def _on_focus_changed(self, old: QWidget | None, _new: QWidget | None) -> None:
        if self.dirty and old is not None and self.isAncestorOf(old):
            self.save()

    def _on_tab_changed(self, index: int) -> None:
        self.save()
        if self.tabs.widget(index) is self.history and self.testimony is not None:
            self.history.load(self.testimony.id)

    def save(self) -> bool:
        """Save the draft if it changed. Returns False if saving failed."""
        if self.testimony is None or not self.dirty or not self._vault.is_open:
            return True
        try:
            self._repo.update(self.testimony.id, self.draft())
        except Exception as exc:  # shown to the user; typed text stays
            self.save_failed.emit(exc)
            return False
        self.dirty = False
        if self.testimony.status != "draft":
            self.testimony = self._repo.get(self.testimony.id, include_identity=True)
            self.status.setText(status_text(self.testimony.status))
            self._show_notice()
        self.saved_label.setText(self.tr("Saved %1").replace(
            "%1", QTime.currentTime().toString("HH:mm:ss")))
        self.saved.emit(self.testimony.id)
        return True

    # ---- finalising and consent ----------------------------------------------------------
    def finalise(self) -> None:
        if self.testimony is None or not self.save():
            return
        tid = self.testimony.id
        missing = self._repo.missing_for_finalize(tid)
        if missing:
            texts = missing_texts(missing)
            self.missing.setText(self.tr("Cannot finalise yet. Missing:") + "\n" +
                                 "\n".join("• " + t for t in texts))
            self.missing.show()
            self._ctx.prompter.warn(self, self.tr("Not ready to finalise"),
                                    self.missing.text())
            return
        self.missing.hide()
        if not self._ctx.prompter.ask(self, self.tr("Finalise"), self.tr(
                "Create an unchangeable revision of this testimony? Later edits start a new "
                "revision; this one stays as it is.")):
            return
        if self.testimony.status != "draft":
            self._ctx.prompter.info(self, self.tr("Finalise"),
                                    self.tr("This revision is already final."))
            return
        revision = self._repo.finalize(tid)
        self.open(tid)
        self.saved_label.setText(self.tr("Revision %1 is final").replace("%1", str(revision)))
        self.finalised.emit(tid, revision)

    def _on_withdraw_requested(self) -> None:
        if self.testimony is None or not self.save():
            return
        if self._ctx.prompter.ask(self, self.tr("Consent"), self.tr(
                "Record that the witness withdrew consent? The testimony cannot be finalised "
                "or sent until consent is renewed.")):
            self._repo.withdraw_consent(self.testimony.id)
            self.open(self.testimony.id)
            self.saved.emit(self.testimony.id)

    def _on_renew_requested(self) -> None:
        if self.testimony is None or not self.save():
            return
        if self._ctx.prompter.ask(self, self.tr("Consent"),
                                  self.tr("Record that the witness gave consent again today?")):
            self._repo.renew_consent(self.testimony.id)
            self.open(self.testimony.id)
            self.saved.emit(self.testimony.id)

    def _on_attachments_changed(self) -> None:
        if self.testimony is not None:
            self.saved.emit(self.testimony.id)

    def _on_summary_clicked(self) -> None:
        if self.testimony is None or not self.save():
            return
        try:
            module = importlib.import_module("nam_desktop.gui.interviewer.summary_dialog")
        except ImportError:
            return
        dialog = module.SummaryDialog(self._vault, self.testimony.id, self,
                                      language=self._ctx.settings.language,
                                      prompter=self._ctx.prompter)
        dialog.show()

    # ---- where the user was --------------------------------------------------------------
    def section(self) -> int:
        return self.tabs.currentIndex()

    def set_section(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)


def _focus_relay(editor: TestimonyEditor) -> Callable[[QWidget | None, QWidget | None], None]:
    ref = weakref.ref(editor)

    def relay(old: QWidget | None, new: QWidget | None) -> None:
        target = ref()
        if target is not None and shiboken6.isValid(target):
            target._on_focus_changed(old, new)
    return relay
