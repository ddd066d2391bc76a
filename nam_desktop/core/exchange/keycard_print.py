"""A printable key card: one PDF page with the card as a QR code, HQ's root fingerprint in
large letters and instructions for the interviewer (docs/bundle-format.md, section 6.1).

The QR code holds the card itself in compact JSON (the same document without the
whitespace), so a scanned copy saved as a file imports exactly like the card file.
Everything is made in memory; the card holds public keys only.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from xml.sax.saxutils import escape

import qrcode
from qrcode.exceptions import DataOverflowError
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, ListFlowable, Paragraph, SimpleDocTemplate, Spacer

from nam_desktop.core.canonical import canonical_json, loads
from nam_desktop.core.errors import ValidationError
from nam_desktop.core.exchange.errors import ExchangeError, Reason
from nam_desktop.core.exchange.keycard import KeyCard, parse_keycard
from nam_desktop.core.pdf_qr import QrMatrixFlowable
from nam_desktop.core.summary import fonts
from nam_desktop.core.summary.labels import LANGUAGES
from nam_desktop.core.summary.render import page_size

MARGIN = 16 * mm
QR_SIZE = 105 * mm
QR_BORDER = 4  # modules of quiet zone, as ISO/IEC 18004 asks
# Error correction tried in order: M (15 % of the code may be damaged), then L (7 %).
# Version 40 holds 2,331 bytes at M and 2,953 at L; a card with 16 recipients is ~1.5 kB.
_LEVELS = (qrcode.constants.ERROR_CORRECT_M, qrcode.constants.ERROR_CORRECT_L)
MARK_RED = colors.HexColor("#9b1c1c")
FP_MAX_SIZE = 26  # points; smaller only when the page is too narrow for one line

# key: (en, ru, be). The CLI has no Qt, so the printed words live here (as for summaries).
_WORDS: dict[str, tuple[str, str, str]] = {
    "title": ("HQ key card for NAM Desktop", "Ключевая карта штаба для NAM Desktop",
              "Ключавая картка штаба для NAM Desktop"),
    "hq": ("HQ: {name}", "Штаб: {name}", "Штаб: {name}"),
    "serial": ("Card number {serial}, issued {date} (UTC)",
               "Ключевая карта № {serial}, выдана {date} (UTC)",
               "Ключавая картка № {serial}, выдадзена {date} (UTC)"),
    "originals": ("Original (uncleaned) files: {answer}. Recipients: {count}.",
                  "Исходные (неочищенные) файлы: {answer}. Получателей: {count}.",
                  "Зыходныя (неачышчаныя) файлы: {answer}. Атрымальнікаў: {count}."),
    "accepted": ("accepted", "принимаются", "прымаюцца"),
    "refused": ("not accepted", "не принимаются", "не прымаюцца"),
    "fp_label": ("HQ root fingerprint", "Отпечаток корневого ключа штаба",
                 "Адбітак каранёвага ключа штаба"),
    "how": ("How to use this card", "Как пользоваться ключевой картой",
            "Як карыстацца ключавой карткай"),
    "step1": ("In NAM Desktop, import the key card file. The QR code above holds the same "
              "card: a scanned copy saved as a file is accepted in the same way.",
              "В NAM Desktop импортируйте файл ключевой карты. QR-код выше содержит ту же "
              "карту: отсканированная копия, сохранённая в файл, принимается так же.",
              "У NAM Desktop імпартуйце файл ключавой карткі. QR-код вышэй змяшчае тую ж "
              "картку: адсканаваная копія, захаваная ў файл, прымаецца гэтак жа."),
    "step2": ("The app then shows the HQ root fingerprint. Compare it group by group with "
              "the one printed here and with the one HQ told you in person or by phone.",
              "Затем приложение покажет отпечаток корневого ключа штаба. Сравните его по "
              "группам с напечатанным здесь и с тем, который штаб сообщил вам лично или "
              "по телефону.",
              "Потым праграма пакажа адбітак каранёвага ключа штаба. Параўнайце яго па "
              "групах з надрукаваным тут і з тым, які штаб паведаміў вам асабіста або па "
              "тэлефоне."),
    "step3": ("If a single letter differs, do not use the card and tell HQ.",
              "Если отличается хотя бы одна буква, не используйте эту карту и сообщите "
              "штабу.",
              "Калі адрозніваецца хоць адна літара, не выкарыстоўвайце картку і паведаміце "
              "штабу."),
    "step4": ("Fingerprints use only the letters A–Z and the digits 2–7: there is no zero, "
              "one, eight or nine.",
              "В отпечатках только латинские буквы A–Z и цифры 2–7: нуля, единицы, восьмёрки "
              "и девятки в них нет.",
              "У адбітках толькі лацінскія літары A–Z і лічбы 2–7: нуля, адзінкі, васьмёркі "
              "і дзявяткі ў іх няма."),
    "note": ("The card holds public keys only: it cannot open any bundle. It does show "
             "that you are in contact with this HQ, so do not carry it where that could "
             "put you at risk.",
             "Ключевая карта содержит только открытые ключи: открыть ими пакеты нельзя. Но она "
             "показывает, что вы связаны с этим штабом, поэтому не носите её туда, где это "
             "может быть опасно.",
             "Картка змяшчае толькі адкрытыя ключы: адкрыць імі пакеты нельга. Але яна "
             "паказвае, што вы звязаныя з гэтым штабам, таму не насіце яе туды, дзе гэта "
             "можа быць небяспечна."),
}


def word(key: str, lang: str, **values: object) -> str:
    row = _WORDS[key]
    text = row[LANGUAGES.index(lang)] if lang in LANGUAGES else row[0]
    return text.format(**values) if values else text


def qr_text(card_data: bytes) -> str:
    """The card as it goes into the QR code: checked, then its canonical JSON in the ASCII
    form (QR byte mode has no agreed text encoding; the signature is over the canonical
    payload, so this spelling verifies like the file)."""
    card = parse_keycard(card_data)  # refuse anything that is not a valid, signed card
    doc = loads(card.content_id)
    return canonical_json(doc, ascii=True).decode("ascii")


@dataclass(frozen=True)
class QrCode:
    matrix: list[list[bool]]  # True = dark module, quiet zone included
    version: int  # 1..40
    level: str  # "M" or "L"


def qr_code(text: str) -> QrCode:
    """Encode ``text``; :class:`ExchangeError` (``oversize``) when no QR code can hold it."""
    for level in _LEVELS:
        qr = qrcode.QRCode(version=None, error_correction=level, border=QR_BORDER)
        qr.add_data(text.encode("ascii"))
        try:
            qr.make(fit=True)
        except (DataOverflowError, ValueError):  # ValueError: beyond version 40 in qrcode 8
            continue
        name = "M" if level == qrcode.constants.ERROR_CORRECT_M else "L"
        return QrCode([[bool(m) for m in row] for row in qr.get_matrix()], int(qr.version),
                      name)
    raise ExchangeError(Reason.OVERSIZE, f"key card of {len(text)} bytes is too large for a "
                        "QR code (at most 2,953)")


def keycard_pdf(card_data: bytes, *, lang: str = "en", paper: str = "a4") -> bytes:
    """The one-page printable card (PDF bytes). Raises :class:`ExchangeError` for an
    invalid card or one too large for a QR code, :class:`ValidationError` for a bad
    language or paper."""
    if lang not in LANGUAGES:
        raise ValidationError("lang", "must be en, ru or be")
    size = page_size(paper)
    card = parse_keycard(card_data)
    code = qr_code(qr_text(card_data))
    fonts.register_fonts()
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf, pagesize=size, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
        bottomMargin=MARGIN, title=word("title", lang), author="", subject="",
        creator="NAM Desktop", keywords=f"nam-desktop-keycard serial {card.serial}",
        invariant=1, lang=lang, initialFontName=fonts.REGULAR)
    doc.build(_story(card, code, lang, size[0] - 2 * MARGIN))
    return buf.getvalue()


def _story(card: KeyCard, code: QrCode, lang: str, width: float) -> list[Flowable]:
    base = ParagraphStyle("base", fontName=fonts.REGULAR, fontSize=10, leading=13.5,
                          splitLongWords=True)
    centred = ParagraphStyle("centred", parent=base, alignment=TA_CENTER)
    title = ParagraphStyle("title", parent=centred, fontName=fonts.BOLD, fontSize=17,
                           leading=21, spaceAfter=3)
    label = ParagraphStyle("label", parent=centred, fontName=fonts.BOLD, fontSize=11,
                           leading=14, spaceBefore=6)
    fp = card.root_fingerprint
    fp_size = min(FP_MAX_SIZE, width * 0.95 / stringWidth(fp, fonts.BOLD, 1))
    big = ParagraphStyle("fingerprint", parent=centred, fontName=fonts.BOLD,
                         fontSize=fp_size, leading=fp_size * 1.3, textColor=MARK_RED)
    heading = ParagraphStyle("heading", parent=base, fontName=fonts.BOLD, fontSize=11,
                             leading=14, spaceBefore=8, spaceAfter=3)
    small = ParagraphStyle("small", parent=base, fontSize=8.5, leading=11)

    def p(text: str, style: ParagraphStyle) -> Paragraph:
        return Paragraph(escape(text), style)

    answer = word("accepted" if card.accept_originals else "refused", lang)
    story: list[Flowable] = [p(word("title", lang), title)]
    if card.hq_name.strip():
        story.append(p(word("hq", lang, name=card.hq_name), centred))
    story += [
        p(word("serial", lang, serial=card.serial, date=card.issued_at.replace("T", " ")
               .rstrip("Z")), centred),
        Spacer(1, 4 * mm),
        QrMatrixFlowable(code.matrix, min(QR_SIZE, width), centred=True),
        p(word("fp_label", lang), label),
        p(fp, big),
        p(word("originals", lang, answer=answer, count=len(card.recipients)), centred),
        p(word("how", lang), heading),
        ListFlowable([p(word(k, lang), base) for k in ("step1", "step2", "step3", "step4")],
                     bulletType="1", bulletFormat="%s.", bulletFontName=fonts.REGULAR,
                     bulletFontSize=10, leftIndent=14),
        Spacer(1, 3 * mm),
        p(word("note", lang), small),
    ]
    return story
