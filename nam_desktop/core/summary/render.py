"""Rendering summary content to PDF with reportlab, entirely in memory.

Every page carries the confidentiality marking, the record id and the redaction level
at the top, and the verification code and "page X of Y" at the bottom. Free text is set
as flowing paragraphs so long accounts break cleanly across pages.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

import qrcode
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    Image,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from nam_desktop.core.errors import ValidationError
from nam_desktop.core.pdf_qr import QrMatrixFlowable
from nam_desktop.core.summary import fonts
from nam_desktop.core.summary.canonical import qr_payload, verification_code
from nam_desktop.core.summary.labels import label

PAPERS = {"a4": A4, "letter": LETTER}
MAX_FIELDS = 12  # fields named in a warning
LONG_VALUE = 300  # longer values are set as paragraphs, not table cells (cells cannot split)
MARGIN = 18 * mm
HEADER_SPACE = 24 * mm
FOOTER_SPACE = 18 * mm
MARK_RED = colors.HexColor("#9b1c1c")
LINE_GREY = colors.HexColor("#b0b0b0")
WARN_FILL = colors.HexColor("#fdecea")

Thumbs = dict[str, tuple[bytes, int, int] | None]


@dataclass(frozen=True)
class Seal:
    """What the signature block on the last page says about the PDF signature."""

    fingerprint: str
    certified: bool
    signer_name: str  # the certificate's common name (HQ's registered name) when certified
    signed_at: str  # time stamp, as in the content's created_at


@dataclass(frozen=True)
class SealBox:
    """Where the signature block was drawn on the last page (PDF points)."""

    x: float
    y: float
    width: float
    height: float


class _Recorded(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """A flowable that remembers where on the page it was drawn."""

    def __init__(self, inner: Flowable, on_draw: Callable[[SealBox], None]) -> None:
        super().__init__()
        self.inner = inner
        self.on_draw = on_draw
        self.size = (0.0, 0.0)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.size = self.inner.wrap(avail_width, avail_height)
        return self.size

    def draw(self) -> None:
        self.inner.drawOn(self.canv, 0, 0)
        x, y = self.canv.absolutePosition(0, 0)
        self.on_draw(SealBox(float(x), float(y), float(self.size[0]), float(self.size[1])))


def _style(commands: list[tuple[Any, ...]]) -> TableStyle:
    """A table style whose (unused) cell font is ours: reportlab's default is Helvetica,
    which would be referenced without being embedded."""
    return TableStyle([("FONT", (0, 0), (-1, -1), fonts.REGULAR), *commands])


def page_size(paper: str) -> tuple[float, float]:
    try:
        size: tuple[float, float] = PAPERS[paper]
    except KeyError:
        raise ValidationError("paper", "must be a4 or letter") from None
    return size


class QRCodeFlowable(QrMatrixFlowable):
    """The verification code of a summary as a QR code (error correction M)."""

    def __init__(self, data: str, size: float) -> None:
        qr = qrcode.QRCode(border=2, error_correction=qrcode.constants.ERROR_CORRECT_M)
        qr.add_data(data)
        qr.make(fit=True)
        super().__init__(qr.get_matrix(), size)


def _numbered_canvas(decorate: Callable[[Canvas, int, int], None]) -> type[Canvas]:
    """A canvas that draws the page decoration after the last page is known."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab is untyped
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # reportlab's method name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, 1):
                self.__dict__.update(state)
                decorate(self, number, total)
                super().showPage()
            super().save()

    return NumberedCanvas


