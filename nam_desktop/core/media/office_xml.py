"""What the Office (OOXML) cleaner reads and changes inside XML parts: properties,
comments, speaker notes, people lists, revision ids and tracked changes."""

from __future__ import annotations

from typing import Any

from nam_desktop.core.media.needles import text_needles
from nam_desktop.core.media.opc import R_NAMESPACES
from nam_desktop.core.media.report import MetadataReport, RiskClass
from nam_desktop.core.media.zipdoc import remove_keep_tail, unwrap

IDF, SEN, HRM = RiskClass.IDENTIFYING, RiskClass.SENSITIVE, RiskClass.HARMLESS
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
W15 = "{http://schemas.microsoft.com/office/word/2012/wordml}"

ID_ELEMENTS = {
    W + "rsids",
    W + "rsid",
    W14 + "docId",
    W15 + "docId",
    W + "nsid",
    W + "attachedTemplate",
}
_ID_ATTRS = {W14 + "paraId", W14 + "textId"}
INSERTS = {W + "ins", W + "moveTo"}
DELETES = {W + "del", W + "moveFrom"}
PR_CHANGES = {
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
#: Extended (app.xml) properties that name a person or an organisation; the other
#: extended properties are statistics and the application's name.
_APP_IDENTIFYING = {"Company", "Manager", "HyperlinkBase"}
#: Attributes that name the author of a comment, a change or a person entry.
_AUTHOR_ATTRS = ("author", "displayName", "name", "userId", "initials", "userName")


def local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def report_properties(rep: MetadataReport, word: str, root: Any) -> None:
    """Core, extended (app) or custom properties: one item per value."""
    for el in root.iter():
        if len(el) or not el.text or not el.text.strip():
            continue
        parent = el.getparent()
        key = parent.get("name") if word == "custom-properties" and parent is not None else None
        prop = key or local(el.tag)
        if word == "extended-properties":
            risk = IDF if prop in _APP_IDENTIFYING else _PROPS_RISK.get(prop, HRM)
        else:
            risk = _PROPS_RISK.get(prop, IDF)
        # Placeholder values equal to their property name are too generic.
        specific = risk is IDF and el.text.strip().lower() != prop.lower()
        rep.add("Office-Properties", prop, el.text, risk, text_needles(el.text) if specific else ())


def _texts(root: Any) -> list[str]:
    return [t.strip() for t in root.itertext() if t and t.strip()]


def _people(root: Any) -> set[str]:
    names = set()
    for el in root.iter():
        for attr, value in el.attrib.items():
            if local(attr) in _AUTHOR_ATTRS and value.strip():
                names.add(value.strip())
        if local(el.tag) == "author" and el.text and el.text.strip():
            names.add(el.text.strip())  # spreadsheet comments: <authors><author>
    return names


def report_people(rep: MetadataReport, group: str, name: str, root: Any) -> None:
    for person in sorted(_people(root)):
        rep.add(group, "Author", person, IDF, text_needles(person))


def _entries(root: Any) -> int:
    """How many comments or log entries a part holds: the children of its list element
    (Excel's legacy comments keep theirs in ``<commentList>``, beside ``<authors>``)."""
    for child in root:
        if local(child.tag) == "commentList":
            return len(child)
    return len(root)


def report_text_part(rep: MetadataReport, group: str, name: str, root: Any, blocker: str) -> None:
    """Comments, speaker notes, revision logs: who wrote them and what they say.
    A part with text blocks a clean verdict (``blocker``) unless removed. The value of
    comments and logs starts with their number ("3 entries: ..."); a notes page (one
    slide's notes) has no author: the names in it are the placeholders' shape names."""
    if group != "Notes":
        report_people(rep, group, name, root)
    texts = _texts(root)
    entries = _entries(root)
    if texts:
        joined = " ".join(texts)
        value = joined if group == "Notes" else f"{entries} entries: {joined}"
        rep.add(group, name, value, IDF, _text_needles(texts))
        rep.blockers.append(f"{blocker} ({name})")
    elif entries and group != "Notes":
        rep.add(group, name, f"{entries} entries", IDF)
        rep.blockers.append(f"{blocker} ({name})")


def _text_needles(texts: list[str]) -> tuple[bytes, ...]:
    return tuple(n for t in texts[:50] for n in text_needles(t))


def has_text(root: Any) -> bool:
    return bool(_texts(root))


def inspect_body(rep: MetadataReport, name: str, root: Any) -> None:
    """A content part: revision ids, document ids, tracked changes, comment anchors."""
    rsids: set[str] = set()
    changes = 0
    for el in root.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        for attr, value in el.attrib.items():
            if attr.startswith(W + "rsid"):
                rsids.add(value)
        if tag == W + "rsid":
            rsids.add(el.get(W + "val") or "")
        elif tag in ID_ELEMENTS:
            value = el.get(W + "val") or el.get(W14 + "val") or el.get(W15 + "val") or ""
            rep.add("Office-Ids", local(tag), value, IDF, text_needles(value))
        if tag in INSERTS | DELETES | PR_CHANGES:
            changes += 1
            author = el.get(W + "author")
            if author:
                rep.add("TrackedChanges", "Author", author, IDF, text_needles(author))
        if tag == W + "commentReference":
            rep.blockers.append(f"comment anchors ({name})")
    if rsids:
        # Quoted as they appear in attributes: a bare 8-digit hex id could match by
        # chance elsewhere (in picture data, or other ids).
        needles = tuple(n for v in sorted(rsids)[:20] for n in text_needles('"' + v + '"'))
        rep.add("Office-Ids", "RevisionSessionIds", f"{len(rsids)} ids in {name}", IDF, needles)
    if changes:
        rep.add("TrackedChanges", name, f"{changes} changes", IDF)
        rep.blockers.append(f"tracked changes ({name})")


def strip_ids(root: Any) -> None:
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            continue
        if el.tag in ID_ELEMENTS:
            remove_keep_tail(el)
            continue
        for attr in list(el.attrib):
            if attr.startswith(W + "rsid") or attr in _ID_ATTRS:
                del el.attrib[attr]


def flatten_word(root: Any) -> None:
    """Accept tracked changes and remove comment anchors in a WordprocessingML part."""
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None:
            continue
        if el.tag in INSERTS:
            unwrap(el)
        elif el.tag in DELETES | PR_CHANGES | _RANGE_MARKS | _COMMENT_MARKS:
            remove_keep_tail(el)
        elif el.tag == W + "commentReference":
            run = el.getparent()
            if run.tag == W + "r" and run.getparent() is not None:
                remove_keep_tail(run)
            else:
                remove_keep_tail(el)


def drop_dangling(root: Any, dropped_ids: set[str]) -> int:
    """Remove the elements that point at a removed relationship (``r:id`` and the
    like), and an extension element left empty by that. Returns how many."""
    if not dropped_ids:
        return 0
    count = 0
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None:
            continue
        if any(
            attr.startswith(R_NAMESPACES) and value in dropped_ids
            for attr, value in el.attrib.items()
        ):
            parent = el.getparent()
            remove_keep_tail(el)
            count += 1
            if local(parent.tag) == "ext" and len(parent) == 0 and parent.getparent() is not None:
                remove_keep_tail(parent)
    return count
