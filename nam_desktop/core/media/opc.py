"""Open Packaging Conventions (the container of DOCX, XLSX, PPTX and their macro and
template variants), read as Office reads it: a part is what the relationships reach
from the package root, and what a part *is* comes from its content type
(``[Content_Types].xml``) and the types of the relationships that point at it, never
from its file name.
"""

from __future__ import annotations

import posixpath
from collections import deque
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

from nam_desktop.core.errors import MalformedFileError

CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
#: Relationship-id attributes (r:id, r:embed, r:link...) in transitional and strict XML.
R_NAMESPACES = (
    "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}",
    "{http://purl.oclc.org/ooxml/officeDocument/relationships}",
)
CONTENT_TYPES = "[Content_Types].xml"

# Kinds of part, from the last word of a content type (before "+xml") or of a
# relationship type (transitional, strict and Microsoft namespaces alike).
PROPERTIES, THUMBNAIL, CUSTOM_XML, PRINTER, PEOPLE = (
    "properties", "thumbnail", "customxml", "printer", "people",
)  # fmt: skip
COMMENTS, NOTES, REVISIONS, CONTENT = "comments", "notes", "revisions", "content"
_BY_WORD = {
    "core-properties": PROPERTIES,
    "extended-properties": PROPERTIES,
    "custom-properties": PROPERTIES,
    "thumbnail": THUMBNAIL,
    "customxml": CUSTOM_XML,
    "customxmlprops": CUSTOM_XML,
    "customxmlproperties": CUSTOM_XML,
    "printersettings": PRINTER,
    "people": PEOPLE,
    "person": PEOPLE,
    "authors": PEOPLE,
    "commentauthors": PEOPLE,
    "comments": COMMENTS,
    "commentsextended": COMMENTS,
    "commentsids": COMMENTS,
    "commentsextensible": COMMENTS,
    "threadedcomment": COMMENTS,
    "threadedcomments": COMMENTS,
    "notesslide": NOTES,
    "revisionheaders": REVISIONS,
    "revisionlog": REVISIONS,
    "usernames": REVISIONS,
}
#: External relationships that are document content (a link the author typed).
_CONTENT_LINKS = {"hyperlink"}


def _word(type_text: str) -> str:
    """``...wordprocessingml.comments+xml`` -> ``comments``; ``.../relationships/
    metadata/thumbnail`` -> ``thumbnail``."""
    text = type_text.strip().lower().split(";", 1)[0]
    if "+" in text:
        text = text.rsplit("+", 1)[0]
    for sep in ("/", "."):
        text = text.rsplit(sep, 1)[-1]
    return text


@dataclass(frozen=True)
class Rel:
    source: str  # the source part ("" for the package)
    id: str
    type: str
    target: str  # resolved part name, or the external URI
    external: bool

    @property
    def word(self) -> str:
        return _word(self.type)


@dataclass
class Package:
    parts: dict[str, bytes]  # by name as stored
    defaults: dict[str, str] = field(default_factory=dict)  # extension -> content type
    overrides: dict[str, str] = field(default_factory=dict)  # lower-case name -> type
    rels: dict[str, list[Rel]] = field(default_factory=dict)  # source -> relationships
    by_lower: dict[str, str] = field(default_factory=dict)

    def find(self, name: str) -> str | None:
        return self.by_lower.get(name.lower())

    def content_type(self, name: str) -> str:
        ext = name.rsplit(".", 1)[-1].lower() if "." in name.rsplit("/", 1)[-1] else ""
        return self.overrides.get(name.lower()) or self.defaults.get(ext, "")

    def rels_to(self, name: str) -> list[Rel]:
        return [r for rels in self.rels.values() for r in rels if r.target == name]

    def kind(self, name: str) -> str:
        kinds = {_BY_WORD.get(_word(self.content_type(name)))}
        kinds |= {_BY_WORD.get(r.word) for r in self.rels_to(name) if not r.external}
        kinds.discard(None)
        for kind in (COMMENTS, NOTES, REVISIONS, PEOPLE, PROPERTIES, THUMBNAIL, CUSTOM_XML):
            if kind in kinds:
                return kind
        return PRINTER if PRINTER in kinds else CONTENT

    def reachable(self, skip: set[str] | frozenset[str] = frozenset()) -> list[str]:
        """Parts reached through internal relationships from the package root, in the
        order found, not going through the parts in ``skip``."""
        seen: list[str] = []
        queue = deque(r.target for r in self.rels.get("", []) if not r.external)
        while queue:
            name = queue.popleft()
            if name in seen or name in skip or name not in self.parts:
                continue
            seen.append(name)
            queue.extend(r.target for r in self.rels.get(name, []) if not r.external)
        return seen


def rels_name(source: str) -> str:
    """The relationships part of ``source`` ("" is the package)."""
    folder, _, base = source.rpartition("/")
    return f"{folder + '/' if folder else ''}_rels/{base}.rels"


def _source_of(rels_part: str) -> str | None:
    folder, _, base = rels_part.rpartition("/")
    if not base.lower().endswith(".rels") or not folder.lower().endswith("_rels"):
        return None
    parent = folder[: -len("_rels")].rstrip("/")
    name = base[: -len(".rels")]
    return f"{parent}/{name}" if parent else name


def resolve(source: str, target: str) -> str:
    """A relationship target as a part name (OPC: relative to the source's folder)."""
    target = unquote(target.split("#", 1)[0])
    if target.startswith("/"):
        path = target
    else:
        folder = source.rpartition("/")[0]
        path = "/" + (folder + "/" if folder else "") + target
    return posixpath.normpath(path).lstrip("/")


def load(parts: dict[str, bytes], parse: Any) -> Package:
    """The package model of ``parts`` (name -> bytes); ``parse(name, body)`` parses XML."""
    pkg = Package(parts, by_lower={n.lower(): n for n in parts})
    types = pkg.find(CONTENT_TYPES)
    if types is None:
        raise MalformedFileError("ooxml: [Content_Types].xml missing")
    for el in parse(types, parts[types]):
        if el.tag == CT + "Default":
            pkg.defaults[(el.get("Extension") or "").lower()] = el.get("ContentType") or ""
        elif el.tag == CT + "Override":
            name = (el.get("PartName") or "").lstrip("/")
            pkg.overrides[unquote(name).lower()] = el.get("ContentType") or ""
    for name, body in parts.items():
        source = _source_of(name)
        if source is None:
            continue
        source = pkg.find(source) or source
        rels: list[Rel] = []
        for el in parse(name, body) if body.strip() else []:
            if el.tag != REL + "Relationship":
                continue
            external = el.get("TargetMode") == "External"
            raw = el.get("Target") or ""
            target = raw if external else resolve(source, raw)
            if not external:
                target = pkg.find(target) or target
            rels.append(Rel(source, el.get("Id") or "", el.get("Type") or "", target, external))
        pkg.rels[source] = rels
    return pkg


def main_kind(pkg: Package) -> str:
    """The word of the main document's content type (``document``, ``sheet``...)."""
    for rel in pkg.rels.get("", []):
        if rel.word == "officedocument" and not rel.external:
            return _word(pkg.content_type(rel.target).replace(".main", ""))
    return ""


def is_content_link(rel: Rel) -> bool:
    return rel.word in _CONTENT_LINKS
