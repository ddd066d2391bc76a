"""ZIP containers (OOXML, ODF): bounded reading, safe XML parsing, deterministic writing,
and the base handler that cleans embedded pictures recursively. All in memory."""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from typing import Any

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type stubs

from nam_desktop.core.errors import MalformedFileError
from nam_desktop.core.media.base import FormatHandler, Limits
from nam_desktop.core.media.detect import sniff
from nam_desktop.core.media.needles import blob_needles, text_needles
from nam_desktop.core.media.report import MetadataItem, MetadataReport, RiskClass
from nam_desktop.core.media.zipscan import Finding, scan

FIXED_DATE = (1980, 1, 1, 0, 0, 0)
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    OSError,
    ValueError,
    EOFError,
    NotImplementedError,
    zlib.error,
)
_XML_EXT = (".xml", ".rels", ".vml", ".rdf")
_SAFE_NAME = re.compile(r"^[^/\\][^\\]*$")


def safe_parser() -> Any:
    """No entities, no DTD, no network, no huge trees (XXE, billion laughs)."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=False,
    )


def parse_xml(name: str, data: bytes) -> Any:
    try:
        root = etree.fromstring(data, parser=safe_parser())
    except etree.XMLSyntaxError as exc:
        raise MalformedFileError(f"{name}: not well-formed XML") from exc
    if root.getroottree().docinfo.doctype:
        raise MalformedFileError(f"{name}: DOCTYPE not allowed")
    return root


def serialize(root: Any) -> bytes:
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return data


def remove_keep_tail(el: Any) -> None:
    """Remove ``el`` but keep the text that follows it."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def unwrap(el: Any) -> None:
    """Replace ``el`` by its children (accepting an insertion)."""
    parent = el.getparent()
    if parent is None:
        return
    idx = parent.index(el)
    children = list(el)
    for offset, child in enumerate(children):
        parent.insert(idx + offset, child)
    if el.text:
        if idx > 0:
            prev = parent[idx - 1]
            prev.tail = (prev.tail or "") + el.text
        else:
            parent.text = (parent.text or "") + el.text
    remove_keep_tail(el)


def read_zip(data: bytes, limits: Limits) -> list[tuple[zipfile.ZipInfo, bytes]]:
    """Every file member (not directory entries), in order, after size, ratio and name
    checks."""
    return read_zip_scanned(data, limits)[0]


def read_zip_scanned(
    data: bytes, limits: Limits
) -> tuple[list[tuple[zipfile.ZipInfo, bytes]], list[Finding]]:
    """The file members, and what the container holds besides them (:mod:`zipscan`)."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except _ZIP_ERRORS as exc:
        raise MalformedFileError("zip: unreadable") from exc
    if len(infos) > limits.max_zip_members:
        raise MalformedFileError("zip: too many members")
    # Names are compared as Office and ODF readers do (case-insensitively): two members
    # under one name mean two readers may show different content.
    names = [i.filename.lower() for i in infos]
    if len(set(names)) != len(names):
        raise MalformedFileError("zip: duplicate member names")
    total = 0
    out = []
    with zf:
        for info in infos:
            if not _SAFE_NAME.match(info.filename) or ".." in info.filename.split("/"):
                raise MalformedFileError("zip: unsafe member name")
            if info.flag_bits & 0x1:
                raise MalformedFileError("zip: encrypted member")
            total += info.file_size
            ratio = info.file_size / max(1, info.compress_size)
            if total > limits.max_zip_uncompressed or (
                info.file_size > 1024 * 1024 and ratio > limits.max_zip_ratio
            ):
                raise MalformedFileError("zip: uncompressed size over the limit")
            try:
                with zf.open(info) as fh:
                    body = fh.read(info.file_size + 1)
            except _ZIP_ERRORS as exc:
                raise MalformedFileError(f"zip: member {info.filename} unreadable") from exc
            if len(body) != info.file_size:
                raise MalformedFileError("zip: member size mismatch")
            if not info.filename.endswith("/"):
                out.append((info, body))
        try:
            findings = scan(data, zf)
        except _ZIP_ERRORS as exc:
            raise MalformedFileError("zip: unreadable") from exc
    return out, findings


def write_zip(members: list[tuple[str, bytes]], *, stored_first: str | None = None) -> bytes:
    """Deterministic ZIP: fixed dates, no extra fields, no comment, order preserved."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, body in members:
            info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
            info.create_system = 0
            info.external_attr = 0
            stored = name == stored_first
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            zf.writestr(info, body, compresslevel=None if stored else 6)
    return buf.getvalue()


