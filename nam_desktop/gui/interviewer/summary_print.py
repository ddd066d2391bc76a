"""Painting summary PDF pages onto a QPrinter, in memory.

The PDF bytes are opened with QtPdf from a QBuffer and each page is rendered to an
image and painted straight onto the printer: no PDF or page image is written to a
temporary file by us. (The system print path may still spool the job: the dialog says
so before printing.)
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

PRINT_DPI = 300
PREVIEW_DPI = 110
PAGE_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}


def configure_printer(printer: QPrinter, paper: str) -> None:
    """Same paper as the PDF, whole sheet, portrait: pages print at their true size."""
    printer.setPageLayout(QPageLayout(QPageSize(PAGE_SIZES.get(paper, PAGE_SIZES["a4"])),
                                      QPageLayout.Orientation.Portrait, QMarginsF()))
    printer.setFullPage(True)


class PdfPages:
    """A PDF held in memory, rendered page by page."""

    def __init__(self, pdf: bytes) -> None:
        self._buffer = QBuffer()
        self._buffer.setData(QByteArray(pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._doc = QPdfDocument()
        self._doc.load(self._buffer)

    @property
    def count(self) -> int:
        return int(self._doc.pageCount())

    def image(self, page: int, dpi: int) -> QImage:
        points = self._doc.pagePointSize(page)
        size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
        return self._doc.render(page, size)

    def paint(self, printer: QPrinter, dpi: int = PRINT_DPI) -> int:
        """Paint every page onto ``printer``; returns the number of pages painted."""
        painter = QPainter()
        if not painter.begin(printer):
            return 0
        try:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            target = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
            for page in range(self.count):
                if page:
                    printer.newPage()
                img = self.image(page, min(dpi, printer.resolution()))
                painter.fillRect(target, Qt.GlobalColor.white)
                painter.drawImage(target, img)
            return self.count
        finally:
            painter.end()

    def close(self) -> None:
        self._doc.close()
        self._buffer.close()
        self._buffer.setData(QByteArray())


class PreviewDialog(QDialog):
    """Print preview of the summary pages, without its own print button (printing goes
    through the summary dialog: warning first, then an audit entry)."""

    def __init__(self, pages: PdfPages, paper: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print preview"))
        self.resize(760, 900)
        self._pages = pages
        self.printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # never a real device
        configure_printer(self.printer, paper)
        self.preview = QPrintPreviewWidget(self.printer, self)
        self.preview.paintRequested.connect(self._on_paint_requested)
        self.print_button = QPushButton(self.tr("Print…"), self)
        zoom_in = QPushButton(self.tr("Zoom in"), self)
        zoom_out = QPushButton(self.tr("Zoom out"), self)
        fit = QPushButton(self.tr("Fit width"), self)
        close = QPushButton(self.tr("Close"), self)
        zoom_in.clicked.connect(lambda: self.preview.zoomIn())
        zoom_out.clicked.connect(lambda: self.preview.zoomOut())
        fit.clicked.connect(self.preview.fitToWidth)
        close.clicked.connect(self.reject)
        self.print_button.clicked.connect(self.accept)
        bar = QHBoxLayout()
        for button in (zoom_out, zoom_in, fit):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        bar.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.preview, 1)

    def _on_paint_requested(self, printer: QPrinter) -> None:
        self._pages.paint(printer, PREVIEW_DPI)
