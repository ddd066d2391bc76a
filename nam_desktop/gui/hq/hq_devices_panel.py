"""HQ: the register of interviewer devices (with the fingerprint to compare before
registering) and the alarms to review (missing bundles, copied keys, conflicts)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nam_desktop.core.errors import ValidationError
from nam_desktop.core.exchange import hq_identity, hq_import
from nam_desktop.core.exchange.device_key import KeyInput, check_device_key
from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.hq.hq_messages import alarm_text, fill
from nam_desktop.gui.widgets.context import AppContext
from nam_desktop.gui.widgets.dates import local_time

FP_ROLE = Qt.ItemDataRole.UserRole + 1

KEY_PROBLEM_TEXT = {  # what went wrong in the typed fingerprint; %1: the characters
    KeyInput.CYRILLIC: QT_TRANSLATE_NOOP(
        "HqDevicesPanel", "Cyrillic letters were typed: %1. A fingerprint has only Latin "
        "letters A–Z and digits 2–7: switch the keyboard to English (Latin) and type them "
        "again."),
    KeyInput.NOT_IN_FINGERPRINT: QT_TRANSLATE_NOOP(
        "HqDevicesPanel", "A fingerprint never has 0, 1, 8 or 9 (typed: %1): its digits are "
        "2–7 only. Did the interviewer say the letter O or I?"),
    KeyInput.FOREIGN: QT_TRANSLATE_NOOP(
        "HqDevicesPanel", "These characters cannot be in a fingerprint: %1. Type only Latin "
        "letters A–Z, digits 2–7 and dashes."),
    KeyInput.TOO_LONG: QT_TRANSLATE_NOOP(
        "HqDevicesPanel", "Too long: a fingerprint has six groups of four characters, a "
        "public key 64 hex characters."),
}


def _table(columns: int) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _cell(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setToolTip(text)
    return item


class HqDevicesPanel(QWidget):
    receipt_requested = Signal(str, str)  # fingerprint, how the device is shown
    devices_changed = Signal()

    def __init__(self, ctx: AppContext, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._vault = vault
        self.names: dict[str, str] = {}
        self.table = _table(7)
        self.table.itemSelectionChanged.connect(self._on_selection_changed)
        self.receipt_button = QPushButton()
        self.receipt_button.clicked.connect(self._on_receipt_clicked)
        self.receipt_button.setEnabled(False)
        self.box = QGroupBox()
        self.key_input = QLineEdit()
        self.key_input.textChanged.connect(self._on_key_changed)
        self.key_problem = QLabel()  # a specific reason, under the field, when there is one
        self.key_problem.setWordWrap(True)
        self.key_problem.setProperty("role", "error")
        self.key_problem.hide()
        key_box = QWidget()
        key_layout = QVBoxLayout(key_box)
        key_layout.setContentsMargins(0, 0, 0, 0)
        key_layout.addWidget(self.key_input)
        key_layout.addWidget(self.key_problem)
        self.name_input = QLineEdit()
        self.name_input.setMaxLength(200)
        self.name_input.textChanged.connect(self._on_key_changed)
        self.preview = QLabel()
        self.preview.setProperty("role", "fingerprint")
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview_hint = QLabel()
        self.preview_hint.setWordWrap(True)
        self.preview_hint.setProperty("role", "hint")
        self.register_button = QPushButton()
        self.register_button.clicked.connect(self.register)
        self.form = QFormLayout(self.box)
        self.form.addRow(QLabel(), key_box)
        self.form.addRow(QLabel(), self.name_input)
        self.form.addRow(QLabel(), self.preview)
        self.form.addRow("", self.preview_hint)
        self.form.addRow("", self.register_button)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.receipt_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.box)
        self.retranslate()  # and refresh()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("Fingerprint"), self.tr("Public key"),
            self.tr("Bundles"), self.tr("Last bundle no."), self.tr("Last import"),
            self.tr("PDF certificate")])
        self.table.setAccessibleName(self.tr("Registered devices"))
        self.receipt_button.setText(self.tr("Save receipt…"))
        self.box.setTitle(self.tr("Register an interviewer's device"))
        for row, text in enumerate((self.tr("Fingerprint or key:"), self.tr("Name:"),
                                    self.tr("Compare:"))):
            item = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            label = item.widget() if item is not None else None
            if isinstance(label, QLabel):
                label.setText(text)
        self.key_input.setPlaceholderText(self.tr("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX or 64 hex "
                                                  "characters"))
        self.key_input.setAccessibleName(self.tr("Device fingerprint or public key"))
        self.name_input.setPlaceholderText(self.tr("e.g. the interviewer's code name"))
        self.name_input.setAccessibleName(self.tr("Device name"))
        self.register_button.setText(self.tr("Register device"))
        self._on_key_changed()
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ---- the register --------------------------------------------------------------------
    def refresh(self) -> None:
        if not self._vault.is_open:  # locked: nothing to show
            return
        devices = hq_identity.devices(self._vault)
        by_device: dict[str, list[hq_import.ImportedBundle]] = {}
        for b in hq_import.imported_bundles(self._vault):  # by device, then sequence
            by_device.setdefault(b.device_fingerprint, []).append(b)
        self.names = {d.fingerprint: d.name for d in devices}
        selected = self.selected_fingerprint()
        self.table.setRowCount(len(devices))
        for row, d in enumerate(devices):
            mine = by_device.get(d.fingerprint, [])
            last = mine[-1] if mine else None
            cells = (d.name, d.fingerprint,
                     self.tr("known") if d.public_key else self.tr("fingerprint only"),
                     str(len(mine)), str(last.seq) if last else "—",
                     local_time(last.imported_at) if last else "—",
                     # Issued at registration or import once a bundle brought the key.
                     local_time(d.pdf_certified_at) if d.pdf_certified_at
                     else self.tr("not yet (after its next bundle)"))
            for col, text in enumerate(cells):
                item = _cell(text)
                item.setData(FP_ROLE, d.fingerprint)
                self.table.setItem(row, col, item)
            if d.fingerprint == selected:
                self.table.selectRow(row)
        self._on_selection_changed()

    def selected_fingerprint(self) -> str:
        items = self.table.selectedItems()
        return str(items[0].data(FP_ROLE)) if items else ""

    def select(self, fingerprint: str) -> None:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(FP_ROLE) == fingerprint:
                self.table.selectRow(row)
                return

    def _on_selection_changed(self) -> None:
        fp = self.selected_fingerprint()
        has_bundles = any(b.device_fingerprint == fp
                          for b in hq_import.imported_bundles(self._vault)) \
            if fp and self._vault.is_open else False
        self.receipt_button.setEnabled(has_bundles)
        self.receipt_button.setToolTip("" if has_bundles or not fp else self.tr(
            "Nothing has been imported from this device yet."))

    def _on_receipt_clicked(self) -> None:
        fp = self.selected_fingerprint()
        if fp:
            self.receipt_requested.emit(fp, f"{self.names.get(fp, '')} ({fp})")

    # ---- registering ---------------------------------------------------------------------
    def prefill(self, fingerprint: str) -> None:
        """Start registering a device whose fingerprint came from a refused bundle."""
        self.key_input.setText(fingerprint)
        self.name_input.setFocus()

    def parsed(self) -> tuple[str, bytes | None] | None:
        try:
            return hq_identity.parse_device_key(self.key_input.text())
        except ValidationError:
            return None

    def _on_key_changed(self) -> None:
        parsed = self.parsed()
        check = check_device_key(self.key_input.text())
        problem = KEY_PROBLEM_TEXT.get(check.problem) if check.problem else None
        self.key_problem.setVisible(problem is not None)
        self.key_problem.setText(fill(self.tr(problem), ", ".join(check.characters))
                                 if problem else "")
        if parsed is None:
            self.preview.setText("—")
            self.preview_hint.setText(self.tr(
                "Type the fingerprint the interviewer reads to you (their app shows it under "
                "Settings): six groups of four Latin letters A–Z and digits 2–7. Or paste "
                "their 64-character public key."))
        else:
            self.preview.setText(parsed[0])
            self.preview_hint.setText(self.tr(
                "Read these six groups back to the interviewer, in person or by phone, and "
                "compare them with their screen before you register."))
        self.register_button.setEnabled(parsed is not None and bool(self.name_input.text()
                                                                    .strip()))

    def register(self) -> bool:
        parsed = self.parsed()
        name = self.name_input.text().strip()
        if parsed is None or not name:
            return False
        fingerprint = parsed[0]
        known = self.names.get(fingerprint)
        question = fill(self.tr(
            "Register this device as “%1”?\n\n%2\n\nRegister it only if the interviewer "
            "confirmed these exact six groups in person or by phone: once it is registered, "
            "bundles signed with this device are accepted."), name, fingerprint)
        if known is not None:
            question += "\n\n" + fill(self.tr("It is registered already, as “%1”: the name "
                                              "will change."), known)
        if not self._ctx.prompter.ask(self, self.tr("Register device"), question):
            return False
        try:
            hq_identity.register_device(self._vault, self.key_input.text(), name)
        except Exception as exc:  # shown to the user in words
            self._ctx.prompter.error(self, self.tr("Register device"), exc)
            return False
        self.key_input.clear()
        self.name_input.clear()
        self.refresh()
        self.select(fingerprint)
        self.devices_changed.emit()
        return True

    def wipe(self) -> None:
        self.table.setRowCount(0)
        self.key_input.clear()
        self.name_input.clear()
        self.names = {}


class HqAlarmsPanel(QWidget):
    """Gaps, forks and conflicts recorded by imports, newest first."""

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setProperty("role", "hint")
        self.table = _table(5)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        self._names: dict[str, str] = {}
        self.retranslate()

    def retranslate(self) -> None:
        self.hint.setText(self.tr(
            "A missing bundle may mean a lost stick. A fork means two different bundles "
            "carry the same number: the device key may have been copied — talk to the "
            "interviewer before importing more from that device. Conflicts name items that "
            "arrived with different content."))
        self.table.setHorizontalHeaderLabels([
            self.tr("When"), self.tr("Kind"), self.tr("Device"), self.tr("Bundle"),
            self.tr("Technical details")])
        self.table.setAccessibleName(self.tr("Alarms"))
        self.refresh(self._names)

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self, names: dict[str, str]) -> int:
        """Reload; ``names`` maps fingerprints to device names. Returns the alarm count."""
        self._names = dict(names)
        if not self._vault.is_open:
            return 0
        rows = list(reversed(hq_import.alarms(self._vault)))
        self.table.setRowCount(len(rows))
        for row, alarm in enumerate(rows):
            device = str(alarm["device"])
            who = f"{names[device]} ({device})" if device in names else device
            for col, text in enumerate((local_time(str(alarm["ts"])),
                                        alarm_text(str(alarm["kind"])), who,
                                        str(alarm["bundle_id"]), str(alarm["detail"]))):
                self.table.setItem(row, col, _cell(text))
        return len(rows)

    def wipe(self) -> None:
        self.table.setRowCount(0)
