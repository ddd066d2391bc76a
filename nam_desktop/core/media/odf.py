"""OpenDocument (ODT, ODS, ODP): rewrite of the ZIP package in memory.

Removed: meta.xml (creator, dates, generator, statistics, user fields), settings.xml
(printer name and setup, view state), Thumbnails/, the user-interface configuration
(Configurations2/), every member the manifest does not list, everything of the ZIP
container that is not member data (``zipscan.py``), and metadata inside embedded
pictures (cleaned recursively); the manifest is rebuilt. Annotations (comments),
speaker notes with text (presentations) and tracked changes block a clean verdict; with
flattening accepted they are removed (changes accepted). The ``mimetype`` member stays
first and uncompressed.
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
    member_needles,
    parse_xml,
    read_zip_scanned,
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
_DROP_FOLDERS = ("Thumbnails/", "Configurations2/")
PRESENTATION = "{urn:oasis:names:tc:opendocument:xmlns:presentation:1.0}"
_NOTES = PRESENTATION + "notes"
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
    return name in _DROP or name.startswith(_DROP_FOLDERS)


def _listed(members: list[tuple[Any, bytes]]) -> tuple[set[str], Any]:
    """Paths the manifest lists, and the manifest's root (None without one)."""
    body = next((b for i, b in members if i.filename == "META-INF/manifest.xml"), None)
    if body is None:
        return set(), None
    root = parse_xml("META-INF/manifest.xml", body)
    if any(el.tag == MANIFEST + "encryption-data" for el in root.iter()):
        raise MalformedFileError("odf: encrypted document")
    return {el.get(MANIFEST + "full-path") or "" for el in root}, root


def _needed(name: str, listed: set[str], has_manifest: bool) -> bool:
    """A member the document uses: mimetype, the manifest, and what it lists (every
    member when there is no manifest: ODF 1.0 files may lack one)."""
    return name in ("mimetype", "META-INF/manifest.xml") or not has_manifest or name in listed


class OdfHandler(ZipDocHandler):
    def __init__(self, name: str) -> None:
        self.name = name

    def inspect(self, data: bytes, limits: Limits) -> MetadataReport:
        rep = MetadataReport(self.name)
        members, findings = read_zip_scanned(data, limits)
        if not members or members[0][0].filename != "mimetype":
            raise MalformedFileError("odf: mimetype is not the first member")
        for finding in findings:
            finding.add_to(rep)
        listed, manifest = _listed(members)
        for info, body in members:
            name = info.filename
            if name in ("mimetype", "META-INF/manifest.xml"):
                continue
            if not _needed(name, listed, manifest is not None):
                rep.add(
                    "ZIP", "UnusedMember", f"{name}, {len(body)} bytes", IDF, member_needles(body)
                )
            elif name.startswith("Thumbnails/"):
                rep.add("ODF", "Thumbnail", f"{name}, {len(body)} bytes", IDF)
            elif name.startswith("Configurations2/"):
                if body.strip():
                    rep.add("ODF", "Configuration", name, SEN, member_needles(body))
            elif name == "settings.xml":
                parse_xml(name, body)
                rep.add("ODF", "Settings", f"{len(body)} bytes (printer, view state)", SEN)
            elif is_xml(name) and body.strip():
                self._inspect_xml(rep, name, parse_xml(name, body))
            elif not is_xml(name):
                self.inspect_media(rep, name, body, limits)
        content = b"\n".join(
            body for info, body in members if is_xml(info.filename) and not _dropped(info.filename)
        )
        drop_content_needles(rep, ("ODF-Meta", "Comments", "Notes"), content)
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
            elif el.tag == _NOTES:
                texts = [t.strip() for t in el.itertext() if t.strip()]
                if texts:
                    joined = " ".join(texts)
                    needles = tuple(n for t in texts[:50] for n in text_needles(t))
                    rep.add("Notes", name, joined, IDF, needles)
                    rep.blockers.append(f"speaker notes ({name})")
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
        members, _findings = read_zip_scanned(data, limits)
        listed, manifest = _listed(members)
        kept = [
            (info.filename, body)
            for info, body in members
            if _needed(info.filename, listed, manifest is not None) and not _dropped(info.filename)
        ]
        names = {name for name, _ in kept}
        out: list[tuple[str, bytes]] = []
        for name, body in kept:
            if name == "META-INF/manifest.xml" and manifest is not None:
                for el in list(manifest):
                    path = el.get(MANIFEST + "full-path") or ""
                    folder = path.endswith("/") and path != "/"
                    used = (
                        path == "/"
                        or path in names
                        or (folder and any(n.startswith(path) for n in names))
                    )
                    if not used:
                        manifest.remove(el)
                body = serialize(manifest)
            elif is_xml(name) and body.strip():
                root = parse_xml(name, body)
                if accept_flattening:
                    for el in list(root.iter()):
                        if el.getparent() is None:
                            continue
                        if (
                            el.tag in (TEXT + "tracked-changes", _NOTES)
                            or el.tag in _CHANGE_MARKS | _ANNOTATIONS
                        ):
                            remove_keep_tail(el)
                body = serialize(root)
            elif name != "mimetype" and not is_xml(name):
                body = self.clean_media(body, limits)
            out.append((name, body))
        notes = ["package rebuilt: meta.xml, settings.xml, thumbnails and unlisted members removed"]
        if accept_flattening:
            notes.append("flattened: tracked changes accepted, comments and speaker notes removed")
        return write_zip(out, stored_first="mimetype"), notes
