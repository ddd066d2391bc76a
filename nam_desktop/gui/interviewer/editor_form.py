"""The testimony editor's form, built when it is first needed (see
:class:`~nam_desktop.gui.interviewer.testimony_editor.TestimonyEditor`): the header
(title, status, Summary, Finalise), the banners and the sections, with their signals
connected to the editor. Its words are set by the editor (``retranslate``)."""

from __future__ import annotations

import importlib.util
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from nam_desktop.gui.interviewer.acts_panel import ActsSection
from nam_desktop.gui.interviewer.attachments_panel import AttachmentsPanel
from nam_desktop.gui.interviewer.editor_sections import (
    ConsentSection,
    InterviewSection,
    TextSection,
    WitnessSection,
)
from nam_desktop.gui.interviewer.history_panel import HistoryPanel
from nam_desktop.gui.widgets.section_view import SectionView

if TYPE_CHECKING:
    from nam_desktop.gui.interviewer.testimony_editor import TestimonyEditor


def build_form(editor: TestimonyEditor) -> QWidget:
    """The form: header (title, status, Finalise), banners, and the sections. Every
    widget is made with its final parent, so Qt applies the style sheet to it once; they
    are made in the order of the focus chain (Tab) the window had before."""
    form = QWidget(editor.pages)
    editor.title = QLineEdit(form)
    editor.title.textEdited.connect(editor._on_edited)
    editor.status = QLabel(form)
    editor.status.setProperty("role", "status")
    editor.saved_label = QLabel(form)
    editor.saved_label.setProperty("role", "hint")
    editor.summary_button = QPushButton(form)
    editor.summary_button.clicked.connect(editor._on_summary_clicked)
    editor.summary_button.setVisible(
        importlib.util.find_spec("nam_desktop.gui.interviewer.summary_dialog") is not None)
    editor.finalise_button = QPushButton(form)
    editor.finalise_button.setProperty("role", "primary")
    editor.finalise_button.clicked.connect(editor.finalise)
    editor.missing = QLabel(form)
    editor.missing.setProperty("role", "warning")
    editor.missing.setWordWrap(True)
    editor.missing.hide()
    editor.notice_row = QWidget(form)
    editor.notice = QLabel(editor.notice_row)
    editor.notice.setProperty("role", "hint")
    editor.notice.setWordWrap(True)
    editor.discard_button = QPushButton(editor.notice_row)
    editor.discard_button.clicked.connect(editor.discard_changes)
    nr = QHBoxLayout(editor.notice_row)
    nr.setContentsMargins(0, 0, 0, 0)
    nr.addWidget(editor.notice, 1)
    nr.addWidget(editor.discard_button, 0, Qt.AlignmentFlag.AlignTop)
    editor.notice_row.hide()
    editor.tabs = SectionView(form)
    editor.interview = InterviewSection()
    editor.consent = ConsentSection()
    editor.witness = WitnessSection()
    editor.acts = ActsSection(editor._repo.vocabulary(), editor._language)
    editor.account = TextSection(with_assessment=False)
    editor.notes = TextSection(with_assessment=True)
    editor.attachments = AttachmentsPanel(editor._ctx, editor._attachment_service)
    editor.history = HistoryPanel(editor._vault, editor._repo)
    editor.sections = [editor.interview, editor.consent, editor.witness, editor.acts,
                     editor.account, editor.notes]
    for s in editor.sections:
        s.edited.connect(editor._on_edited)
    editor.consent.withdraw_requested.connect(editor._on_withdraw_requested)
    editor.consent.renew_requested.connect(editor._on_renew_requested)
    editor.attachments.attachments_changed.connect(editor._on_attachments_changed)
    editor.attachments.record_requested.connect(editor.open_recorder)
    editor.consent.edited.connect(editor._update_recording)
    for w in (*editor.sections, editor.attachments, editor.history):
        editor.tabs.addTab(w, "")
    editor.tabs.currentChanged.connect(editor._on_tab_changed)

    header = QHBoxLayout()
    header.addWidget(editor.title, 1)
    header.addWidget(editor.status)
    header.addWidget(editor.saved_label)
    header.addWidget(editor.summary_button)
    header.addWidget(editor.finalise_button)
    layout = QVBoxLayout(form)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addLayout(header)
    layout.addWidget(editor.missing)
    layout.addWidget(editor.notice_row)
    layout.addWidget(editor.tabs, 1)
    return form
