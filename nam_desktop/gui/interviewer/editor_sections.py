"""Editor sections: Interview, Consent, Witness, and the two free-text sections.

Each section loads from a :class:`Testimony`, writes into a :class:`TestimonyDraft`, and
emits ``edited`` whenever the user changes something (the editor autosaves on it).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QEvent, QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nam_desktop.core.model.records import Testimony, TestimonyDraft, WitnessIdentity
from nam_desktop.gui.widgets.dates import local_time

DATE_PATTERN = r"^$|^\d{4}(-\d{2}(-\d{2})?)?$"


class DateEdit(QLineEdit):
    """ISO date text that may be partial (2020, 2020-08): precision matters in testimony."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setValidator(QRegularExpressionValidator(
            QRegularExpression(r"\d{0,4}(-\d{0,2}(-\d{0,2})?)?")))
        self.setMaximumWidth(140)
        self._retranslate()

    def _retranslate(self) -> None:
        self.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.setToolTip(self.tr("Year, year and month, or full date: 2020, 2020-08, "
                                "2020-08-12"))

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def date_edit() -> QLineEdit:
    return DateEdit()


def valid_date(text: str) -> bool:
    return re.match(DATE_PATTERN, text) is not None


class Section(QWidget):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._labels: list[tuple[QFormLayout, int, Callable[[], str]]] = []
        self.loading = False

    def _changed(self) -> None:
        if not self.loading:
            self.edited.emit()

    def watch(self, *widgets: QWidget) -> None:
        for w in widgets:
            if isinstance(w, QLineEdit):
                w.textEdited.connect(self._changed)
            elif isinstance(w, QPlainTextEdit):
                w.textChanged.connect(self._changed)
            elif isinstance(w, QComboBox):
                w.activated.connect(self._changed)
                if w.isEditable():
                    w.editTextChanged.connect(self._changed)
            elif isinstance(w, QCheckBox):
                w.clicked.connect(self._changed)

    def add_row(self, form: QFormLayout, text: Callable[[], str], widget: QWidget) -> None:
        form.addRow(QLabel(), widget)
        self._labels.append((form, form.rowCount() - 1, text))

    def retranslate(self) -> None:
        for form, row, text in self._labels:
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            label = item.widget() if item is not None else None
            if isinstance(label, QLabel):
                label.setText(text())
                field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
                if field is not None and field.widget() is not None:
                    field.widget().setAccessibleName(text().rstrip(":"))
                    label.setBuddy(field.widget())

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def set_combo(combo: QComboBox, value: str) -> None:
    index = combo.findData(value)
    if index < 0:
        combo.addItem(value, value)
        index = combo.count() - 1
    combo.setCurrentIndex(index)


class InterviewSection(Section):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.date, self.date_end = date_edit(), date_edit()
        self.place, self.languages = QLineEdit(), QLineEdit()
        self.interpreter, self.others, self.interviewer = QLineEdit(), QLineEdit(), QLineEdit()
        self.mode = QComboBox()
        for code in ("", "in_person", "remote"):
            self.mode.addItem("", code)
        form = QFormLayout(self)
        for text, w in ((lambda: self.tr("Interview date:"), self.date),
                        (lambda: self.tr("Until (if several days):"), self.date_end),
                        (lambda: self.tr("Place:"), self.place),
                        (lambda: self.tr("Mode:"), self.mode),
                        (lambda: self.tr("Languages:"), self.languages),
                        (lambda: self.tr("Interpreter:"), self.interpreter),
                        (lambda: self.tr("Others present:"), self.others),
                        (lambda: self.tr("Interviewer:"), self.interviewer)):
            self.add_row(form, text, w)
        self.watch(self.date, self.date_end, self.place, self.mode, self.languages,
                   self.interpreter, self.others, self.interviewer)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        for i, text in enumerate(("—", self.tr("In person"), self.tr("Remote"))):
            self.mode.setItemText(i, text)
        self.languages.setPlaceholderText(self.tr("e.g. be, ru"))

    def load(self, t: Testimony) -> None:
        iv = t.interview
        self.date.setText(iv.date)
        self.date_end.setText(iv.date_end)
        self.place.setText(iv.place)
        set_combo(self.mode, iv.mode)
        self.languages.setText(", ".join(iv.languages))
        self.interpreter.setText(iv.interpreter)
        self.others.setText(iv.others_present)
        self.interviewer.setText(iv.interviewer)

    def apply(self, d: TestimonyDraft) -> None:
        iv = d.interview
        iv.date = self.date.text().strip() if valid_date(self.date.text().strip()) else ""
        end = self.date_end.text().strip()
        iv.date_end = end if valid_date(end) else ""
        iv.place, iv.mode = self.place.text(), str(self.mode.currentData() or "")
        iv.languages = [x.strip() for x in self.languages.text().split(",") if x.strip()]
        iv.interpreter, iv.others_present = self.interpreter.text(), self.others.text()
        iv.interviewer = self.interviewer.text()