class _Renderer:
    def __init__(self, content: dict[str, Any], content_sha256: str, paper: str,
                 thumbs: Thumbs, seal: Seal | None = None) -> None:
        fonts.register_fonts()
        self.seal = seal
        self.seal_box: SealBox | None = None
        self.c = content
        self.lang = str(content["lang"])
        self.hash = content_sha256
        self.code = verification_code(content_sha256)
        self.size = page_size(paper)
        self.thumbs = thumbs
        base = ParagraphStyle("base", fontName=fonts.REGULAR, fontSize=9.5, leading=12.5,
                              alignment=TA_LEFT, splitLongWords=True)
        self.body = base
        self.small = ParagraphStyle("small", parent=base, fontSize=8, leading=10)
        self.key = ParagraphStyle("key", parent=base, fontName=fonts.BOLD)
        self.h1 = ParagraphStyle("h1", parent=base, fontName=fonts.BOLD, fontSize=16,
                                 leading=20, spaceAfter=4)
        self.h2 = ParagraphStyle("h2", parent=base, fontName=fonts.BOLD, fontSize=12,
                                 leading=15, spaceBefore=10, spaceAfter=4, keepWithNext=1)
        self.h3 = ParagraphStyle("h3", parent=base, fontName=fonts.BOLD, fontSize=10,
                                 leading=13, spaceBefore=6, spaceAfter=2, keepWithNext=1)
        self.warn = ParagraphStyle("warn", parent=base, fontName=fonts.BOLD,
                                   textColor=MARK_RED)

    # ---- helpers ---------------------------------------------------------------------
    def t(self, key: str, **values: object) -> str:
        return label(key, self.lang, **values)

    def para(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        return Paragraph(escape(text).replace("\t", "    "), style or self.body)

    def text_block(self, text: str) -> list[Flowable]:
        """Free text as written: one paragraph per line, blank lines kept as space."""
        out: list[Flowable] = []
        for line in text.split("\n"):
            if line.strip():
                out.append(self.para(line))
            else:
                out.append(Spacer(1, 6))
        return out

    def value(self, v: object) -> str:
        if isinstance(v, bool):
            return self.t("yes") if v else self.t("no")
        if isinstance(v, list):
            return ", ".join(str(x) for x in v) if v else self.t("not_recorded")
        return str(v) if v not in ("", None) else self.t("not_recorded")

    def rows(self, pairs: list[tuple[str, object]]) -> list[Flowable]:
        """Key-value table; long values follow it as paragraphs (table rows cannot split
        across pages)."""
        out: list[Flowable] = []
        short: list[list[Flowable]] = []

        def flush() -> None:
            if short:
                out.append(self.table(list(short)))
                short.clear()

        for key, v in pairs:
            text = self.value(v)
            if len(text) > LONG_VALUE or "\n" in text:
                flush()
                out.append(self.para(key, self.h3))
                out.extend(self.text_block(text))
            else:
                short.append([self.para(key, self.key), self.para(text)])
        flush()
        return out

    def table(self, data: list[list[Flowable]]) -> Table:
        width = self.size[0] - 2 * MARGIN
        tbl = Table(data, colWidths=[48 * mm, width - 48 * mm], hAlign="LEFT")
        tbl.setStyle(_style([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.3, LINE_GREY),
            ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]))
        return tbl

    def word(self, prefix: str, code: str) -> str:
        key = f"{prefix}.{code}"
        return self.t(key) if code and label(key, "en") != key else code

    # ---- page decoration -------------------------------------------------------------
    def decorate(self, canv: Canvas, page: int, pages: int) -> None:
        w, h = self.size
        canv.saveState()
        canv.setFillColor(MARK_RED)
        canv.setFont(fonts.BOLD, 9.5)
        canv.drawString(MARGIN, h - 12 * mm, self.t("marking"))
        canv.setFillColor(colors.black)
        canv.setFont(fonts.REGULAR, 8)
        canv.drawString(MARGIN, h - 16.5 * mm,
                        f"{self.t('record')} {self.c['record_id']} · {self.t('revision')} "
                        f"{self.c['revision']}")
        canv.setFont(fonts.BOLD, 8)
        canv.drawString(MARGIN, h - 20.5 * mm,
                        f"{self.t('redaction')}: {self.t('redaction.' + self.c['redaction'])}")
        canv.setStrokeColor(LINE_GREY)
        canv.line(MARGIN, h - 22 * mm, w - MARGIN, h - 22 * mm)
        canv.line(MARGIN, 14 * mm, w - MARGIN, 14 * mm)
        canv.setFont(fonts.REGULAR, 8)
        canv.drawString(MARGIN, 10 * mm, f"{self.t('v.code')}: {self.code}")
        canv.drawRightString(w - MARGIN, 10 * mm, self.t("page_of", page=page, pages=pages))
        canv.restoreState()

    # ---- sections --------------------------------------------------------------------
    def story(self) -> list[Flowable]:
        c = self.c
        s: list[Flowable] = [self.para(self.t("doc_title"), self.h1)]
        if c.get("title"):
            s.append(self.para(str(c["title"]), self.h2))
        s += self.warnings()
        s += self.rows([
            (self.t("record"), c["record_id"]),
            (self.t("revision"), str(c["revision"])),
            (self.t("status"), self.word("status", str(c["status"]))),
            (self.t("redaction"), self.t("redaction." + c["redaction"])),
        ])
        if "narrative" not in c:
            s.append(Spacer(1, 4))
            s.append(self.para(self.t("omitted"), self.warn))
        s += self.interview() + self.consent() + self.witness() + self.acts()
        if "narrative" in c:
            s.append(self.para(self.t("sec.account"), self.h2))
            s += self.text_block(str(c["narrative"]) or self.t("not_recorded"))
        if "notes" in c:
            n = c["notes"]
            s.append(self.para(self.t("sec.notes"), self.h2))
            s += self.rows([(self.t("sec.notes"), n["notes"]),
                            (self.t("n.reliability"), n["reliability"]),
                            (self.t("n.follow_up"), n["follow_up"]),
                            (self.t("n.referrals"), n["referrals"])])
        s += self.attachments() + self.images() + self.verification() + self.signature()
        return s

    def warnings(self) -> list[Flowable]:
        items = []
        for w in self.c.get("warnings", []):
            names = list(w.get("fields", []))
            fields = ", ".join(names[:MAX_FIELDS]) + (", …" if len(names) > MAX_FIELDS else "")
            items.append([self.para("⚠ " + self.t("warn." + w["code"], fields=fields),
                                    self.warn)])
        if not items:
            return []
        tbl = Table(items, colWidths=[self.size[0] - 2 * MARGIN])
        tbl.setStyle(_style([("BACKGROUND", (0, 0), (-1, -1), WARN_FILL),
                                 ("BOX", (0, 0), (-1, -1), 0.8, MARK_RED)]))
        return [Spacer(1, 4), tbl, Spacer(1, 6)]

    def interview(self) -> list[Flowable]:
        iv = self.c["interview"]
        pairs: list[tuple[str, object]] = [
            (self.t("f.date"), iv["date"]),
            (self.t("f.mode"), self.word("mode", iv["mode"])),
            (self.t("f.languages"), iv["languages"]),
        ]
        for key in ("place", "interpreter", "others_present", "interviewer"):
            if key in iv:
                pairs.append((self.t("f." + key), iv[key]))
        return [self.para(self.t("sec.interview"), self.h2), *self.rows(pairs)]

    def consent(self) -> list[Flowable]:
        c = self.c["consent"]
        pairs: list[tuple[str, object]] = [
            (self.t("c." + k), c[k]) for k in (
                "hq_documentation", "anonymous_publication", "legal_proceedings",
                "audio_recording", "anonymity_requested", "may_recontact", "given_date")]
        pairs.append((self.t("c.method"), self.word("method", c["method"])))
        if c["withdrawn_at"]:
            pairs.append((self.t("c.withdrawn_at"), c["withdrawn_at"]))
        return [self.para(self.t("sec.consent"), self.h2), *self.rows(pairs)]

    def witness(self) -> list[Flowable]:
        w = self.c["witness"]
        out = [self.para(self.t("sec.witness"), self.h2), *self.rows([
            (self.t("w.pseudonym"), w["pseudonym"]),
            (self.t("w.gender"), w["gender"]),
            (self.t("w.age_group"), w["age_group"]),
            (self.t("w.role"), self.word("role", w["role"])),
        ])]
        if "identity" in self.c:
            idn = self.c["identity"]
            out.append(self.para(self.t("sec.identity"), self.h3))
            out += self.rows([(self.t("i." + k), idn[k])
                              for k in ("name", "birth_date", "contact", "documents")])
        return out

    def acts(self) -> list[Flowable]:
        out: list[Flowable] = [self.para(self.t("sec.acts"), self.h2)]
        if not self.c["acts"]:
            out.append(self.para(self.t("not_recorded")))
        for i, a in enumerate(self.c["acts"], 1):
            out.append(self.para(f"{i}. {a['label']}", self.h3))
            pairs: list[tuple[str, object]] = [
                (self.t("a.date"), a["date"] or self.t("date.unknown"))]
            for key in ("place", "victims", "status_after"):
                if key in a:
                    pairs.append((self.t("a." + key), a[key]))
            if "perpetrators" in a:
                pairs.append((self.t("a.perpetrators"), "; ".join(a["perpetrators"])))
            if "description" in a:
                pairs.append((self.t("a.description"), a["description"]))
            out += self.rows(pairs)
        return out

    def attachments(self) -> list[Flowable]:
        out: list[Flowable] = [self.para(self.t("sec.attachments"), self.h2)]
        if not self.c["attachments"]:
            out.append(self.para(self.t("att.none")))
        damaged = {f for w in self.c.get("warnings", []) if w.get("code") == "media_damaged"
                   for f in w.get("fields", [])}
        for i, a in enumerate(self.c["attachments"], 1):
            title = f"{i}. {a['filename']}" if "filename" in a else f"{i}. {a['media_type']}"
            out.append(self.para(title, self.h3))
            if f"attachments[{i - 1}]" in damaged:
                out.append(self.para("⚠ " + self.t("att.integrity") + ": "
                                     + self.t("att.damaged"), self.warn))
            out.append(self.table([
                [self.para(self.t(k), self.key), self.para(self.value(v), self.small)]
                for k, v in (
                    ("att.type", a["media_type"]),
                    ("att.status", self.word("clean", a["clean_status"])),
                    ("att.size", f"{a['size_cleaned'] or a['size_original']}"),
                    ("att.sha_cleaned", a["sha256_cleaned"]),
                    ("att.sha_original", a["sha256_original"]),
                )
            ]))
        return out

    def images(self) -> list[Flowable]:
        order = [a["id"] for a in self.c["attachments"] if a["id"] in self.thumbs]
        if not order:
            return []
        index = {a["id"]: i for i, a in enumerate(self.c["attachments"], 1)}
        cols = 3
        cell = (self.size[0] - 2 * MARGIN) / cols
        box = cell - 6 * mm
        cells: list[Any] = []
        for att_id in order:
            thumb = self.thumbs[att_id]
            caption = self.para(f"{index[att_id]}.", self.small)
            if thumb is None:
                cells.append(caption)
                continue
            data, w, h = thumb
            scale = min(box / w, box / h)
            img = Image(io.BytesIO(data), width=w * scale, height=h * scale)
            cells.append([img, caption])
        rows = [cells[i : i + cols] for i in range(0, len(cells), cols)]
        rows[-1] += [Spacer(1, 1)] * (cols - len(rows[-1]))
        tables = []
        for row in rows:  # one table per row, so the heading stays with the first row
            tbl = Table([row], colWidths=[cell] * cols, hAlign="LEFT")
            tbl.setStyle(_style([("VALIGN", (0, 0), (-1, -1), "TOP")]))
            tables.append(tbl)
        return [self.para(self.t("sec.images"), self.h2), *tables]

    def verification(self) -> list[Flowable]:
        c = self.c
        width = self.size[0] - 2 * MARGIN
        qr_size = 34 * mm
        info = Table([
            [self.para(self.t(k), self.key), self.para(str(v), self.small)] for k, v in (
                ("v.code", self.code),
                ("v.content_hash", self.hash),
                ("v.fingerprint", c["device_fingerprint"]),
                ("v.audit_head", c["audit_head"]),
                ("v.created_at", c["created_at"]),
            )
        ], colWidths=[40 * mm, width - qr_size - 44 * mm])
        info.setStyle(_style([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                  ("LINEBELOW", (0, 0), (-1, -1), 0.3, LINE_GREY)]))
        code = self.para(self.code, ParagraphStyle("code", parent=self.h2, spaceBefore=0))
        block = Table([[info, QRCodeFlowable(qr_payload(self.hash), qr_size)]],
                      colWidths=[width - qr_size - 4 * mm, qr_size + 4 * mm])
        block.setStyle(_style([("VALIGN", (0, 0), (-1, -1), "TOP")]))
        return [KeepTogether([self.para(self.t("sec.verification"), self.h2), code, block,
                              Spacer(1, 3), self.para(self.t("v.how"), self.small)])]

    def signature(self) -> list[Flowable]:
        """The signature block: the PDF signature field is laid over it, so a reader's
        click on it opens the signature panel. Last flowable: always on the last page."""
        if self.seal is None:
            return []
        seal = self.seal
        width = self.size[0] - 2 * MARGIN
        cert = (self.t("sig.certified", name=seal.signer_name) if seal.certified
                else self.t("sig.not_certified"))
        rows = [[self.para(self.t("sig.title"), self.key), ""]] + [
            [self.para(self.t(k), self.key), self.para(v, self.small)] for k, v in (
                ("sig.device", seal.fingerprint),
                ("sig.certificate", cert),
                ("v.code", self.code),
                ("redaction", self.t("redaction." + self.c["redaction"])),
                ("sig.date", seal.signed_at),
            )] + [[self.para(self.t("sig.locked"), self.small), ""]]
        table = Table(rows, colWidths=[48 * mm, width - 48 * mm - 2])
        table.setStyle(_style([
            ("SPAN", (0, 0), (1, 0)), ("SPAN", (0, len(rows) - 1), (1, len(rows) - 1)),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BOX", (0, 0), (-1, -1), 1.2, colors.black),
            ("LINEBELOW", (0, 0), (-1, 0), 0.5, LINE_GREY),
        ]))

        def record(box: SealBox) -> None:
            self.seal_box = box

        return [Spacer(1, 6), _Recorded(table, record)]

    # ---- output ----------------------------------------------------------------------
    def render(self) -> bytes:
        buf = io.BytesIO()
        doc = SimpleDocTemplate(
            buf, pagesize=self.size, leftMargin=MARGIN, rightMargin=MARGIN,
            topMargin=HEADER_SPACE + 2 * mm, bottomMargin=FOOTER_SPACE + 2 * mm,
            title=f"NAM summary {self.c['record_id']}", author="", subject="",
            creator="NAM Desktop", keywords=f"nam-summary-content-sha256:{self.hash}",
            invariant=1, lang=self.lang,
            # Otherwise every page references (unembedded) Helvetica.
            initialFontName=fonts.REGULAR,
        )
        doc.build(self.story(), canvasmaker=_numbered_canvas(self.decorate))
        return buf.getvalue()


def render_pdf(content: dict[str, Any], content_sha256: str, paper: str = "a4",
               thumbnails: Thumbs | None = None) -> bytes:
    """The PDF of ``content`` as bytes, without a signature block (nothing is written
    to disk)."""
    return _Renderer(content, content_sha256, paper, thumbnails or {}).render()


def render_for_signing(content: dict[str, Any], content_sha256: str, paper: str,
                       thumbnails: Thumbs | None, seal: Seal) -> tuple[bytes, SealBox]:
    """The PDF with the signature block on its last page, and where that block is."""
    renderer = _Renderer(content, content_sha256, paper, thumbnails or {}, seal)
    pdf = renderer.render()
    if renderer.seal_box is None:  # reportlab drew every flowable it was given
        raise RuntimeError("the signature block was not drawn")
    return pdf, renderer.seal_box
