"""A QR code drawn into a reportlab PDF as filled vector squares (no image file).

Shared by the interview summary (its verification code) and the printed HQ key card.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import Flowable


class QrMatrixFlowable(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """Draws a QR module matrix (True = dark, quiet zone included) ``size`` points wide;
    ``centred`` centres it on the frame's width."""

    def __init__(self, matrix: list[list[bool]], size: float, *, centred: bool = False) -> None:
        super().__init__()
        self.matrix = matrix
        self.size = size
        self.centred = centred
        self.width = self.height = size
        self._dx = 0.0

    def wrap(self, avail_width: float, _avail_height: float) -> tuple[float, float]:
        if not self.centred:
            return self.size, self.size
        self._dx = max(0.0, (avail_width - self.size) / 2)
        return avail_width, self.size

    def draw(self) -> None:
        n = len(self.matrix)
        cell = self.size / n
        canv = self.canv
        canv.setFillColor(colors.black)
        for r, row in enumerate(self.matrix):
            y = self.size - (r + 1) * cell
            c = 0
            while c < n:
                if not row[c]:
                    c += 1
                    continue
                start = c
                while c < n and row[c]:
                    c += 1
                # a hair wider than the cell: no white seams between squares in viewers
                canv.rect(self._dx + start * cell, y, (c - start) * cell + 0.05,
                          cell + 0.05, stroke=0, fill=1)