CONSENT_FLAGS = ("hq_documentation", "anonymous_publication", "legal_proceedings",
                 "audio_recording", "may_recontact", "anonymity_requested")
#: The purposes read as one sentence under "The witness agrees to"; the last flag is a
#: request of the witness, not a purpose, and stands on its own.
AGREES_TO = CONSENT_FLAGS[:5]


class ConsentSection(Section):
    withdraw_requested = Signal()
    renew_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flags = {name: QCheckBox() for name in CONSENT_FLAGS}
        self.given_date = date_edit()
        self.method = QComboBox()
        for code in ("", "oral", "written", "recorded"):
            self.method.addItem("", code)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.withdraw = QPushButton()
        self.withdraw.clicked.connect(self.withdraw_requested)
        self.renew = QPushButton()
        self.renew.clicked.connect(self.renew_requested)
        # Why and how consent was withdrawn or renewed (kept with the consent event).
        self.change_note = QLineEdit()
        self.change_note.setMaxLength(500)
        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        self.note_label.setBuddy(self.change_note)
        self.purposes = QGroupBox()
        box = QVBoxLayout(self.purposes)
        for name in AGREES_TO:
            box.addWidget(self.flags[name])
        layout = QVBoxLayout(self)
        layout.addWidget(self.purposes)
        layout.addWidget(self.flags["anonymity_requested"])
        form = QFormLayout()
        self.add_row(form, lambda: self.tr("Consent given on:"), self.given_date)
        self.add_row(form, lambda: self.tr("How:"), self.method)
        layout.addLayout(form)
        layout.addWidget(self.state)
        layout.addWidget(self.note_label)
        layout.addWidget(self.change_note)
        buttons = QHBoxLayout()
        buttons.addWidget(self.withdraw)
        buttons.addWidget(self.renew)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self._last_note = ""  # the note of the latest withdrawal or renewal
        self.watch(self.given_date, self.method, *self.flags.values())
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.purposes.setTitle(self.tr("The witness agrees to:"))
        texts = (self.tr("documentation by HQ"), self.tr("anonymous publication"),
                 self.tr("use in legal proceedings"), self.tr("audio recording"),
                 self.tr("being contacted again"),
                 self.tr("The witness asks to stay anonymous"))
        for w, text in zip(self.flags.values(), texts, strict=True):
            w.setText(text)
        self.note_label.setText(self.tr("Note for a withdrawal or renewal (optional): how "
                                        "and why, e.g. \u201cby phone, fears for family\u201d"))
        self.change_note.setAccessibleName(self.tr("Note for a withdrawal or renewal"))
        self._show_state()
        for i, text in enumerate(("—", self.tr("Oral"), self.tr("Written"),
                                  self.tr("Recorded"))):
            self.method.setItemText(i, text)
        self.withdraw.setText(self.tr("Record withdrawal of consent…"))
        self.renew.setText(self.tr("Record renewed consent…"))

    def load(self, t: Testimony) -> None:
        c = t.consent
        for name, w in self.flags.items():
            w.setChecked(bool(getattr(c, name)))
        self.given_date.setText(c.given_date)
        set_combo(self.method, c.method)
        self.withdraw.setVisible(not c.withdrawn)
        self.renew.setVisible(c.withdrawn)
        self._withdrawn_at = c.withdrawn_at
        self.change_note.clear()
        self._show_state()

    def set_history(self, events: list[dict[str, str]]) -> None:
        """The consent events of the testimony (the latest note is shown)."""
        notes = [e["note"] for e in events if e["kind"] in ("withdrawn", "renewed")]
        self._last_note = notes[-1] if notes else ""
        self._show_state()

    def _show_state(self) -> None:
        withdrawn_at = getattr(self, "_withdrawn_at", "")
        text = self.tr("Consent was withdrawn on %1.").replace(
            "%1", local_time(withdrawn_at)) if withdrawn_at else ""
        if withdrawn_at and self._last_note:
            text += " " + self.tr("Note: %1").replace("%1", self._last_note)
        self.state.setText(text)
        self.state.setVisible(bool(text))
        self.state.setProperty("role", "error" if withdrawn_at else "")

    def apply(self, d: TestimonyDraft) -> None:
        for name, w in self.flags.items():
            setattr(d.consent, name, w.isChecked())
        given = self.given_date.text().strip()
        d.consent.given_date = given if valid_date(given) else ""
        d.consent.method = str(self.method.currentData() or "")


