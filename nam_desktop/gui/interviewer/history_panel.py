"""History: the immutable revisions and the audit events of one testimony."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.widgets.dates import local_time

ACTIONS = {
    "testimony.create": QT_TRANSLATE_NOOP("HistoryPanel", "created"),
    "testimony.update": QT_TRANSLATE_NOOP("HistoryPanel", "saved"),
    "testimony.reopen": QT_TRANSLATE_NOOP("HistoryPanel", "reopened for a new revision"),
    "testimony.finalize": QT_TRANSLATE_NOOP("HistoryPanel", "finalised"),
    "consent.given": QT_TRANSLATE_NOOP("HistoryPanel", "consent recorded"),
    "consent.changed": QT_TRANSLATE_NOOP("HistoryPanel", "consent changed"),
    "consent.withdrawn": QT_TRANSLATE_NOOP("HistoryPanel", "consent withdrawn"),
    "consent.renewed": QT_TRANSLATE_NOOP("HistoryPanel", "consent renewed"),
    "attachment.add": QT_TRANSLATE_NOOP("HistoryPanel", "file attached"),
    "attachment.delete": QT_TRANSLATE_NOOP("HistoryPanel", "file removed"),
}


class HistoryPanel(QWidget):
    def __init__(self, vault: Vault, repository: TestimonyRepository,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._repo = repository
        self._testimony_id = ""
        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setRootIsDecorated(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        self.retranslate()

    def retranslate(self) -> None:
        self.tree.setHeaderLabels([self.tr("When"), self.tr("What"), self.tr("Details")])
        self.tree.setAccessibleName(self.tr("History"))
        if self._testimony_id and self._vault.is_open:
            self.load(self._testimony_id)

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def clear(self) -> None:
        self._testimony_id = ""
        self.tree.clear()

    def load(self, testimony_id: str) -> None:
        self._testimony_id = testimony_id
        self.tree.clear()
        revisions = QTreeWidgetItem([self.tr("Revisions"), "", ""])
        for r in self._repo.revisions(testimony_id):
            QTreeWidgetItem(revisions, [local_time(r["created_at"]),
                                        self.tr("Revision %1").replace("%1", str(r["revision"])),
                                        r["content_hash"][:16]])
        events = QTreeWidgetItem([self.tr("Events"), "", ""])
        with self._vault.reading():
            entries = self._vault.audit.entries(testimony_id, limit=500)
        for e in entries:
            action = QCoreApplication.translate("HistoryPanel", ACTIONS.get(e.action, e.action))
            details = ", ".join(f"{k}={v}" for k, v in sorted(e.details.items())
                                if isinstance(v, int | bool | float))
            QTreeWidgetItem(events, [local_time(e.ts), action, details])
        self.tree.addTopLevelItems([revisions, events])
        revisions.setExpanded(True)
        events.setExpanded(True)
        self.tree.resizeColumnToContents(0)
