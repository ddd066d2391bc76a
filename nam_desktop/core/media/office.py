"""Office Open XML (DOCX, XLSX, PPTX and their macro and template variants): the
package rebuilt in memory from the parts the document needs, each re-serialised.

Parts are recognised as Office recognises them: by content type and by the type of the
relationships that reach them (``opc.py``), never by file name. Removed: core, extended
and custom properties, the thumbnail, custom XML data, printer settings, people and
author lists, revision-session and document ids (``w:rsid*``, ``w14:docId``,
``w15:docId``, ``w:nsid``, ``w14:paraId``, ``w14:textId``), the attached template and
its path; every member no relationship reaches; everything of the ZIP container that
is not member data (``zipscan.py``); metadata inside embedded pictures (cleaned
recursively). Comments (Word, Excel, threaded and legacy; PowerPoint, modern and
legacy), PowerPoint speaker notes with text and Excel revision logs are reported and
block a clean verdict; with flattening accepted they are removed (Word: tracked
changes accepted, comment anchors removed). An external link other than a hyperlink
also blocks it. The ODF handlers live in ``odf.py``.
"""

from __future__ import annotations

from collections.abc import Callable

from nam_desktop.core.errors import MalformedFileError
from nam_desktop.core.media import opc
from nam_desktop.core.media.base import FormatHandler, Limits
from nam_desktop.core.media.needles import text_needles
from nam_desktop.core.media.odf import OdfHandler
from nam_desktop.core.media.office_xml import (
    IDF,
    drop_dangling,
    flatten_word,
    inspect_body,
    report_people,
    report_properties,
    report_text_part,
    strip_ids,
)
from nam_desktop.core.media.report import MetadataReport
from nam_desktop.core.media.zipdoc import (
    ZipDocHandler,
    drop_content_needles,
    member_needles,
    parse_xml,
    read_zip_scanned,
    serialize,
    write_zip,
)

#: Kinds of part that are always removed, and those removed when flattening.
_ALWAYS = {opc.PROPERTIES, opc.THUMBNAIL, opc.CUSTOM_XML, opc.PRINTER, opc.PEOPLE}
_FLATTENED = {opc.COMMENTS, opc.NOTES, opc.REVISIONS}
_TEXT_KINDS = {
    opc.COMMENTS: ("Comments", "comments"),
    opc.NOTES: ("Notes", "speaker notes"),
    opc.REVISIONS: ("TrackedChanges", "tracked changes"),
}
_XML_TYPES = ("application/xml", "text/xml")
_NOTE_DRAWING = b'ObjectType="Note"'


def _is_xml(pkg: opc.Package, name: str) -> bool:
    ct = pkg.content_type(name).lower()
    return (
        ct.endswith("+xml")
        or ct in _XML_TYPES
        or "vmldrawing" in ct
        or name.lower().endswith((".xml", ".rels", ".vml"))
    )


def _is_comment_drawing(pkg: opc.Package, name: str) -> bool:
    """A VML drawing of comment boxes (Excel's, beside its comments part)."""
    return "vmldrawing" in pkg.content_type(name).lower() and _NOTE_DRAWING in pkg.parts[name]


