"""PDF: full rewrite with pikepdf (qpdf), so earlier incremental revisions are gone.

Removed: the trailer Info dictionary and document ID (a new one is derived from the
content), document and per-object XMP (/Metadata), /PieceInfo, /LastModified, author
(/T), date (/M) and name (/NM) of review annotations, and APPn/COM segments of embedded
JPEG images (lossless, see jpeg.py). Flagged: JavaScript and forms (kept: content);
embedded files block a clean verdict, and are removed when flattening is accepted.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import pikepdf

from nam_desktop.core.errors import MalformedFileError
from nam_desktop.core.media.base import FormatHandler, Limits
from nam_desktop.core.media.jpeg import JpegHandler
from nam_desktop.core.media.needles import raw_needles, text_needles
from nam_desktop.core.media.report import MetadataItem, MetadataReport, RiskClass
from nam_desktop.core.media.xmp import report_xmp

_INFO_RISK = {
    "/Creator": RiskClass.SENSITIVE,
    "/Producer": RiskClass.SENSITIVE,
    "/CreationDate": RiskClass.SENSITIVE,
    "/ModDate": RiskClass.SENSITIVE,
    "/Trapped": RiskClass.HARMLESS,
}
_DROP_KEYS = ("/Metadata", "/PieceInfo", "/LastModified")
#: Trailer keys a cleaned file keeps, and the keys qpdf writes into a new trailer.
_TRAILER_KEEP = frozenset({"/Root", "/Size"})
_TRAILER_WRITTEN = frozenset({"/Root", "/Size", "/ID"})
_ANNOT_DROP = ("/T", "/M", "/NM", "/CreationDate")
MAX_STRING_WALK = 200_000
# qpdf reports damage as PdfError; malformed object graphs surface as plain errors.
_PIKEPDF_ERRORS = (
    pikepdf.PdfError,
    ValueError,
    RuntimeError,
    KeyError,
    AttributeError,
    TypeError,
    IndexError,
    OverflowError,
    NotImplementedError,
)


def _open(data: bytes) -> Any:
    try:
        pdf = pikepdf.open(io.BytesIO(data))
    except pikepdf.PasswordError as exc:
        raise MalformedFileError("pdf: encrypted") from exc
    except (pikepdf.PdfError, ValueError, OSError) as exc:
        raise MalformedFileError(f"pdf: unreadable ({type(exc).__name__})") from exc
    if pdf.is_encrypted:
        raise MalformedFileError("pdf: encrypted")
    return pdf


def _is_review_annot(obj: Any) -> bool:
    return (
        isinstance(obj, pikepdf.Dictionary)
        and "/Subtype" in obj
        and "/Rect" in obj
        and obj.get("/Subtype") != pikepdf.Name.Widget
    )


def _dicts(pdf: Any) -> Iterator[Any]:
    """Every dictionary and stream of the document: the indirect objects and the
    dictionaries written directly inside them (an annotation is often a direct
    dictionary in its page's /Annots array), without following references."""
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream | pikepdf.Array):
            yield from _direct_dicts(obj, 0)


def _direct_dicts(obj: Any, depth: int) -> Iterator[Any]:
    if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
        yield obj
    if depth > 16:
        return
    values = obj.values() if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream) else obj
    for value in values:
        if isinstance(value, pikepdf.Array | pikepdf.Dictionary) and not value.is_indirect:
            yield from _direct_dicts(value, depth + 1)


def _is_xmp(value: Any) -> bool:
    """An XMP packet: a stream typed /Metadata or /XML, whatever key points at it."""
    return isinstance(value, pikepdf.Stream) and (
        value.get("/Type") == pikepdf.Name.Metadata or value.get("/Subtype") == pikepdf.Name.XML
    )


def _xmp_keys(obj: Any) -> list[str]:
    table = obj.stream_dict if isinstance(obj, pikepdf.Stream) else obj
    return [key for key in list(table.keys()) if key == "/Metadata" or _is_xmp(table.get(key))]


def _embedded_jpeg_metadata(obj: Any) -> bytes | None:
    if not isinstance(obj, pikepdf.Stream) or obj.get("/Filter") != pikepdf.Name.DCTDecode:
        return None
    raw = bytes(obj.read_raw_bytes())
    return raw if raw[:3] == b"\xff\xd8\xff" else None


