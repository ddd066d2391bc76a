"""The detail editor of one testimony, with autosave and finalisation.

Autosave: every edit marks the draft dirty; a timer (``autosave_seconds``) saves it, and
so do a focus change, switching testimony, locking and closing. Nothing typed waits for a
"save" click.

A final or delivered testimony is not turned into a draft by a stray keystroke: the
first change asks whether to start the next revision (No puts the text back). A draft
made from a final revision says which revision is final or delivered and offers
"Discard changes…", which brings that revision back.
"""

from __future__ import annotations

import dataclasses
import importlib
import importlib.util

import shiboken6
from PySide6.QtCore import QEvent, Qt, QTime, QTimer, Signal
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from nam_desktop.core.model.attachments import AttachmentService
from nam_desktop.core.model.records import Testimony, TestimonyDraft
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.interviewer.acts_panel import ActsSection
from nam_desktop.gui.interviewer.attachments_panel import AttachmentsPanel
from nam_desktop.gui.interviewer.editor_form import build_form
from nam_desktop.gui.interviewer.editor_sections import (
    ConsentSection,
    InterviewSection,
    Section,
    TextSection,
    WitnessSection,
)
from nam_desktop.gui.interviewer.history_panel import HistoryPanel
from nam_desktop.gui.interviewer.recorder_dialog import RecorderDialog
from nam_desktop.gui.interviewer.recorder_widget import (
    DeviceLister,
    SourceFactory,
    qt_audio_source,
    qt_input_devices,
)
from nam_desktop.gui.widgets.app_focus import follow_focus
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
    recording_changed = Signal(bool, str)  # allowed, and why not
    form_ready = Signal()  # the form was built (see FORM_NAMES)

    # The form (title, sections, attachments, history) is built when it is first needed:
    # the first testimony opened, or any of these names asked for. The window shows its
    # list without paying for it (a third of the interviewer's window, mostly Qt applying
    # the style sheet to some 400 widgets).
    title: QLineEdit
    status: QLabel
    saved_label: QLabel
    finalise_button: QPushButton
    summary_button: QPushButton
    missing: QLabel
    notice: QLabel
    discard_button: QPushButton
    notice_row: QWidget
    interview: InterviewSection
    consent: ConsentSection
    witness: WitnessSection
    acts: ActsSection
    account: TextSection
    notes: TextSection
    attachments: AttachmentsPanel
    history: HistoryPanel
    sections: list[Section]
    tabs: SectionView
    FORM_NAMES = frozenset(("title", "status", "saved_label", "finalise_button",
                            "summary_button", "missing", "notice", "discard_button",
                            "notice_row", "interview", "consent", "witness", "acts",
                            "account", "notes", "attachments", "history", "sections",
                            "tabs"))

    def __init__(self, ctx: AppContext, vault: Vault, repository: TestimonyRepository,
                 attachments: AttachmentService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._vault = vault
        self._repo = repository
        self._attachment_service = attachments
        self._form: QWidget | None = None  # built by _build_form
        self._language = ctx.settings.language  # of the act types, when the form is built
        self._building = False
        self.testimony: Testimony | None = None
        self.dirty = False
        self._delivered_revision = 0  # the revision HQ confirmed receiving, if any
        self._edit_confirmed = False  # the user agreed to start the next revision
        self.recorder: RecorderDialog | None = None
        self.recorder_devices: DeviceLister = qt_input_devices  # tests: fakes
        self.recorder_source: SourceFactory = qt_audio_source
        # Nothing open: say what to do instead of showing a form of greyed-out fields.
        self.pages = QStackedWidget(self)
        self.placeholder = QLabel(self.pages)
        self.placeholder.setObjectName("editorPlaceholder")
        self.placeholder.setProperty("role", "hint")
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages.addWidget(self.placeholder)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)

        self.timer = QTimer(self)
        self.timer.setInterval(ctx.settings.autosave_seconds * 1000)
        self.timer.timeout.connect(self._on_timer_timeout)
        self.timer.start()
        follow_focus(self, "_on_focus_changed")  # save when focus leaves the editor
        self.retranslate()
        self._show_open(False)

    def __getattr__(self, name: str) -> object:
        """A part of the form asked for before the form was built: build it now."""
        if name in TestimonyEditor.FORM_NAMES and not self.__dict__.get("_building", True):
            self._build_form()
            return self.__dict__[name]
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    @property
    def form_built(self) -> bool:
        return self._form is not None

    def _build_form(self) -> None:
        if self._form is not None:
            return
        self._building = True
        try:
            self._form = self._make_form()
        finally:
            self._building = False
        self.pages.addWidget(self._form)
        self._retranslate_form()
        self._show_open(self.testimony is not None)
        self.form_ready.emit()

    def _make_form(self) -> QWidget:
        form = build_form(self)  # editor_form.py: the widgets, made with their parents
        self.tabs.nav.setAccessibleName(self.tr("Sections"))
        return form

    # ---- text ----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.placeholder.setText(self.tr("No testimony is open. Choose one in the list, or "
                                         "create one with \u201cNew testimony\u201d."))
        if self._form is not None:
            self._retranslate_form()
        self._update_recording()

    def _retranslate_form(self) -> None:
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
        self.discard_button.setText(self.tr("Discard changes…"))
        self.discard_button.setToolTip(self.tr("Bring back the last final revision and "
                                               "forget the changes made since"))
        if self.testimony is not None:
            self._show_state()

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_language(self, language: str) -> None:
        self._language = language  # a form not built yet is built in it
        if self._form is not None:
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
        self._build_form()
        t = self._repo.get(testimony_id, include_identity=True)
        if t.id != self.testimony_id:
            self.missing.hide()
            self._edit_confirmed = False
        self.testimony = t
        self._delivered_revision = self._repo.delivered_revisions().get(t.id, 0)
        self._load_widgets(t)
        self.consent.set_history(self._repo.consent_history(t.id))
        self.attachments.load(t.id)
        self._load_history()
        self.saved_label.clear()
        self._show_open(True)
        self._show_state()
        self._update_recording()
        return True

    def _load_widgets(self, t: Testimony) -> None:
        for s in self.sections:
            s.loading = True
        self.title.setText(t.title)
        for s in self.sections:
            s.load(t)  # type: ignore[attr-defined]
            s.loading = False
        self.dirty = False

    def _show_open(self, shown: bool) -> None:
        self.pages.setCurrentIndex(1 if shown else 0)
        if self._form is None:
            return
        self.finalise_button.setEnabled(shown)
        self.summary_button.setEnabled(shown)

    def _show_state(self) -> None:
        """Status, the notice about revisions, Finalise and Discard follow the status."""
        t = self.testimony
        if t is None:
            return
        self.status.setText(status_text(t.status, revision=t.revision,
                                        delivered=self._delivered_revision))
        draft = t.status == "draft"
        if not draft:
            text = (self.tr("Revision %1 was delivered to HQ and stays as it is.")
                    if t.status == "delivered" else
                    self.tr("Revision %1 is final and stays as it is.")).replace(
                "%1", str(t.revision))
            text += " " + self.tr("Changing anything starts the draft of revision %1; you "
                                  "are asked first.").replace("%1", str(t.revision + 1))
        elif t.revision:
            text = (self.tr("This is the draft of revision %1. Revision %2 was delivered to "
                            "HQ and stays as it is.")
                    if self._delivered_revision == t.revision else
                    self.tr("This is the draft of revision %1. Revision %2 is final and "
                            "stays as it is.")).replace("%1", str(t.revision + 1)).replace(
                "%2", str(t.revision))
        else:
            text = ""
        self.notice.setText(text)
        self.notice_row.setVisible(bool(text))
        self.discard_button.setVisible(draft and t.revision > 0)
        self.finalise_button.setEnabled(draft)
        self.finalise_button.setToolTip(
            self.tr("Check that nothing required is missing and create an unchangeable "
                    "revision") if draft else
            self.tr("Revision %1 is already final: change something to start the next "
                    "revision.").replace("%1", str(t.revision)))

    def clear(self) -> None:
        """Forget everything shown (locking). Widgets are emptied, not just hidden."""
        self.testimony = None
        self.dirty = False
        self._edit_confirmed = False
        if self._form is None:  # never built: it never showed anything
            self._update_recording()
            return
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
        self.missing.hide()
        self.notice.clear()
        self.notice_row.hide()
        self._edit_confirmed = False
        self._show_open(False)
        self._update_recording()

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
        t = self.testimony
        if t is None or self.dirty:
            return
        if t.status != "draft" and not self._edit_confirmed:
            if not self._ask_to_edit(t):
                self._load_widgets(t)  # No: the change is put back, nothing is saved
                return
            self._edit_confirmed = True
        self.dirty = True
        self.saved_label.setText(self.tr("Editing…"))

    def _ask_to_edit(self, t: Testimony) -> bool:
        delivered = t.status == "delivered"
        text = (self.tr("Revision %1 was delivered to HQ. Change it? Your changes become the "
                        "draft of revision %2; revision %1 stays as it is, and HQ keeps what "
                        "it received. You can discard the changes later.")
                if delivered else
                self.tr("Revision %1 is final. Change it? Your changes become the draft of "
                        "revision %2; revision %1 stays as it is. You can discard the "
                        "changes later.")).replace("%1", str(t.revision)).replace(
            "%2", str(t.revision + 1))
        return self._ctx.prompter.ask(
            self, self.tr("Start a new revision?"), text, default_no=True,
            yes_text=self.tr("Start revision %1").replace("%1", str(t.revision + 1)))

    def _on_timer_timeout(self) -> None:
        self.save()

    def _on_focus_changed(self, old: QWidget | None, _new: QWidget | None) -> None:
        if self.dirty and old is not None and self.isAncestorOf(old):
            self.save()

    def _on_tab_changed(self, index: int) -> None:
        self.save()
        self._load_history()

    def _load_history(self) -> None:
        """The history is read when its section is shown (it is read again each time);
        hidden, it holds nothing of another testimony."""
        if self.testimony is not None \
                and self.tabs.widget(self.tabs.currentIndex()) is self.history:
            self.history.load(self.testimony.id)
        else:
            self.history.clear()

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
            self._show_state()
        self.saved_label.setText(self.tr("Saved %1").replace(
            "%1", QTime.currentTime().toString("HH:mm:ss")))
        if self.missing.isVisible():  # the banner follows what is still missing
            self._show_missing(self._missing())
        self.saved.emit(self.testimony.id)
        return True

    def discard_changes(self) -> bool:
        """Bring back the last final revision (after asking); False if nothing happened."""
        t = self.testimony
        if t is None or t.status != "draft" or t.revision < 1:
            return False
        if not self._ctx.prompter.ask(self, self.tr("Discard changes"), self.tr(
                "Forget every change made since revision %1 and bring it back as it was? "
                "Attached files stay. This cannot be undone.").replace(
                "%1", str(t.revision)), default_no=True, yes_text=self.tr("Discard changes")):
            return False
        self.dirty = False  # what is typed is what is being thrown away
        try:
            self._repo.discard_draft(t.id)
        except Exception as exc:  # shown to the user in words
            self._ctx.prompter.error(self, self.tr("Discard changes"), exc)
            return False
        self._edit_confirmed = False
        self.open(t.id)
        self.saved.emit(t.id)
        return True

    # ---- finalising and consent ----------------------------------------------------------
    def _missing(self) -> list[str]:
        if self.testimony is None:
            return []
        texts = missing_texts(self._repo.missing_for_finalize(self.testimony.id))
        untyped = self.acts.untyped()
        if untyped:
            texts.append(self.tr("a violation type for %n acts (choose it in Acts, or "
                                 "remove the acts)", "", untyped))
        return texts

    def _show_missing(self, texts: list[str]) -> None:
        self.missing.setText(self.tr("Cannot finalise yet. Missing:") + "\n" +
                             "\n".join("• " + t for t in texts))
        self.missing.setVisible(bool(texts))

    def finalise(self) -> None:
        if self.testimony is None or not self.save():
            return
        if self.testimony.status != "draft":  # say so before asking anything
            self._ctx.prompter.info(self, self.tr("Finalise"), self.tr(
                "Revision %1 is already final.").replace("%1", str(self.testimony.revision)))
            return
        tid = self.testimony.id
        missing = self._missing()
        if missing:
            self._show_missing(missing)
            self._ctx.prompter.warn(self, self.tr("Not ready to finalise"),
                                    self.missing.text())
            return
        self.missing.hide()
        if not self._ctx.prompter.ask(self, self.tr("Finalise"), self.tr(
                "Create an unchangeable revision of this testimony? Later edits start a new "
                "revision; this one stays as it is.")):
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
            self._repo.withdraw_consent(self.testimony.id,
                                        self.consent.change_note.text().strip())
            self.open(self.testimony.id)
            self.saved.emit(self.testimony.id)

    def _on_renew_requested(self) -> None:
        if self.testimony is None or not self.save():
            return
        if self._ctx.prompter.ask(self, self.tr("Consent"),
                                  self.tr("Record that the witness gave consent again today?")):
            self._repo.renew_consent(self.testimony.id,
                                     self.consent.change_note.text().strip())
            self.open(self.testimony.id)
            self.saved.emit(self.testimony.id)

    # ---- recording ----------------------------------------------------------------------
    def recording_allowed(self) -> tuple[bool, str]:
        """Whether "Record interview" may open now, and if not, why (in words)."""
        t = self.testimony
        if t is None:
            return False, self.tr("Open a testimony first: the recording is kept with it.")
        if t.consent.withdrawn:
            return False, self.tr("Consent was withdrawn: nothing may be recorded until it "
                                  "is renewed.")
        if not self.consent.flags["audio_recording"].isChecked():
            return False, self.tr("The witness has not agreed to audio recording: tick "
                                  "\u201caudio recording\u201d in the Consent section "
                                  "first.")
        return True, ""

    def _update_recording(self) -> None:
        allowed, why = self.recording_allowed()
        if self._form is not None:
            self.attachments.set_recording(allowed, why)
        self.recording_changed.emit(allowed, why)

    def open_recorder(self) -> RecorderDialog | None:
        """Save (the recorder reads the consent from the vault), then open the recorder
        of this testimony, or bring the open one forward."""
        allowed, _why = self.recording_allowed()
        if not allowed or self.testimony is None or not self.save():
            return None
        if self.recorder is not None and self.recorder.testimony_id == self.testimony.id:
            self.recorder.raise_()
            self.recorder.activateWindow()
            return self.recorder
        self.close_recorder()
        dialog = RecorderDialog(self._vault, self.testimony.id, self.title.text(), self,
                                devices=self.recorder_devices,
                                source_factory=self.recorder_source)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.recording_finished.connect(self._on_recording_finished)
        dialog.destroyed.connect(self._on_recorder_destroyed)
        self.recorder = dialog
        dialog.show()
        return dialog

    def close_recorder(self) -> None:
        """Finish a running recording into the vault and close the recorder (locking)."""
        dialog, self.recorder = self.recorder, None
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.close()

    def _on_recorder_destroyed(self) -> None:
        self.recorder = None

    def _on_recording_finished(self, _attachment_id: str) -> None:
        if self.testimony is not None:
            self.attachments.load(self.testimony.id)
            self._load_history()
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
        return self.tabs.currentIndex() if self._form is not None else 0

    def set_section(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)