def is_xml(name: str) -> bool:
    return name.lower().endswith(_XML_EXT)


class ZipDocHandler(FormatHandler):
    """Shared behaviour: recursive cleaning of embedded media, member-level search views."""

    def _sub_handler(self, body: bytes) -> tuple[str, FormatHandler | None]:
        from nam_desktop.core.media.api import handler_for

        fmt = sniff(body)
        if fmt in ("docx", "xlsx", "pptx", "odt", "ods", "odp", "zip", "epub"):
            return fmt, None  # no nested containers: reported, not cleaned
        return fmt, handler_for(fmt)

    def inspect_media(self, rep: MetadataReport, name: str, body: bytes, limits: Limits) -> None:
        if not body:
            return
        fmt, handler = self._sub_handler(body)
        if handler is None:
            rep.add(
                "Embedded", name, f"{fmt}, {len(body)} bytes (not checked)", RiskClass.IDENTIFYING
            )
            rep.blockers.append(f"embedded part not checked: {name}")
            return
        sub = handler.inspect(body, limits)
        for item in sub.items:
            if item.risk is not RiskClass.HARMLESS:
                rep.items.append(
                    MetadataItem(
                        f"Embedded:{name}",
                        f"{item.group}/{item.name}",
                        item.value_short,
                        item.risk,
                        item.needles,
                    )
                )
        rep.blockers.extend(f"{name}: {b}" for b in sub.blockers)

    def clean_media(self, body: bytes, limits: Limits) -> bytes:
        if not body:
            return body
        _fmt, handler = self._sub_handler(body)
        if handler is None:
            return body
        cleaned, _ = handler.clean(body, limits, accept_flattening=False)
        return cleaned

    def searchable_views(self, cleaned: bytes, limits: Limits) -> Iterator[bytes]:
        yield cleaned
        for _info, body in read_zip(cleaned, limits):
            yield body
            if is_xml(_info.filename):
                # Text as the XML spells it (entities) and as UTF-16 readers see it.
                yield body.decode("utf-8", "replace").encode("utf-16-le")

    def allowed_after(self, item: MetadataItem) -> bool:
        return item.risk is RiskClass.HARMLESS


def member_needles(body: bytes) -> tuple[bytes, ...]:
    """Needles for a member that is dropped whole: for XML, its text and attribute
    values (32-byte windows of markup would match every other part's declaration);
    for anything else, windows of its bytes."""
    if body.lstrip()[:1] == b"<":
        try:
            root = etree.fromstring(body, parser=safe_parser())
        except etree.XMLSyntaxError:
            values = [v.decode("utf-8", "replace") for v in re.split(rb"<[^>]*>", body)]
        else:
            values = [t for t in root.itertext() if isinstance(t, str)]
            values += [v for el in root.iter() for v in el.attrib.values()]
        found = {n for v in values[:200] for n in text_needles(v.strip())}
        return tuple(sorted(found))
    return blob_needles(body, 4)


def drop_content_needles(rep: MetadataReport, groups: tuple[str, ...], content: bytes) -> None:
    """A property value that is also the document's own text is content, not a leak:
    do not search for it (e.g. a title property repeating the first heading)."""
    for idx, item in enumerate(rep.items):
        if item.group in groups and any(n in content for n in item.needles):
            rep.items[idx] = item.without_needles()