class PdfHandler(FormatHandler):
    name = "pdf"

    def tool_versions(self) -> dict[str, str]:
        return {"pikepdf": pikepdf.__version__, "qpdf": str(pikepdf.__libqpdf_version__)}

    def inspect(self, data: bytes, limits: Limits) -> MetadataReport:
        try:
            return self._inspect(data, limits)
        except _PIKEPDF_ERRORS as exc:
            raise MalformedFileError(f"pdf: unreadable ({type(exc).__name__})") from exc

    def clean(
        self, data: bytes, limits: Limits, *, accept_flattening: bool
    ) -> tuple[bytes, list[str]]:
        try:
            return self._clean(data, limits, accept_flattening=accept_flattening)
        except _PIKEPDF_ERRORS as exc:
            raise MalformedFileError(f"pdf: unreadable ({type(exc).__name__})") from exc

    def _inspect(self, data: bytes, limits: Limits) -> MetadataReport:
        rep = MetadataReport("pdf")
        revisions = data.count(b"%%EOF")
        rep.add(
            "PDF",
            "Revisions",
            revisions,
            RiskClass.HARMLESS if revisions <= 1 else RiskClass.IDENTIFYING,
        )
        with _open(data) as pdf:
            rep.add("PDF", "Pages", len(pdf.pages), RiskClass.HARMLESS)
            if "/Info" in pdf.trailer:
                for key, value in pdf.trailer.Info.items():
                    text = str(value)
                    risk = _INFO_RISK.get(key, RiskClass.IDENTIFYING)
                    needles = text_needles(text) if risk is RiskClass.IDENTIFYING else ()
                    rep.add("PDF-Info", key.lstrip("/"), text, risk, needles)
            for key in pdf.trailer:  # e.g. what qpdf made of a damaged /Info key
                if key not in _TRAILER_WRITTEN and key not in ("/Info", "/Prev", "/XRefStm"):
                    rep.add("PDF", "TrailerEntry", key.lstrip("/"), RiskClass.IDENTIFYING)
            if "/ID" in pdf.trailer:
                ids = [bytes(x) for x in pdf.trailer.ID]
                rep.add(
                    "PDF",
                    "DocumentID",
                    ids[0].hex() if ids else "",
                    RiskClass.IDENTIFYING,
                    tuple(n for i in ids for n in raw_needles(i)),
                )
            if "/Metadata" in pdf.Root:
                report_xmp(rep, bytes(pdf.Root.Metadata.read_bytes()))
            self._inspect_objects(pdf, rep, limits)
            names = pdf.Root.get("/Names")
            if isinstance(names, pikepdf.Dictionary):
                if "/EmbeddedFiles" in names:
                    rep.add("PDF", "EmbeddedFiles", "present", RiskClass.IDENTIFYING)
                    rep.blockers.append("embedded files (not checked)")
                if "/JavaScript" in names:
                    rep.add("PDF", "JavaScript", "present", RiskClass.SENSITIVE)
            if "/AcroForm" in pdf.Root:
                rep.add("PDF", "Forms", "present (field values kept)", RiskClass.SENSITIVE)
                rep.notes.append("pdf: contains forms; field values are content and are kept")
            if "/OpenAction" in pdf.Root or "/AA" in pdf.Root:
                rep.add("PDF", "AutomaticActions", "present", RiskClass.SENSITIVE)
        return rep

    def _inspect_objects(self, pdf: Any, rep: MetadataReport, limits: Limits) -> None:
        jpeg = JpegHandler()
        for obj in _dicts(pdf):
            root = obj.is_indirect and obj.objgen == pdf.Root.objgen
            for key in _xmp_keys(obj):
                meta = obj.get(key)
                if isinstance(meta, pikepdf.Stream) and not (root and key == "/Metadata"):
                    report_xmp(rep, bytes(meta.read_bytes()), group="XMP-object")
            if "/PieceInfo" in obj:
                rep.add("PDF", "PieceInfo", "application private data", RiskClass.IDENTIFYING)
            if "/JS" in obj:
                rep.add("PDF", "JavaScript", "action", RiskClass.SENSITIVE)
            if obj.get("/Subtype") == pikepdf.Name.FileAttachment:
                rep.add("PDF", "FileAttachment", "annotation", RiskClass.IDENTIFYING)
                rep.blockers.append("file attachment annotation (not checked)")
            if _is_review_annot(obj) and "/T" in obj:
                author = str(obj.T)
                rep.add(
                    "PDF-Annotation", "Author", author, RiskClass.IDENTIFYING, text_needles(author)
                )
            raw = _embedded_jpeg_metadata(obj)
            if raw is not None:
                try:
                    sub = jpeg.inspect(raw, limits)
                except MalformedFileError:
                    continue
                for item in sub.items:
                    if item.risk is not RiskClass.HARMLESS:
                        rep.items.append(
                            MetadataItem(
                                f"Image-{item.group}",
                                item.name,
                                item.value_short,
                                item.risk,
                                item.needles,
                            )
                        )

    def _clean(
        self, data: bytes, limits: Limits, *, accept_flattening: bool
    ) -> tuple[bytes, list[str]]:
        notes = ["full rewrite: earlier revisions, Info, XMP and document id removed"]
        jpeg = JpegHandler()
        with _open(data) as pdf:
            for key in list(pdf.trailer.keys()):
                # Only the catalogue stays (qpdf writes /Size and a new /ID): a damaged
                # trailer can hold the Info dictionary under a key qpdf invented while
                # repairing it ("<< \0Info 2 0 R" -> /QPDFFake2 2 0 R), which it writes back.
                if key not in _TRAILER_KEEP:
                    del pdf.trailer[key]
            for key in _DROP_KEYS:
                if key in pdf.Root:
                    del pdf.Root[key]
            names = pdf.Root.get("/Names")
            embedded = isinstance(names, pikepdf.Dictionary) and "/EmbeddedFiles" in names
            if accept_flattening and embedded:
                del names["/EmbeddedFiles"]
                notes.append("embedded files removed (flattening accepted)")
            for obj in list(_dicts(pdf)):
                for key in _DROP_KEYS:
                    if key in obj:
                        del obj[key]
                for key in _xmp_keys(obj):  # an XMP packet under another key
                    del obj[key]
                if _is_review_annot(obj):
                    for key in _ANNOT_DROP:
                        if key in obj:
                            del obj[key]
                raw = _embedded_jpeg_metadata(obj)
                if raw is not None:
                    try:
                        new, _ = jpeg.clean(raw, limits, accept_flattening=False)
                    except MalformedFileError:
                        continue
                    if new != raw:
                        obj.write(new, filter=pikepdf.Name.DCTDecode)
            if accept_flattening:
                for page in pdf.pages:
                    annots = page.obj.get("/Annots")
                    if isinstance(annots, pikepdf.Array):
                        keep = [
                            a for a in annots if a.get("/Subtype") != pikepdf.Name.FileAttachment
                        ]
                        page.obj.Annots = pikepdf.Array(keep)
            first = _save(pdf)
        # A second pass normalises key order, so cleaning is idempotent.
        with _open(first) as again:
            if "/ID" in again.trailer:
                del again.trailer["/ID"]  # else qpdf keeps the first half of the old id
            return _save(again), notes

    def structural_problems(self, cleaned: bytes, original: bytes, limits: Limits) -> list[str]:
        try:
            return self._structural(cleaned)
        except _PIKEPDF_ERRORS as exc:
            return [f"pdf: output unreadable ({type(exc).__name__})"]

    def _structural(self, cleaned: bytes) -> list[str]:
        problems = []
        if cleaned.count(b"%%EOF") != 1:
            problems.append("pdf: more than one revision")
        with _open(cleaned) as pdf:
            if "/Info" in pdf.trailer:
                problems.append("pdf: Info dictionary left")
            problems.extend(f"pdf: trailer key {key} left" for key in pdf.trailer
                            if key not in _TRAILER_WRITTEN and key != "/Info")
            if "/Metadata" in pdf.Root:
                problems.append("pdf: document XMP left")
        return problems

    def searchable_views(self, cleaned: bytes, limits: Limits) -> Iterator[bytes]:
        yield cleaned
        try:
            yield from self._views(cleaned)
        except _PIKEPDF_ERRORS as exc:
            raise MalformedFileError(f"pdf: output unreadable ({type(exc).__name__})") from exc

    def _views(self, cleaned: bytes) -> Iterator[bytes]:
        with _open(cleaned) as pdf:
            strings: list[bytes] = []
            for obj in pdf.objects:
                if isinstance(obj, pikepdf.Stream):
                    try:
                        yield bytes(obj.read_bytes())
                    except pikepdf.PdfError:
                        yield bytes(obj.read_raw_bytes())
                if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream | pikepdf.Array):
                    _collect_strings(obj, strings, depth=0)
                elif isinstance(obj, pikepdf.String):
                    strings.append(bytes(obj))
                if len(strings) > MAX_STRING_WALK:
                    break
            yield b"\n".join(strings)

    def allowed_after(self, item: MetadataItem) -> bool:
        if item.group == "PDF" and item.name in ("JavaScript", "Forms", "AutomaticActions"):
            return True  # flagged content, not metadata
        if item.group == "PDF" and item.name == "DocumentID":
            return True  # derived from the cleaned content; the original id is searched for
        return item.risk is RiskClass.HARMLESS


def _collect_strings(obj: Any, out: list[bytes], depth: int) -> None:
    """Decoded text of every string directly in ``obj`` (UTF-8 and raw forms)."""
    if depth > 8 or len(out) > MAX_STRING_WALK:
        return
    values = obj.values() if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream) else obj
    for value in values:
        if isinstance(value, pikepdf.String):
            out.append(bytes(value))
            out.append(str(value).encode("utf-8", "replace"))
        elif isinstance(value, pikepdf.Array | pikepdf.Dictionary) and not value.is_indirect:
            _collect_strings(value, out, depth + 1)


def _save(pdf: Any) -> bytes:
    out = io.BytesIO()
    pdf.save(
        out,
        deterministic_id=True,
        fix_metadata_version=False,
        object_stream_mode=pikepdf.ObjectStreamMode.disable,
    )
    return out.getvalue()
