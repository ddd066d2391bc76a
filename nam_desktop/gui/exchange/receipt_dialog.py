"""HQ's receipt: mark delivered testimonies, then offer to destroy what HQ holds.

``apply_receipt`` checks the receipt against the pinned key card and this device. The
dialog then shows, file by file, what can be destroyed (HQ's receipt lists its exact
SHA-256) and what is kept (HQ does not have it: typically the originals, which the
default export does not send). "Destroy files HQ holds…" crypto-shreds only the first
list (``purge.purge``); "Destroy files HQ does not have…" is a separate button with its
own question (``purge.destroy_unsent``). Both questions default to No. An old receipt
(format v1) lists no files, so nothing can be destroyed with it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nam_desktop.core.exchange import purge, receipt
from nam_desktop.core.exchange.keycard import current_keycard
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.exchange.exchange_text import (
    NO_KEYCARD_FOR_RECEIPT,
    error_text,
    read_exchange_file,
    tr,
)
from nam_desktop.gui.widgets.context import AppContext
from nam_desktop.gui.widgets.dates import local_date


def _label(role: str = "") -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if role:
        label.setProperty("role", role)
    return label


class ReceiptDialog(QDialog):
    receipt_applied = Signal(object)  # ReceiptResult
    purged = Signal(int)  # files destroyed that HQ holds
    unsent_destroyed = Signal(int)  # files destroyed that HQ does not have

    def __init__(self, ctx: AppContext, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._vault = vault
        self.receipt_result: receipt.ReceiptResult | None = None
        self.plan: purge.PurgePlan | None = None
        self._titles: dict[str, str] = {}
        self._delivered_lines: list[str] = []
        self.intro = _label()
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self._on_open_clicked)
        self.error = _label("error")
        self.outcome = _label("status")
        self.signer = _label()
        self.delivered = QListWidget()
        self.unknown = _label("warning")
        self.legacy = _label("warning")
        self.purge_note = _label("warning")
        self.destroy_summary = _label()
        self.destroy_list = QListWidget()
        self.purge_button = QPushButton()
        self.purge_button.clicked.connect(self.purge)
        self.keep_summary = _label("status")
        self.keep_list = QListWidget()
        self.unsent_button = QPushButton()
        self.unsent_button.clicked.connect(self.destroy_unsent)
        self.purge_done = _label("status")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(row)
        for w in (self.error, self.outcome, self.signer):
            layout.addWidget(w)
        layout.addWidget(self.delivered, 1)
        for w in (self.unknown, self.legacy, self.purge_note, self.destroy_summary):
            layout.addWidget(w)
        layout.addWidget(self.destroy_list, 1)
        layout.addWidget(self.purge_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.keep_summary)
        layout.addWidget(self.keep_list, 1)
        layout.addWidget(self.unsent_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.purge_done)
        layout.addWidget(self.buttons)
        self._hide_all()
        self.resize(640, 620)
        self.retranslate()

    def _result_widgets(self) -> tuple[QWidget, ...]:
        return (self.error, self.outcome, self.signer, self.delivered, self.unknown,
                self.legacy, self.purge_done, *self._plan_widgets())

    def _plan_widgets(self) -> tuple[QWidget, ...]:
        return (self.purge_note, self.destroy_summary, self.destroy_list, self.purge_button,
                self.keep_summary, self.keep_list, self.unsent_button)

    def _hide_all(self) -> None:
        for w in self._result_widgets():
            w.hide()

    # ---- import --------------------------------------------------------------------------
    def _on_open_clicked(self) -> None:
        paths = self._ctx.dialogs.choose_files(self, self.tr("HQ receipt"))
        if paths:
            self.import_file(paths[0])

    def import_file(self, path: Path) -> None:
        data, why = read_exchange_file(path, receipt.MAX_RECEIPT)
        if data is None:
            self._show_error(why)
            return
        self.apply(data)

    def apply(self, data: bytes) -> None:
        self._hide_all()
        self.plan = None
        try:
            if current_keycard(self._vault) is None:
                self._show_error(tr(NO_KEYCARD_FOR_RECEIPT))
                return
            result = receipt.apply_receipt(self._vault, data)
        except Exception as exc:  # every refusal is shown in words; nothing was changed
            self._show_error(error_text(exc))
            return
        self.receipt_result = result
        summaries = {s.id: s for s in TestimonyRepository(self._vault).list()}
        self._titles = {tid: s.title or s.pseudonym or "—" for tid, s in summaries.items()}
        self._delivered_lines = [
            f"{s.title or '—'} — {s.pseudonym} — {local_date(s.interview_date)}"
            if (s := summaries.get(tid)) is not None else tid for tid in result.delivered]
        self._refresh_plan()
        self._show_result()
        self.receipt_applied.emit(result)

    def _refresh_plan(self) -> None:
        result = self.receipt_result
        self.plan = purge.plan(self._vault) if result is not None and result.lists_entries \
            else None

    def _show_result(self) -> None:
        result = self.receipt_result
        if result is None:
            return
        if result.delivered:
            self.outcome.setText(self.tr("HQ confirmed that it received your bundles. These "
                                         "testimonies are now marked delivered:"))
        else:
            self.outcome.setText(self.tr("The receipt is valid. No testimony changed: "
                                         "everything it lists was already marked delivered "
                                         "or has been edited since."))
        self.outcome.show()
        if result.lists_entries:
            self.signer.setText(self.tr("Signed by HQ's receipt key %1 (key card no. %2).")
                                .replace("%1", result.key_id)
                                .replace("%2", str(result.card_serial)))
        self.signer.setVisible(result.lists_entries)
        self.delivered.clear()
        self.delivered.addItems(self._delivered_lines)  # read at import: no vault access here
        self.delivered.setVisible(bool(result.delivered))
        if result.unknown_bundles:
            self.unknown.setText(self.tr(
                "The receipt also lists %n bundles that this vault did not make. Tell HQ: "
                "they may have mixed up devices.", "", len(result.unknown_bundles)))
        self.unknown.setVisible(bool(result.unknown_bundles))
        self.legacy.setText(self.tr(
            "This receipt comes from an older HQ program: it does not list the files HQ "
            "received, so no file can be destroyed with it. Ask HQ for a new receipt."))
        self.legacy.setVisible(not result.lists_entries)
        self._show_plan()

    def _file_line(self, f: purge.LocalFile) -> str:
        copy = self.tr("original") if f.variant == "original" else self.tr("cleaned copy")
        return f"{self._titles.get(f.testimony_id, f.testimony_id)} — {f.filename} ({copy})"

    def _show_plan(self) -> None:
        plan = self.plan
        if plan is None or not plan.files:
            for w in self._plan_widgets():
                w.hide()
            return
        self.purge_note.show()
        destroy, keep = plan.destroy, plan.keep
        self.destroy_summary.setText(self.tr(
            "%n files on this computer can be destroyed: HQ holds exact copies (same "
            "SHA-256).", "", len(destroy)))
        self.destroy_list.clear()
        self.destroy_list.addItems([self._file_line(f) for f in destroy])
        for w in (self.destroy_summary, self.destroy_list, self.purge_button):
            w.setVisible(bool(destroy))
        self.purge_button.setEnabled(bool(destroy))
        self.keep_summary.setText(self.kept_text(plan))
        self.keep_list.clear()
        self.keep_list.addItems([self._file_line(f) for f in keep])
        for w in (self.keep_summary, self.keep_list, self.unsent_button):
            w.setVisible(bool(keep))
        self.unsent_button.setEnabled(bool(keep))

    def kept_text(self, plan: purge.PurgePlan) -> str:
        """"3 originals that HQ has not received stay on this computer." (and cleaned
        copies, if any): under the list, and in the question before destroying what HQ
        holds, so that nobody takes the originals to be gone too."""
        lines = []
        if n := plan.kept("original"):
            lines.append(self.tr("%n originals that HQ has not received stay on this "
                                 "computer.", "", n))
        if n := plan.kept("cleaned"):
            lines.append(self.tr("%n cleaned copies that HQ has not received stay on this "
                                 "computer.", "", n))
        return "\n".join(lines)

    # ---- destroying ----------------------------------------------------------------------
    def purge(self) -> None:
        """Crypto-shred the files HQ holds exact copies of, after a question (default No)."""
        plan = self.plan
        if plan is None or not plan.destroy:
            return
        text = self.tr("Destroy %n files on this computer? HQ holds exact copies of them. "
                       "The text of the testimonies and the record of what was sent stay. "
                       "This cannot be undone.", "", len(plan.destroy))
        if plan.keep:
            text += "\n\n" + self.kept_text(plan)
        if not self._ctx.prompter.ask(self, self.tr("Destroy files on this computer?"), text,
                                      default_no=True, yes_text=self.tr("Destroy")):
            return
        try:
            done = purge.purge(self._vault, plan)
        except Exception as exc:  # shown in words; the transaction left nothing half done
            self._show_error(error_text(exc))
            return
        self._after_destroying(self.tr("%n files destroyed.", "", len(done)))
        self.purged.emit(len(done))

    def destroy_unsent(self) -> None:
        """Destroy files HQ does not have: its own, sterner question (default No)."""
        plan = self.plan
        if plan is None or not plan.keep:
            return
        if not self._ctx.prompter.ask(
                self, self.tr("Destroy files HQ does not have?"),
                self.tr("HQ does NOT have the %n files listed here: they exist only on "
                        "this computer. If you destroy them, they are lost for good, as "
                        "evidence too. Destroy them anyway?", "", len(plan.keep)),
                default_no=True, yes_text=self.tr("Destroy anyway")):
            return
        try:
            done = purge.destroy_unsent(self._vault, plan)
        except Exception as exc:  # shown in words; the transaction left nothing half done
            self._show_error(error_text(exc))
            return
        self._after_destroying(self.tr("%n files that HQ did not have were destroyed.", "",
                                       len(done)))
        self.unsent_destroyed.emit(len(done))

    def _after_destroying(self, text: str) -> None:
        self._refresh_plan()
        self._show_plan()
        self.purge_done.setText(text)
        self.purge_done.show()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    # ---- text ----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("HQ receipt"))
        self.intro.setText(self.tr(
            "When your bundle has arrived, HQ sends you a receipt file. Importing it marks "
            "the testimonies HQ received as delivered."))
        self.open_button.setText(self.tr("Open receipt file…"))
        self.purge_note.setText(self.tr(
            "If this computer might be seized, you can destroy here the attached files of "
            "delivered testimonies that HQ holds exact copies of. Files HQ has not received "
            "(usually the originals) are kept; only a separate button destroys them. The "
            "text of the testimonies and the record of what was sent stay. This cannot be "
            "undone."))
        self.purge_button.setText(self.tr("Destroy files HQ holds…"))
        self.unsent_button.setText(self.tr("Destroy files HQ does not have…"))
        self.delivered.setAccessibleName(self.tr("Delivered testimonies"))
        self.destroy_list.setAccessibleName(self.tr("Files HQ holds"))
        self.keep_list.setAccessibleName(self.tr("Files HQ does not have"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self._show_result()

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def wipe(self) -> None:
        for w in (self.delivered, self.destroy_list, self.keep_list):
            w.clear()
        self._titles, self._delivered_lines = {}, []
        self.receipt_result, self.plan = None, None
        self.reject()
