"""The Acts section: a list of acts and the form of the selected one.

The violation type comes from the controlled vocabulary through a picker with a search
field; labels and the definitions shown as tooltips follow the UI language. A new act has
no type until the interviewer picks one: the picker opens unfiltered with nothing chosen,
the rest of the form waits for the type (so nothing typed can be lost: an act without a
type is not saved), and finalising names the act still without a type.
"""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nam_desktop.core.model.records import Act, Perpetrator, Testimony, TestimonyDraft
from nam_desktop.core.model.vocabulary import Vocabulary
from nam_desktop.gui.interviewer.editor_sections import Section, date_edit, set_combo, valid_date

PRECISIONS = ("exact", "month", "year", "range", "unknown")


class VocabularyPicker(QWidget):
    """A search field over the vocabulary labels and the filtered list under it."""

    def __init__(self, vocabulary: Vocabulary, language: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vocabulary = vocabulary
        self.language = language
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search_changed)
        self.list = QListWidget()
        self.list.setMaximumHeight(130)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        self.fill()

    def fill(self) -> None:
        current = self.code()
        self.list.clear()
        for term in self._vocabulary.terms:
            if term.retired:
                continue
            item = QListWidgetItem(term.label(self.language))
            item.setData(Qt.ItemDataRole.UserRole, term.code)
            item.setToolTip(term.definition(self.language))  # what the type covers
            self.list.addItem(item)
        self.set_code(current)
        self._on_search_changed(self.search.text())

    def _on_search_changed(self, text: str) -> None:
        needle = text.strip().casefold()
        for i in range(self.list.count()):
            item = self.list.item(i)
            term = self._vocabulary.get(str(item.data(Qt.ItemDataRole.UserRole)))
            hay = " ".join([*(term.labels.values() if term else ()), item.text()]).casefold()
            item.setHidden(bool(needle) and needle not in hay)

    def code(self) -> str:
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""

    def set_code(self, code: str) -> None:
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == code:
                self.list.setCurrentRow(i)
                self.list.scrollToItem(self.list.item(i))
                return
        self.list.setCurrentRow(-1)
        self.list.clearSelection()
        self.list.scrollToTop()

    def reset(self, code: str) -> None:
        """Unfiltered, scrolled to ``code`` (or the top when there is none yet)."""
        self.search.clear()
        self.set_code(code)