class WitnessSection(Section):
    """Pseudonym and profile; identity only after an explicit "Show identity"."""

    identity_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pseudonym, self.gender, self.age_group = QLineEdit(), QLineEdit(), QLineEdit()
        self.role = QComboBox()
        for code in ("victim", "witness", "relative", "other"):
            self.role.addItem("", code)
        self.show_identity = QPushButton()
        self.show_identity.setCheckable(True)
        self.show_identity.toggled.connect(self._on_show_identity_toggled)
        self.identity_box = QGroupBox()
        self.identity_box.setProperty("role", "identity")
        self.name, self.birth_date = QLineEdit(), QLineEdit()
        self.contact, self.documents = QLineEdit(), QLineEdit()
        self._identity = WitnessIdentity()
        form = QFormLayout()
        self.add_row(form, lambda: self.tr("Pseudonym:"), self.pseudonym)
        self.add_row(form, lambda: self.tr("Gender:"), self.gender)
        self.add_row(form, lambda: self.tr("Age group:"), self.age_group)
        self.add_row(form, lambda: self.tr("Role:"), self.role)
        id_form = QFormLayout(self.identity_box)
        self.add_row(id_form, lambda: self.tr("Full name:"), self.name)
        self.add_row(id_form, lambda: self.tr("Date of birth:"), self.birth_date)
        self.add_row(id_form, lambda: self.tr("Contact:"), self.contact)
        self.add_row(id_form, lambda: self.tr("Documents:"), self.documents)
        self.identity_note = QLabel()
        self.identity_note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.identity_note)
        layout.addWidget(self.show_identity)
        layout.addWidget(self.identity_box)
        layout.addStretch(1)
        self.identity_box.hide()
        self.watch(self.pseudonym, self.gender, self.age_group, self.role, self.name,
                   self.birth_date, self.contact, self.documents)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        for i, text in enumerate((self.tr("Victim"), self.tr("Witness"), self.tr("Relative"),
                                  self.tr("Other"))):
            self.role.setItemText(i, text)
        self.show_identity.setText(self.tr("Hide identity") if self.show_identity.isChecked()
                                   else self.tr("Show identity"))
        self.identity_box.setTitle(self.tr("Identity (kept separately, never exported "
                                           "without need)"))
        self.identity_note.setText(self.tr("The real name and contacts stay hidden until you "
                                           "ask. Make sure nobody is looking at the screen."))

    def _identity_widgets(self) -> tuple[QLineEdit, ...]:
        return (self.name, self.birth_date, self.contact, self.documents)

    def _on_show_identity_toggled(self, shown: bool) -> None:
        if shown:
            self.loading = True
            for w, v in zip(self._identity_widgets(), (self._identity.name,
                            self._identity.birth_date, self._identity.contact,
                            self._identity.documents), strict=True):
                w.setText(v)
            self.loading = False
        else:
            self._identity = self._identity_from_widgets()
            for w in self._identity_widgets():
                w.clear()
        self.identity_box.setVisible(shown)
        self.retranslate()
        self.identity_toggled.emit(shown)

    def _identity_from_widgets(self) -> WitnessIdentity:
        return WitnessIdentity(self.name.text(), self.birth_date.text(), self.contact.text(),
                               self.documents.text())

    def load(self, t: Testimony) -> None:
        w = t.witness
        self.pseudonym.setText(w.pseudonym)
        self.gender.setText(w.gender)
        self.age_group.setText(w.age_group)
        set_combo(self.role, w.role)
        self._identity = t.identity
        self.show_identity.setChecked(False)
        for edit in self._identity_widgets():
            edit.clear()

    def apply(self, d: TestimonyDraft) -> None:
        d.witness.pseudonym, d.witness.gender = self.pseudonym.text(), self.gender.text()
        d.witness.age_group = self.age_group.text()
        d.witness.role = str(self.role.currentData() or "victim")
        d.identity = (self._identity_from_widgets() if self.show_identity.isChecked()
                      else self._identity)


class TextSection(Section):
    """A large text (the witness's account) or the interviewer's notes plus assessment."""

    def __init__(self, with_assessment: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.text, 1)
        self.with_assessment = with_assessment
        self.reliability, self.follow_up, self.referrals = QLineEdit(), QLineEdit(), QLineEdit()
        if with_assessment:
            form = QFormLayout()
            self.add_row(form, lambda: self.tr("Reliability:"), self.reliability)
            self.add_row(form, lambda: self.tr("Follow-up:"), self.follow_up)
            self.add_row(form, lambda: self.tr("Referrals:"), self.referrals)
            layout.addLayout(form)
            self.watch(self.reliability, self.follow_up, self.referrals)
        self.watch(self.text)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        if self.with_assessment:
            self.hint.setText(self.tr("Your own notes: observations, context, what to check. "
                                      "They are not part of the witness's words."))
            self.text.setAccessibleName(self.tr("Interviewer notes"))
        else:
            self.hint.setText(self.tr("The witness's account, as close to their own words as "
                                      "possible."))
            self.text.setAccessibleName(self.tr("Witness's account"))

    def load(self, t: Testimony) -> None:
        self.text.setPlainText(t.notes if self.with_assessment else t.narrative)
        self.reliability.setText(t.assessment.reliability)
        self.follow_up.setText(t.assessment.follow_up)
        self.referrals.setText(t.assessment.referrals)

    def apply(self, d: TestimonyDraft) -> None:
        if self.with_assessment:
            d.notes = self.text.toPlainText()
            d.assessment.reliability = self.reliability.text()
            d.assessment.follow_up = self.follow_up.text()
            d.assessment.referrals = self.referrals.text()
        else:
            d.narrative = self.text.toPlainText()
