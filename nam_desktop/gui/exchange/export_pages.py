"""The first two pages of the export wizard: what to send, and where to write it.

``ChoosePage`` lists every testimony with its status (final, exported and awaiting HQ's
receipt, delivered) and checks the core's default selection; ``DestinationPage`` lists
removable drives with free space and file system, or a folder chosen through
:class:`~nam_desktop.gui.widgets.file_dialogs.FileDialogs` (no dialog history is kept).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from nam_desktop.core.exchange import destination
from nam_desktop.core.model.records import TestimonySummary
from nam_desktop.gui.exchange.exchange_text import size_text
from nam_desktop.gui.exchange.export_host import ExportHost
from nam_desktop.gui.widgets.dates import local_date
from nam_desktop.gui.widgets.testimony_model import status_text

PATH_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def wrapped_label(role: str = "") -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if role:
        label.setProperty("role", role)
    return label


class ExportPage(QWizardPage):
    def __init__(self, wizard: ExportHost) -> None:
        super().__init__()
        self.w = wizard

    def retranslate(self) -> None:  # pragma: no cover - overridden
        pass

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class ChoosePage(ExportPage):
    """Which testimonies, and whether originals and identity go too."""

    def __init__(self, wizard: ExportHost) -> None:
        super().__init__(wizard)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(4)
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.tree.itemChanged.connect(self._on_item_changed)
        self.count = wrapped_label("hint")
        self.originals = QCheckBox()
        self.originals_note = wrapped_label("hint")
        self.identity = QCheckBox()
        self.identity_note = wrapped_label("hint")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.originals)
        layout.addWidget(self.originals_note)
        layout.addWidget(self.identity)
        layout.addWidget(self.identity_note)
        self._rows: list[TestimonySummary] = []
        self._not_sendable: set[str] = set()
        self._policy_keeps = self._card_accepts = True
        self.retranslate()

    def load(self, rows: list[TestimonySummary], default_ids: set[str],
             not_sendable: set[str]) -> None:
        self._rows = sorted(rows, key=lambda r: (r.interview_date, r.title), reverse=True)
        self._not_sendable = not_sendable
        self.tree.blockSignals(True)
        self.tree.clear()
        for s in self._rows:
            item = QTreeWidgetItem(self.tree)
            item.setData(0, ID_ROLE, s.id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Checked if s.id in default_ids
                               else Qt.CheckState.Unchecked)
        self.tree.blockSignals(False)
        self._fill_texts()

    def _fill_texts(self) -> None:
        self.tree.blockSignals(True)
        for s, item in zip(self._rows, self._items(), strict=False):
            status = status_text(s.status, self.w.states.get(s.id))
            if s.id in self._not_sendable:
                status += " — " + self.tr("no consent to send")
            for col, text in enumerate((s.title or "—", s.pseudonym,
                                        local_date(s.interview_date), status)):
                item.setText(col, text)
        self.tree.blockSignals(False)
        for col in range(3):
            self.tree.resizeColumnToContents(col)
        self._update_count()

    def _items(self) -> list[QTreeWidgetItem]:
        items = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [item for item in items if item is not None]

    def chosen_ids(self) -> list[str]:
        return [str(item.data(0, ID_ROLE)) for item in self._items()
                if item.checkState(0) == Qt.CheckState.Checked]

    def set_checked(self, testimony_id: str, checked: bool) -> None:
        for item in self._items():
            if item.data(0, ID_ROLE) == testimony_id:
                item.setCheckState(0, Qt.CheckState.Checked if checked
                                   else Qt.CheckState.Unchecked)

    def _on_item_changed(self, *_: Any) -> None:
        self._update_count()
        self.completeChanged.emit()

    def _update_count(self) -> None:
        chosen = len(self.chosen_ids())
        self.count.setText(self.tr("Testimonies chosen: %1 of %2.").replace(
            "%1", str(chosen)).replace("%2", str(len(self._rows))) if chosen else self.tr(
            "Nothing is chosen: tick at least one testimony to go on."))
        self.count.setProperty("role", "hint" if chosen else "error")
        self.count.style().unpolish(self.count)
        self.count.style().polish(self.count)

    def set_originals_allowed(self, policy_keeps: bool, card_accepts: bool) -> None:
        self._policy_keeps, self._card_accepts = policy_keeps, card_accepts
        allowed = policy_keeps and card_accepts
        self.originals.setEnabled(allowed)
        if not allowed:
            self.originals.setChecked(False)
        self._explain_originals()

    def _explain_originals(self) -> None:
        if not self._policy_keeps:
            text = self.tr("This vault does not keep original files (Settings → Files), so "
                           "only the cleaned copies can be sent.")
        elif not self._card_accepts:
            text = self.tr("HQ's key card asks for cleaned copies only.")
        else:
            text = self.tr("By default only the cleaned copies are sent: hidden information "
                           "such as location, camera serial number or author names has been "
                           "removed from them. Originals still contain it. Send them only if "
                           "HQ needs them to show that a file is authentic.")
        self.originals_note.setText(text)

    def isComplete(self) -> bool:  # Qt override
        return bool(self.chosen_ids())

    def retranslate(self) -> None:
        self.setTitle(self.tr("What to send"))
        self.setSubTitle(self.tr("Final testimonies not yet delivered to HQ are chosen. "
                                 "Drafts and testimonies without consent cannot be sent."))
        self.tree.setHeaderLabels([self.tr("Title"), self.tr("Pseudonym"),
                                   self.tr("Interview date"), self.tr("Status")])
        self.tree.setAccessibleName(self.tr("Testimonies to send"))
        self.originals.setText(self.tr("Include the original files"))
        self.identity.setText(self.tr("Include the witnesses' identity"))
        self.identity_note.setText(self.tr(
            "Name, birth date, contacts and documents stay on this computer unless you tick "
            "this. Send them only when HQ asked for them and the witness agreed."))
        self._explain_originals()
        if self._rows:
            self._fill_texts()


class DestinationPage(ExportPage):
    """Removable drives with free space and file system, or any folder."""

    def __init__(self, wizard: ExportHost) -> None:
        super().__init__(wizard)
        self.intro = wrapped_label()
        self.list = QListWidget()
        self.list.currentItemChanged.connect(self._on_current_changed)
        self.rescan_button = QPushButton()
        self.rescan_button.clicked.connect(self.rescan)
        self.folder_button = QPushButton()
        self.folder_button.clicked.connect(self._on_folder_clicked)
        self.none_found = wrapped_label("hint")
        self.choose_hint = wrapped_label("error")  # "Next" waits for a choice: say so
        buttons = QHBoxLayout()
        buttons.addWidget(self.rescan_button)
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.none_found)
        layout.addWidget(self.choose_hint)
        layout.addLayout(buttons)
        self._drives: list[destination.Drive] = []
        self._folder: Path | None = None
        self.retranslate()

    def initializePage(self) -> None:  # Qt override
        if self.list.count() == 0:
            self.rescan()

    def rescan(self) -> None:
        current = self.chosen()
        try:
            self._drives = self.w.list_drives()
        except OSError:
            self._drives = []
        self._fill(current)

    def _fill(self, keep: Path | None = None) -> None:
        self.list.clear()
        entries: list[tuple[Path, str, int, bool]] = [
            (d.path, d.filesystem, d.free, d.read_only) for d in self._drives]
        if self._folder is not None and all(e[0] != self._folder for e in entries):
            try:
                info = self.w.space(self._folder)
                entries.insert(0, (self._folder, info.filesystem, info.free, info.read_only))
            except OSError:
                entries.insert(0, (self._folder, "", -1, False))
        for path, fs, free, read_only in entries:
            item = QListWidgetItem(self._describe(path, fs, free, read_only))
            item.setData(PATH_ROLE, str(path))
            item.setToolTip(str(path))
            self.list.addItem(item)
            if keep is not None and path == keep:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count() == 1:
            self.list.setCurrentRow(0)
        # A chosen folder is a destination: "No USB stick found" no longer applies.
        self.none_found.setVisible(not self._drives and self._folder is None)
        self._on_current_changed()

    def _on_current_changed(self, *_: object) -> None:
        self.choose_hint.setVisible(self.list.count() > 0 and self.chosen() is None)
        self.completeChanged.emit()

    def _describe(self, path: Path, fs: str, free: int, read_only: bool) -> str:
        name = path.name or str(path)
        if free < 0:
            return name
        text = self.tr("%1 — %2 free, %3").replace("%1", name).replace(
            "%2", size_text(free)).replace("%3", fs or self.tr("unknown file system"))
        if read_only:
            text += " — " + self.tr("read-only")
        return text

    def choose_folder(self, folder: Path) -> None:
        self._folder = folder
        self._fill(folder)

    def _on_folder_clicked(self) -> None:
        chosen = self.w.ctx.dialogs.choose_folder(self, self.tr("Where to write the bundle"),
                                                  Path.home())
        if chosen is not None:
            self.choose_folder(chosen)

    def chosen(self) -> Path | None:
        item = self.list.currentItem()
        return Path(str(item.data(PATH_ROLE))) if item is not None else None

    def isComplete(self) -> bool:  # Qt override
        return self.chosen() is not None

    def retranslate(self) -> None:
        self.setTitle(self.tr("Where to write the bundle"))
        self.intro.setText(self.tr(
            "Plug in the USB stick you will carry to HQ and choose it. The bundle is "
            "encrypted for HQ: whoever finds the stick cannot read it."))
        self.none_found.setText(self.tr("No USB stick found. Plug one in and press \"Look "
                                        "again\", or choose a folder."))
        self.choose_hint.setText(self.tr("Choose where to write the bundle in the list "
                                         "above to go on."))
        self.rescan_button.setText(self.tr("Look again"))
        self.folder_button.setText(self.tr("Choose a folder…"))
        self.list.setAccessibleName(self.tr("Destinations"))
        if self.list.count():
            self._fill(self.chosen())