class OoxmlHandler(ZipDocHandler):
    def __init__(self, name: str) -> None:
        self.name = name

    def _load(self, data: bytes, limits: Limits) -> tuple[opc.Package, MetadataReport]:
        members, findings = read_zip_scanned(data, limits)
        pkg = opc.load({info.filename: body for info, body in members}, parse_xml)
        rep = MetadataReport(self.name)
        for finding in findings:
            finding.add_to(rep)
        return pkg, rep

    def inspect(self, data: bytes, limits: Limits) -> MetadataReport:
        pkg, rep = self._load(data, limits)
        reached = pkg.reachable()
        if not reached:
            raise MalformedFileError("ooxml: no part is reachable from the package")
        self._report_unused(rep, pkg, reached)
        content: list[bytes] = []
        for name in reached:
            kind = pkg.kind(name)
            body = pkg.parts[name]
            if kind == opc.THUMBNAIL:
                rep.add("Office", "Thumbnail", f"{name}, {len(body)} bytes", IDF)
            elif kind == opc.PRINTER:
                rep.add("Office", "PrinterSettings", name, IDF)
            elif kind == opc.CUSTOM_XML:
                rep.add("Office", "CustomXml", name, IDF, member_needles(body))
            elif not _is_xml(pkg, name):
                self.inspect_media(rep, name, body, limits)
            elif _is_comment_drawing(pkg, name):
                continue  # comment boxes, removed with the comments
            elif body.strip():
                root = parse_xml(name, body)
                if kind == opc.PROPERTIES:
                    report_properties(rep, opc._word(pkg.content_type(name)), root)
                elif kind == opc.PEOPLE:
                    report_people(rep, "Comments", name, root)
                elif kind in _TEXT_KINDS:
                    group, blocker = _TEXT_KINDS[kind]
                    report_text_part(rep, group, name, root, blocker)
                else:
                    inspect_body(rep, name, root)
                    content.append(body)
        self._report_links(rep, pkg, reached)
        drop_content_needles(
            rep, ("Office-Properties", "Comments", "Notes", "TrackedChanges"), b"\n".join(content)
        )
        return rep

    def _report_unused(self, rep: MetadataReport, pkg: opc.Package, reached: list[str]) -> None:
        needed = {opc.CONTENT_TYPES.lower(), opc.rels_name("").lower()}
        needed |= {opc.rels_name(n).lower() for n in reached}
        needed |= {n.lower() for n in reached}
        for name, body in pkg.parts.items():
            if name.lower() not in needed:
                rep.add(
                    "ZIP", "UnusedMember", f"{name}, {len(body)} bytes", IDF, member_needles(body)
                )

    def _report_links(self, rep: MetadataReport, pkg: opc.Package, reached: list[str]) -> None:
        for source in ["", *reached]:
            for rel in pkg.rels.get(source, []):
                if not rel.external or opc.is_content_link(rel):
                    continue
                if rel.word == "attachedtemplate":
                    rep.add("Office", "AttachedTemplate", rel.target, IDF, text_needles(rel.target))
                else:
                    rep.add("Office", "ExternalLink", f"{rel.word}: {rel.target}", IDF)
                    rep.blockers.append(f"link to an outside file ({rel.word})")

    def clean(
        self, data: bytes, limits: Limits, *, accept_flattening: bool
    ) -> tuple[bytes, list[str]]:
        pkg, _rep = self._load(data, limits)
        original = pkg.reachable()
        drop = {
            name
            for name in original
            if pkg.kind(name) in _ALWAYS
            or (
                accept_flattening
                and (pkg.kind(name) in _FLATTENED or _is_comment_drawing(pkg, name))
            )
        }
        kept = pkg.reachable(skip=drop)
        kept_set = set(kept)
        word = opc.main_kind(pkg) in ("document", "template")
        out: list[tuple[str, bytes]] = [(opc.CONTENT_TYPES, _content_types(pkg, kept))]
        dropped_ids: dict[str, set[str]] = {}
        for source in ["", *kept]:
            if source in pkg.rels:
                body, gone = _relationships(pkg.rels[source], kept_set)
                dropped_ids[source] = gone
                if body is not None:
                    out.append((pkg.find(opc.rels_name(source)) or opc.rels_name(source), body))
        for name in kept:
            body = pkg.parts[name]
            if _is_xml(pkg, name):
                if body.strip():
                    root = parse_xml(name, body)
                    strip_ids(root)
                    drop_dangling(root, dropped_ids.get(name, set()))
                    if accept_flattening and word:
                        flatten_word(root)
                    body = serialize(root)
            else:
                body = self.clean_media(body, limits)
            out.append((name, body))
        out = _in_original_order(out, list(pkg.parts))
        notes = ["package rebuilt: only the parts the document uses, each re-serialised"]
        if accept_flattening:
            notes.append(
                "flattened: comments, speaker notes and revision logs removed"
                + (", tracked changes accepted" if word else "")
            )
        return write_zip(out), notes


def _content_types(pkg: opc.Package, kept: list[str]) -> bytes:
    """A new ``[Content_Types].xml``: a default for each extension the kept parts use,
    an override for each kept part that had one."""
    from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type stubs

    root = etree.Element(opc.CT + "Types", nsmap={None: opc.CT[1:-1]})
    names = [*kept, *(opc.rels_name(s) for s in ["", *kept] if s in pkg.rels)]
    exts = sorted({n.rsplit(".", 1)[-1].lower() for n in names if "." in n.rsplit("/", 1)[-1]})
    for ext in exts:
        if ext in pkg.defaults:
            etree.SubElement(root, opc.CT + "Default", Extension=ext, ContentType=pkg.defaults[ext])
    for name in kept:
        ct = pkg.overrides.get(name.lower())
        if ct:
            etree.SubElement(root, opc.CT + "Override", PartName="/" + name, ContentType=ct)
    return serialize(root)


def _relationships(rels: list[opc.Rel], kept: set[str]) -> tuple[bytes | None, set[str]]:
    """A new relationships part with what stays (internal links to kept parts,
    hyperlinks), and the ids that went. None when nothing stays."""
    from lxml import etree

    root = etree.Element(opc.REL + "Relationships", nsmap={None: opc.REL[1:-1]})
    gone: set[str] = set()
    for rel in rels:
        stays = opc.is_content_link(rel) if rel.external else rel.target in kept
        if not stays:
            gone.add(rel.id)
            continue
        el = etree.SubElement(root, opc.REL + "Relationship", Id=rel.id, Type=rel.type)
        if rel.external:
            el.set("Target", rel.target)
            el.set("TargetMode", "External")
        else:
            el.set("Target", "/" + rel.target)
    return (serialize(root) if len(root) else None), gone


def _in_original_order(out: list[tuple[str, bytes]], order: list[str]) -> list[tuple[str, bytes]]:
    """``[Content_Types].xml`` first, then the parts in the order they had."""
    rank = {name: i for i, name in enumerate(order)}
    head, rest = out[0], out[1:]
    return [head, *sorted(rest, key=lambda item: rank.get(item[0], len(rank)))]


OFFICE_HANDLERS: dict[str, Callable[[], FormatHandler]] = {
    "docx": lambda: OoxmlHandler("docx"),
    "xlsx": lambda: OoxmlHandler("xlsx"),
    "pptx": lambda: OoxmlHandler("pptx"),
    "odt": lambda: OdfHandler("odt"),
    "ods": lambda: OdfHandler("ods"),
    "odp": lambda: OdfHandler("odp"),
}
