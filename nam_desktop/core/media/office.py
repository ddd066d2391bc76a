"""Office Open XML (DOCX, XLSX, PPTX): rewrite of the ZIP package in memory.

Removed: docProps (core, app, custom properties, thumbnail), customXml, people.xml,
revision-session ids (``w:rsid*``), document ids (``w14:docId``, ``w15:docId``),
numbering ids (``w:nsid``), paragraph ids (``w14:paraId``, ``w14:textId``), the attached
template path, printer settings; metadata inside embedded pictures (cleaned recursively).
Comments and tracked changes are reported and block a clean verdict; with flattening
accepted (DOCX only) tracked changes are accepted and comments removed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nam_desktop.core.errors import MalformedFileError
from nam_desktop.core.media.base import FormatHandler, Limits
from nam_desktop.core.media.needles import text_needles
from nam_desktop.core.media.odf import OdfHandler
from nam_desktop.core.media.report import MetadataReport, RiskClass
from nam_desktop.core.media.zipdoc import (
    ZipDocHandler,
    drop_content_needles,
    is_xml,
    parse_xml,
    read_zip,
    remove_keep_tail,
    serialize,
    unwrap,
    write_zip,
)

IDF, SEN, HRM = RiskClass.IDENTIFYING, RiskClass.SENSITIVE, RiskClass.HARMLESS
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
W15 = "{http://schemas.microsoft.com/office/word/2012/wordml}"
CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"

_DROP_PREFIXES = ("docProps/", "customXml/")
_DROP_NAMES = ("word/people.xml",)
_DROP_CONTAINS = ("printerSettings", "persons/person")
_COMMENT_PARTS = (
    "commentAuthors",
    "comments",
    "commentsExtended",
    "commentsIds",
    "commentsExtensible",
    "threadedComments",
    "persons",
)
_ID_ELEMENTS = {
    W + "rsids",
    W + "rsid",
    W14 + "docId",
    W15 + "docId",
    W + "nsid",
    W + "attachedTemplate",
}
_ID_ATTRS = {W14 + "paraId", W14 + "textId"}
_INSERTS = {W + "ins", W + "moveTo"}
_DELETES = {W + "del", W + "moveFrom"}
_PR_CHANGES = {
    W + t
    for t in (
        "rPrChange",
        "pPrChange",
        "sectPrChange",
        "tblPrChange",
        "trPrChange",
        "tcPrChange",
        "tblGridChange",
        "numberingChange",
    )
}
_RANGE_MARKS = {
    W + t for t in ("moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd")
}
_COMMENT_MARKS = {W + "commentRangeStart", W + "commentRangeEnd"}
_PROPS_RISK = {
    "language": SEN,
    "created": SEN,
    "modified": SEN,
    "lastPrinted": SEN,
    "revision": SEN,
    "Application": SEN,
    "AppVersion": SEN,
    "TotalTime": SEN,
    "DocSecurity": HRM,
    "Template": SEN,
}


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _is_comment_part(name: str) -> bool:
    base = name.rsplit("/", 1)[-1].split(".", 1)[0].rstrip("0123456789")
    return base in _COMMENT_PARTS


def _dropped(name: str, flatten: bool) -> bool:
    return (
        name.startswith(_DROP_PREFIXES)
        or name in _DROP_NAMES
        or any(s in name for s in _DROP_CONTAINS)
        or (flatten and _is_comment_part(name) and name.startswith("word/"))
    )


class OoxmlHandler(ZipDocHandler):
    def __init__(self, name: str) -> None:
        self.name = name

    def inspect(self, data: bytes, limits: Limits) -> MetadataReport:
        rep = MetadataReport(self.name)
        members = read_zip(data, limits)
        names = {info.filename for info, _ in members}
        if "[Content_Types].xml" not in names:
            raise MalformedFileError("ooxml: [Content_Types].xml missing")
        for info, body in members:
            name = info.filename
            if name.endswith("/"):
                continue
            if is_xml(name):
                if body.strip():
                    self._inspect_xml(rep, name, parse_xml(name, body))
            elif name.startswith("docProps/"):
                rep.add("Office", "Thumbnail", f"{name}, {len(body)} bytes", IDF)
            elif "printerSettings" in name:
                rep.add("Office", "PrinterSettings", name, IDF)
            else:
                self.inspect_media(rep, name, body, limits)
        content = b"\n".join(
            body
            for info, body in members
            if is_xml(info.filename) and not _dropped(info.filename, False)
        )
        drop_content_needles(rep, ("Office-Properties",), content)
        return rep

    def _inspect_xml(self, rep: MetadataReport, name: str, root: Any) -> None:
        if name in ("docProps/core.xml", "docProps/app.xml", "docProps/custom.xml"):
            for el in root.iter():
                if len(el) == 0 and el.text and el.text.strip():
                    key = el.getparent().get("name") if name.endswith("custom.xml") else None
                    prop = key or _local(el.tag)
                    risk = _PROPS_RISK.get(prop, IDF)
                    if name.endswith("app.xml") and prop not in (
                        "Company",
                        "Manager",
                        "HyperlinkBase",
                    ):
                        risk = _PROPS_RISK.get(prop, HRM)
                    # Placeholder values equal to their property name are too generic.
                    specific = risk is IDF and el.text.strip().lower() != prop.lower()
                    rep.add(
                        "Office-Properties",
                        prop,
                        el.text,
                        risk,
                        text_needles(el.text) if specific else (),
                    )
            return
        if name.startswith("customXml/"):
            rep.add("Office", "CustomXml", name, IDF)
            return
        if _is_comment_part(name):
            authors = {el.get(W + "author") or el.get("displayName") or "" for el in root.iter()}
            authors.discard("")
            rep.add("Comments", name, f"{len(root)} entries", IDF)
            for author in sorted(authors):
                rep.add("Comments", "Author", author, IDF, text_needles(author))
            if root is not None and len(root) and "comment" in name.lower():
                rep.blockers.append(f"comments ({name})")
            return
        if name == "word/people.xml":
            for el in root.iter():
                author = el.get(W15 + "author")
                if author:
                    rep.add("Comments", "Person", author, IDF, text_needles(author))
            return
        rsids: set[str] = set()
        changes = 0
        for el in root.iter():
            tag = el.tag if isinstance(el.tag, str) else ""
            for attr, value in el.attrib.items():
                if attr.startswith(W + "rsid"):
                    rsids.add(value)
            if tag == W + "rsid":
                rsids.add(el.get(W + "val") or "")
            elif tag in _ID_ELEMENTS:
                value = el.get(W + "val") or el.get(W14 + "val") or el.get(W15 + "val") or ""
                rep.add("Office-Ids", _local(tag), value, IDF, text_needles(value))
            if tag in _INSERTS | _DELETES | _PR_CHANGES:
                changes += 1
                author = el.get(W + "author")
                if author:
                    rep.add("TrackedChanges", "Author", author, IDF, text_needles(author))
            if tag == W + "commentReference":
                rep.blockers.append(f"comment anchors ({name})")
        if rsids:
            rep.add(
                "Office-Ids",
                "RevisionSessionIds",
                f"{len(rsids)} ids in {name}",
                IDF,
                tuple(n for v in sorted(rsids)[:20] for n in text_needles('"' + v + '"')),
            )
        if changes:
            rep.add("TrackedChanges", name, f"{changes} changes", IDF)
            rep.blockers.append(f"tracked changes ({name})")

    def clean(
        self, data: bytes, limits: Limits, *, accept_flattening: bool
    ) -> tuple[bytes, list[str]]:
        members = read_zip(data, limits)
        flatten = accept_flattening and self.name == "docx"
        notes = ["package rewritten: properties, ids and thumbnails removed"]
        dropped = {info.filename for info, _ in members if _dropped(info.filename, flatten)}
        out: list[tuple[str, bytes]] = []
        for info, body in members:
            name = info.filename
            if name in dropped:
                continue
            if is_xml(name) and body.strip():
                root = parse_xml(name, body)
                if name == "[Content_Types].xml":
                    _drop_overrides(root, dropped)
                elif name.endswith(".rels"):
                    _drop_relationships(root, name, dropped)
                else:
                    _strip_ids(root)
                    if flatten:
                        _flatten(root)
                body = serialize(root)
            elif not name.endswith("/"):
                body = self.clean_media(body, limits)
            out.append((name, body))
        if flatten:
            notes.append("flattened: tracked changes accepted, comments removed")
        return write_zip(out), notes


def _drop_overrides(root: Any, dropped: set[str]) -> None:
    for el in list(root):
        if el.tag == CT + "Override" and (el.get("PartName") or "").lstrip("/") in dropped:
            root.remove(el)


def _drop_relationships(root: Any, rels_name: str, dropped: set[str]) -> None:
    # "word/_rels/document.xml.rels" -> targets relative to "word/"
    base = rels_name.split("_rels/", 1)[0]
    for el in list(root):
        target = el.get("Target") or ""
        if el.get("TargetMode") == "External":
            continue
        full = target.lstrip("/") if target.startswith("/") else _join(base, target)
        if full in dropped:
            root.remove(el)


def _join(base: str, target: str) -> str:
    parts = [p for p in (base + target).split("/") if p and p != "."]
    out: list[str] = []
    for p in parts:
        if p == "..":
            if out:
                out.pop()
        else:
            out.append(p)
    return "/".join(out)


def _strip_ids(root: Any) -> None:
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            continue
        if el.tag in _ID_ELEMENTS:
            remove_keep_tail(el)
            continue
        for attr in list(el.attrib):
            if attr.startswith(W + "rsid") or attr in _ID_ATTRS:
                del el.attrib[attr]


def _flatten(root: Any) -> None:
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None:
            continue
        if el.tag in _INSERTS:
            unwrap(el)
        elif el.tag in _DELETES | _PR_CHANGES | _RANGE_MARKS | _COMMENT_MARKS:
            remove_keep_tail(el)
        elif el.tag == W + "commentReference":
            run = el.getparent()
            if run.tag == W + "r" and run.getparent() is not None:
                remove_keep_tail(run)
            else:
                remove_keep_tail(el)


OFFICE_HANDLERS: dict[str, Callable[[], FormatHandler]] = {
    "docx": lambda: OoxmlHandler("docx"),
    "xlsx": lambda: OoxmlHandler("xlsx"),
    "pptx": lambda: OoxmlHandler("pptx"),
    "odt": lambda: OdfHandler("odt"),
    "ods": lambda: OdfHandler("ods"),
    "odp": lambda: OdfHandler("odp"),
}