class ActsSection(Section):
    def __init__(self, vocabulary: Vocabulary, language: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vocabulary = vocabulary
        self.acts: list[Act] = []
        self.list = QListWidget()
        self.list.currentRowChanged.connect(self._on_current_row_changed)
        self.add_button, self.remove_button = QPushButton(), QPushButton()
        self.add_button.clicked.connect(self.add_act)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.picker = VocabularyPicker(vocabulary, language)
        self.picker.list.currentRowChanged.connect(self._on_form_edited)
        self.date, self.date_end = date_edit(), date_edit()
        self.precision = QComboBox()
        for code in PRECISIONS:
            self.precision.addItem("", code)
        self.place, self.victims, self.status_after = QLineEdit(), QLineEdit(), QLineEdit()
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setMaximumHeight(90)
        self.perpetrators = QTableWidget(0, 3)
        self.perpetrators.setMaximumHeight(110)
        self.perpetrators.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch)
        self.perpetrators.verticalHeader().hide()
        self.perpetrators.itemChanged.connect(self._on_form_edited)
        self.add_perp, self.remove_perp = QPushButton(), QPushButton()
        self.add_perp.clicked.connect(self._on_add_perp_clicked)
        self.remove_perp.clicked.connect(self._on_remove_perp_clicked)
        for w in (self.date, self.date_end, self.place, self.victims, self.status_after):
            w.textEdited.connect(self._on_form_edited)
        self.precision.activated.connect(self._on_form_edited)
        self.description.textChanged.connect(self._on_form_edited)

        left = QWidget()
        lv = QHBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.list, 1)
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        lv.addLayout(buttons)
        self.list.setMaximumHeight(120)
        self.form_widget = QWidget()
        form = QFormLayout(self.form_widget)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.type_hint = QLabel()  # shown while the selected act has no type
        self.type_hint.setProperty("role", "warning")
        self.type_hint.setWordWrap(True)
        form.addRow(self.type_hint)
        self.add_row(form, lambda: self.tr("Type:"), self.picker)
        dates = QHBoxLayout()
        dates.addWidget(self.date)
        dates.addWidget(self.date_end)
        dates.addWidget(self.precision)
        dates.addStretch(1)
        date_box = QWidget()
        date_box.setLayout(dates)
        dates.setContentsMargins(0, 0, 0, 0)
        self.add_row(form, lambda: self.tr("Date, until, precision:"), date_box)
        self.add_row(form, lambda: self.tr("Place:"), self.place)
        self.add_row(form, lambda: self.tr("Victims:"), self.victims)
        self.add_row(form, lambda: self.tr("Status afterwards:"), self.status_after)
        self.add_row(form, lambda: self.tr("What happened:"), self.description)
        perp_box = QWidget()
        pv = QVBoxLayout(perp_box)
        pv.setContentsMargins(0, 0, 0, 0)
        pv.addWidget(self.perpetrators)
        prow = QHBoxLayout()
        prow.addWidget(self.add_perp)
        prow.addWidget(self.remove_perp)
        prow.addStretch(1)
        pv.addLayout(prow)
        self.add_row(form, lambda: self.tr("Perpetrators:"), perp_box)
        self.details = (date_box, self.place, self.victims, self.status_after,
                        self.description, perp_box)  # wait for the type
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.form_widget)
        self.scroll = scroll
        layout = QVBoxLayout(self)
        layout.addWidget(left)
        layout.addWidget(scroll, 1)
        self.retranslate()
        self._show_form()

    def retranslate(self) -> None:
        super().retranslate()
        self.add_button.setText(self.tr("Add act"))
        self.remove_button.setText(self.tr("Remove"))
        self.add_perp.setText(self.tr("Add perpetrator"))
        self.remove_perp.setText(self.tr("Remove"))
        self.picker.search.setPlaceholderText(self.tr("Search violation types…"))
        self.picker.search.setAccessibleName(self.tr("Search violation types"))
        self.picker.list.setAccessibleName(self.tr("Violation type"))
        self.list.setAccessibleName(self.tr("Acts"))
        self.date.setAccessibleName(self.tr("Date of the act"))
        self.date_end.setAccessibleName(self.tr("Until"))
        self.precision.setAccessibleName(self.tr("Precision of the date"))
        self.type_hint.setText(self.tr("Choose the violation type of this act first: the "
                                       "rest of the form opens once it is chosen."))
        self.perpetrators.setAccessibleName(self.tr("Perpetrators"))
        self.perpetrators.setHorizontalHeaderLabels(
            [self.tr("Unit"), self.tr("Rank"), self.tr("Description")])
        for i, text in enumerate((self.tr("exact day"), self.tr("month"), self.tr("year"),
                                  self.tr("range"), self.tr("unknown"))):
            self.precision.setItemText(i, text)
        self._refresh_list()

    def set_language(self, language: str) -> None:
        self.picker.language = language
        self.loading = True
        self.picker.fill()
        self.loading = False
        self._refresh_list()

    def _label(self, act: Act) -> str:
        term = self._vocabulary.get(act.type)
        label = term.label(self.picker.language) if term else (
            act.type or self.tr("(no type yet)"))
        return f"{label} · {act.date}" if act.date else label

    def _refresh_list(self) -> None:
        if not hasattr(self, "acts"):
            return
        for i, act in enumerate(self.acts):
            if i < self.list.count():
                self.list.item(i).setText(self._label(act))

    def load(self, t: Testimony) -> None:
        self.acts = [copy.deepcopy(a) for a in t.acts]
        self.list.blockSignals(True)
        self.list.clear()
        for act in self.acts:
            self.list.addItem(self._label(act))
        self.list.blockSignals(False)
        self.list.setCurrentRow(0 if self.acts else -1)
        self._show_form()

    def apply(self, d: TestimonyDraft) -> None:
        d.acts = [copy.deepcopy(a) for a in self.acts if a.type]

    def add_act(self) -> None:
        """A new act, without a type until the interviewer chooses one."""
        self.acts.append(Act(type=""))
        self.list.addItem(self._label(self.acts[-1]))
        self.list.setCurrentRow(len(self.acts) - 1)
        self.scroll.verticalScrollBar().setValue(0)  # the picker in view
        self.picker.search.setFocus()

    def untyped(self) -> int:
        """How many acts still have no violation type (they are not saved)."""
        return sum(1 for act in self.acts if not act.type)

    def _on_remove_clicked(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.acts):
            del self.acts[row]
            self.list.takeItem(row)
            self._changed()
        self._show_form()

    def _show_form(self) -> None:
        row = self.list.currentRow()
        selected = 0 <= row < len(self.acts)
        typed = selected and bool(self.acts[row].type)
        self.form_widget.setEnabled(selected)
        for widget in self.details:
            widget.setEnabled(typed)
        self.type_hint.setVisible(selected and not typed)
        self.remove_button.setEnabled(selected)

    def _on_current_row_changed(self, row: int) -> None:
        self._show_form()
        if not 0 <= row < len(self.acts):
            return
        act = self.acts[row]
        self.loading = True
        self.picker.reset(act.type)  # not filtered by what was typed for another act
        self.date.setText(act.date)
        self.date_end.setText(act.date_end)
        set_combo(self.precision, act.date_precision)
        self.place.setText(act.place)
        self.victims.setText(act.victims)
        self.status_after.setText(act.status_after)
        self.description.setPlainText(act.description)
        self.perpetrators.setRowCount(0)
        for p in act.perpetrators:
            self._append_perp(p)
        self.loading = False

    def _append_perp(self, p: Perpetrator) -> None:
        r = self.perpetrators.rowCount()
        self.perpetrators.insertRow(r)
        for c, v in enumerate((p.unit, p.rank, p.description)):
            self.perpetrators.setItem(r, c, QTableWidgetItem(v))

    def _on_add_perp_clicked(self) -> None:
        self._append_perp(Perpetrator())
        self._on_form_edited()

    def _on_remove_perp_clicked(self) -> None:
        self.perpetrators.removeRow(max(0, self.perpetrators.currentRow()))
        self._on_form_edited()

    def _on_form_edited(self) -> None:
        row = self.list.currentRow()
        if self.loading or not 0 <= row < len(self.acts):
            return
        act = self.acts[row]
        had_type = bool(act.type)
        act.type = self.picker.code() or act.type
        if act.type and not had_type:
            self._show_form()  # the type is chosen: the rest of the form opens
        date, end = self.date.text().strip(), self.date_end.text().strip()
        act.date = date if valid_date(date) else act.date
        act.date_end = end if valid_date(end) else act.date_end
        act.date_precision = str(self.precision.currentData() or "unknown")
        act.place, act.victims = self.place.text(), self.victims.text()
        act.status_after = self.status_after.text()
        act.description = self.description.toPlainText()
        perps = []
        for r in range(self.perpetrators.rowCount()):
            cells = [self.perpetrators.item(r, c) for c in range(3)]
            values = [c.text() if c is not None else "" for c in cells]
            if any(values):
                perps.append(Perpetrator(*values))
        act.perpetrators = perps
        self.list.item(row).setText(self._label(act))
        self._changed()
