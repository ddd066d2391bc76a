"""A list of section names beside a stack of pages: long translated names never overflow
(unlike a row of tabs at 1366 px). Offers the small QTabWidget API the editor uses."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QStackedWidget, QWidget


class SectionView(QWidget):
    currentChanged = Signal(int)  # mirrors QTabWidget

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.nav = QListWidget()
        self.nav.setObjectName("sectionNav")
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack = QStackedWidget()
        self.nav.currentRowChanged.connect(self._on_nav_row_changed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)

    def addTab(self, widget: QWidget, text: str) -> int:
        self.stack.addWidget(widget)
        self.nav.addItem(text)
        if self.nav.currentRow() < 0:
            self.nav.setCurrentRow(0)
        return self.stack.count() - 1

    def setTabText(self, index: int, text: str) -> None:
        self.nav.item(index).setText(text)
        self._fit()

    def _fit(self) -> None:
        bold = QFont(self.nav.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        widest = max((metrics.horizontalAdvance(self.nav.item(i).text())
                      for i in range(self.nav.count())), default=80)
        self.nav.setFixedWidth(min(260, widest + 40))

    def tabText(self, index: int) -> str:
        return self.nav.item(index).text()

    def widget(self, index: int) -> QWidget:
        return self.stack.widget(index)

    def count(self) -> int:
        return self.stack.count()

    def currentIndex(self) -> int:
        return self.stack.currentIndex()

    def setCurrentIndex(self, index: int) -> None:
        self.nav.setCurrentRow(index)

    def _on_nav_row_changed(self, row: int) -> None:
        if 0 <= row < self.stack.count():
            self.stack.setCurrentIndex(row)
            self.currentChanged.emit(row)
