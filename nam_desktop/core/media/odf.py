"""OpenDocument (ODT, ODS, ODP): rewrite of the ZIP package in memory.

Removed: meta.xml (creator, dates, generator, statistics, user fields), settings.xml
(printer name and setup, view state), Thumbnails/, and metadata inside embedded
pictures (cleaned recursively); the manifest is updated. Annotations (comments) and
tracked changes block a clean verdict; with flattening accepted they are removed
(changes accepted). The ``mimetype`` member stays first and uncompressed.
"""

from __future__ import annotations

from typing import Any

from nam_desktop.core.errors import MalformedFileError
from nam_desktop.core.media.base import Limits
from nam_desktop.core.media.needles import text_needles
from nam_desktop.core.media.report import MetadataReport, RiskClass
from nam_desktop.core.media.zipdoc import (
    ZipDocHandler,
    drop_content_needles,
    is_xml,
    parse_xml,
    read_zip,
    remove_keep_tail,
    serialize,
    write_zip,
)

IDF, SEN, HRM = RiskClass.IDENTIFYING, RiskClass.SENSITIVE, RiskClass.HARMLESS
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
DC = "{http://purl.org/dc/elements/1.1/}"
MANIFEST = "{urn:oasis:names:tc:opendocument:xmlns:manifest:1.0}"
_DROP = ("meta.xml", "settings.xml")
_META_RISK = {
    "creation-date": SEN,
    "date": SEN,
    "generator": SEN,
    "editing-duration": SEN,
    "editing-cycles": SEN,
    "document-statistic": HRM,
    "print-date": SEN,
}
_CHANGE_MARKS = {TEXT + "change", TEXT + "change-start", TEXT + "change-end"}
_ANNOTATIONS = {OFFICE + "annotation", OFFICE + "annotation-end"}


def _dropped(name: str) -> bool:
    return name in _DROP or name.startswith("Thumbnails/")


class OdfHandler(ZipDocHandler):
    def __init__(self, name: str) -> None:
        self.name = name

    def inspect(self, data: bytes, limits: Limits) -> MetadataReport:
        rep = MetadataReport(self.name)
        members = read_zip(data, limits)
        if not members or members[0][0].filename != "mimetype":
            raise MalformedFileError("odf: mimetype is not the first member")
        for info, body in members:
            name = info.filename
            if name.endswith("/") or name == "mimetype":
                continue
            if name.startswith("Thumbnails/"):
                rep.add("ODF", "Thumbnail", f"{name}, {len(body)} bytes", IDF)
            elif name == "settings.xml":
                parse_xml(name, body)
                rep.add("ODF", "Settings", f"{len(body)} bytes (printer, view state)", SEN)
            elif is_xml(name) and body.strip():
                root = parse_xml(name, body)
                if name == "META-INF/manifest.xml" and any(
                    el.tag == MANIFEST + "encryption-data" for el in root.iter()
                ):
                    raise MalformedFileError("odf: encrypted document")
                self._inspect_xml(rep, name, root)
            else:
                self.inspect_media(rep, name, body, limits)
        content = b"\n".join(
            body for info, body in members if is_xml(info.filename) and not _dropped(info.filename)
        )
        drop_content_needles(rep, ("ODF-Meta",), content)
        return rep

    def _inspect_xml(self, rep: MetadataReport, name: str, root: Any) -> None:
        if name == "meta.xml":
            for el in root.iter():
                if not isinstance(el.tag, str) or len(el):
                    continue
                key = (
                    el.get("{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}name")
                    or el.tag.rsplit("}", 1)[-1]
                )
                value = (el.text or "").strip() or " ".join(f"{v}" for v in el.attrib.values())
                if not value:
                    continue
                risk = _META_RISK.get(key, IDF)
                rep.add("ODF-Meta", key, value, risk, text_needles(value) if risk is IDF else ())
            return
        changes = annotations = 0
        for el in root.iter():
            if el.tag == TEXT + "tracked-changes" and len(el):
                changes += len(el)
            elif el.tag == OFFICE + "annotation":
                annotations += 1
            if el.tag == DC + "creator" and el.text:
                group = "TrackedChanges" if changes else "Comments"
                rep.add(group, "Author", el.text, IDF, text_needles(el.text))
        if changes:
            rep.add("TrackedChanges", name, f"{changes} changes", IDF)
            rep.blockers.append(f"tracked changes ({name})")
        if annotations:
            rep.add("Comments", name, f"{annotations} comments", IDF)
            rep.blockers.append(f"comments ({name})")

    def clean(
        self, data: bytes, limits: Limits, *, accept_flattening: bool
    ) -> tuple[bytes, list[str]]:
        members = read_zip(data, limits)
        dropped = {info.filename for info, _ in members if _dropped(info.filename)}
        out: list[tuple[str, bytes]] = []
        for info, body in members:
            name = info.filename
            if name in dropped:
                continue
            if name == "META-INF/manifest.xml":
                root = parse_xml(name, body)
                for el in list(root):
                    path = el.get(MANIFEST + "full-path") or ""
                    if path in dropped or path == "Thumbnails/":
                        root.remove(el)
                body = serialize(root)
            elif is_xml(name) and accept_flattening and body.strip():
                root = parse_xml(name, body)
                for el in list(root.iter()):
                    if el.getparent() is None:
                        continue
                    if el.tag == TEXT + "tracked-changes" or el.tag in _CHANGE_MARKS | _ANNOTATIONS:
                        remove_keep_tail(el)
                body = serialize(root)
            elif (
                not name.endswith("/")
                and name != "mimetype"
                and not is_xml(name)
                and not name.startswith("META-INF/")
            ):
                body = self.clean_media(body, limits)
            out.append((name, body))
        notes = ["package rewritten: meta.xml, settings.xml and thumbnails removed"]
        if accept_flattening:
            notes.append("flattened: tracked changes accepted, comments removed")
        return write_zip(out, stored_first="mimetype"), notes
