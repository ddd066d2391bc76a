"""History: the immutable revisions and the audit events of one testimony.

Autosave writes an audit entry per save (about 40 in five minutes of typing); the view
shows one "edited" row per editing session instead (saves less than
:data:`SESSION_GAP_S` apart, with no other event between them), with the number of saves
and the time span. The audit log itself keeps every entry.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.vault.audit import AuditEntry
from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.widgets.dates import local_time

SESSION_GAP_S = 30 * 60  # saves further apart than this start a new editing session
MAX_ENTRIES = 20_000  # a year of daily editing; rows are small
SAVED = "testimony.update"

ACTIONS = {
    "testimony.create": QT_TRANSLATE_NOOP("HistoryPanel", "created"),
    "testimony.update": QT_TRANSLATE_NOOP("HistoryPanel", "saved"),
    "testimony.reopen": QT_TRANSLATE_NOOP("HistoryPanel", "reopened for a new revision"),
    "testimony.finalize": QT_TRANSLATE_NOOP("HistoryPanel", "finalised"),
    "testimony.delivered": QT_TRANSLATE_NOOP("HistoryPanel", "delivered to HQ"),
    "testimony.discard": QT_TRANSLATE_NOOP("HistoryPanel",
                                           "changes discarded, last revision back"),
    "consent.given": QT_TRANSLATE_NOOP("HistoryPanel", "consent recorded"),
    "consent.changed": QT_TRANSLATE_NOOP("HistoryPanel", "consent changed"),
    "consent.withdrawn": QT_TRANSLATE_NOOP("HistoryPanel", "consent withdrawn"),
    "consent.renewed": QT_TRANSLATE_NOOP("HistoryPanel", "consent renewed"),
    "attachment.add": QT_TRANSLATE_NOOP("HistoryPanel", "file attached"),
    "attachment.delete": QT_TRANSLATE_NOOP("HistoryPanel", "file removed"),
    "recording.start": QT_TRANSLATE_NOOP("HistoryPanel", "recording started"),
    "recording.recover": QT_TRANSLATE_NOOP("HistoryPanel", "interrupted recording recovered"),
    "recording.discard": QT_TRANSLATE_NOOP("HistoryPanel", "recording discarded"),
    "recording.lost": QT_TRANSLATE_NOOP("HistoryPanel", "recording lost"),
}


def _when(ts: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(ts.replace("Z", "+00:00"))
    except ValueError:
        return None


def _close(before: str, now: str) -> bool:
    a, b = _when(before), _when(now)
    try:
        return a is not None and b is not None and (b - a).total_seconds() <= SESSION_GAP_S
    except TypeError:  # one time with a zone, one without: not the same session
        return False


@dataclass
class Row:
    """One line of the events list: an event, or an editing session of many saves."""

    first: AuditEntry
    last: AuditEntry
    saves: list[AuditEntry] = field(default_factory=list)


def coalesce(entries: list[AuditEntry]) -> list[Row]:
    """Oldest first -> rows, newest first; consecutive saves close in time become one."""
    rows: list[Row] = []
    for entry in sorted(entries, key=lambda e: e.seq):
        current = rows[-1] if rows else None
        if entry.action == SAVED and current is not None and current.saves and \
                _close(current.last.ts, entry.ts):
            current.last = entry
            current.saves.append(entry)
            continue
        rows.append(Row(entry, entry, [entry] if entry.action == SAVED else []))
    rows.reverse()
    return rows


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

    def _row(self, row: Row) -> list[str]:
        entry = row.first
        if len(row.saves) > 1:
            start, end = local_time(row.first.ts), local_time(row.last.ts)
            span = start if start == end else (
                f"{start} – {end[11:]}" if start[:10] == end[:10] else f"{start} – {end}")
            return [span, self.tr("edited"),
                    self.tr("saved %n times", "", len(row.saves))]
        action = QCoreApplication.translate("HistoryPanel",
                                            ACTIONS.get(entry.action, entry.action))
        if entry.action == "testimony.delivered" and "revision" in entry.details:
            action += " " + self.tr("(revision %1)").replace(
                "%1", str(entry.details["revision"]))
        details = ", ".join(f"{k}={v}" for k, v in sorted(entry.details.items())
                            if isinstance(v, int | bool | float))
        return [local_time(entry.ts), action, details]

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
            entries = self._vault.audit.entries(testimony_id, limit=MAX_ENTRIES)
        for row in coalesce(entries):
            QTreeWidgetItem(events, self._row(row))
        self.tree.addTopLevelItems([revisions, events])
        revisions.setExpanded(True)
        events.setExpanded(True)
        self.tree.resizeColumnToContents(0)
        self.tree.resizeColumnToContents(1)
