"""A file's metadata report in plain sentences, in the user's language.

"Location 53.8833° N, 27.5600° E — removed", "Camera serial number ABC123 — removed",
"Kept: the picture, its orientation": built from the core's findings
(:mod:`nam_desktop.core.media.findings`), one sentence per risk, most identifying first.
The technical table (tag names, raw values) stays one click away in the panel.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from nam_desktop.core.media.findings import (
    Blocked,
    BlockerKind,
    Finding,
    FindingKind,
    KeptKind,
    NoteKind,
    blocked,
    findings,
    kept,
    note_kind,
)

CTX = "MetadataWords"
IDENTIFYING_KINDS = frozenset({
    FindingKind.LOCATION, FindingKind.PLACE_NAME, FindingKind.SERIAL_NUMBER,
    FindingKind.OWNER, FindingKind.AUTHOR, FindingKind.COPYRIGHT, FindingKind.DESCRIPTION,
    FindingKind.THUMBNAIL, FindingKind.DOCUMENT_ID, FindingKind.MAKER_NOTE,
    FindingKind.OTHER_IDENTIFYING})

# %1: the value; the state ("removed", "still in the file") follows after a dash.
WITH_VALUE: dict[FindingKind, str] = {
    FindingKind.LOCATION: QT_TRANSLATE_NOOP("MetadataWords", "Location %1"),
    FindingKind.PLACE_NAME: QT_TRANSLATE_NOOP("MetadataWords", "Place name \u201c%1\u201d"),
    FindingKind.SERIAL_NUMBER: QT_TRANSLATE_NOOP("MetadataWords", "Camera serial number %1"),
    FindingKind.OWNER: QT_TRANSLATE_NOOP("MetadataWords", "Owner's name \u201c%1\u201d"),
    FindingKind.AUTHOR: QT_TRANSLATE_NOOP("MetadataWords", "Author \u201c%1\u201d"),
    FindingKind.COPYRIGHT: QT_TRANSLATE_NOOP("MetadataWords",
                                             "Copyright notice \u201c%1\u201d"),
    FindingKind.CAMERA: QT_TRANSLATE_NOOP("MetadataWords", "Camera %1"),
    FindingKind.DATE: QT_TRANSLATE_NOOP("MetadataWords", "Date and time %1"),
    FindingKind.SOFTWARE: QT_TRANSLATE_NOOP("MetadataWords", "Software \u201c%1\u201d"),
    FindingKind.DESCRIPTION: QT_TRANSLATE_NOOP("MetadataWords",
                                               "Caption, title or comment \u201c%1\u201d"),
}
WITHOUT_VALUE: dict[FindingKind, str] = {
    FindingKind.LOCATION: QT_TRANSLATE_NOOP("MetadataWords", "Location (GPS)"),
    FindingKind.PLACE_NAME: QT_TRANSLATE_NOOP("MetadataWords", "A place name"),
    FindingKind.SERIAL_NUMBER: QT_TRANSLATE_NOOP("MetadataWords", "A serial number"),
    FindingKind.OWNER: QT_TRANSLATE_NOOP("MetadataWords", "The owner's name"),
    FindingKind.AUTHOR: QT_TRANSLATE_NOOP("MetadataWords", "The author's name"),
    FindingKind.COPYRIGHT: QT_TRANSLATE_NOOP("MetadataWords", "A copyright notice"),
    FindingKind.CAMERA: QT_TRANSLATE_NOOP("MetadataWords", "The camera model"),
    FindingKind.DATE: QT_TRANSLATE_NOOP("MetadataWords", "Dates and times"),
    FindingKind.SOFTWARE: QT_TRANSLATE_NOOP("MetadataWords", "The software used"),
    FindingKind.DESCRIPTION: QT_TRANSLATE_NOOP("MetadataWords",
                                               "A caption, title or comment"),
    FindingKind.THUMBNAIL: QT_TRANSLATE_NOOP(
        "MetadataWords", "A small preview picture, which may show more than the picture "
        "itself"),
    FindingKind.DOCUMENT_ID: QT_TRANSLATE_NOOP(
        "MetadataWords", "Document identifiers that can link copies of the file"),
    FindingKind.EDIT_HISTORY: QT_TRANSLATE_NOOP(
        "MetadataWords", "The editing history (earlier versions, editing time)"),
    FindingKind.MAKER_NOTE: QT_TRANSLATE_NOOP("MetadataWords",
                                              "The camera maker's hidden data block"),
}
KEPT_WORDS: dict[KeptKind, str] = {
    KeptKind.PICTURE: QT_TRANSLATE_NOOP("MetadataWords", "the picture"),
    KeptKind.ORIENTATION: QT_TRANSLATE_NOOP("MetadataWords", "its orientation"),
    KeptKind.COLOUR_PROFILE: QT_TRANSLATE_NOOP("MetadataWords", "its colour profile"),
    KeptKind.SOUND: QT_TRANSLATE_NOOP("MetadataWords", "the sound"),
    KeptKind.VIDEO: QT_TRANSLATE_NOOP("MetadataWords", "the video"),
    KeptKind.PAGES: QT_TRANSLATE_NOOP("MetadataWords", "the pages"),
    KeptKind.TEXT: QT_TRANSLATE_NOOP("MetadataWords", "the text"),
}
NOTE_WORDS: dict[NoteKind, str] = {
    NoteKind.NOT_CHECKED: QT_TRANSLATE_NOOP(
        "MetadataWords", "This type of file is not checked: it was stored as it is, and "
        "hidden information may still be in it."),
    NoteKind.UNCHANGED_CONTENT: QT_TRANSLATE_NOOP(
        "MetadataWords", "The content itself was not changed or re-encoded: only the hidden "
        "information was taken out."),
    NoteKind.REWRITTEN: QT_TRANSLATE_NOOP(
        "MetadataWords", "The file was rewritten without its hidden information; what it "
        "shows is unchanged."),
    NoteKind.FLATTENED: QT_TRANSLATE_NOOP(
        "MetadataWords", "Tracked changes were accepted, and comments or embedded files "
        "were removed."),
}


def tr(text: str) -> str:
    """A message marked with QT_TRANSLATE_NOOP above, in the UI language."""
    return QCoreApplication.translate(CTX, text)


def coordinates(latitude: float, longitude: float) -> str:
    """53.8833° N, 27.5600° E (the letters are the same in every language)."""
    return (f"{abs(latitude):.4f}° {'N' if latitude >= 0 else 'S'}, "
            f"{abs(longitude):.4f}° {'E' if longitude >= 0 else 'W'}")


def finding_text(finding: Finding) -> str:
    kind, value = finding.kind, finding.value
    if kind is FindingKind.OTHER_IDENTIFYING:
        return QCoreApplication.translate("MetadataWords", "%n other identifying items",
                                          None, int(value or 0))
    if kind is FindingKind.OTHER_DETAILS:
        return QCoreApplication.translate(
            "MetadataWords", "%n technical details, such as camera settings", None,
            int(value or 0))
    if kind is FindingKind.LOCATION and finding.latitude is not None \
            and finding.longitude is not None:
        value = coordinates(finding.latitude, finding.longitude)
    if value and kind in WITH_VALUE:
        return tr(WITH_VALUE[kind]).replace("%1", value)
    return tr(WITHOUT_VALUE.get(kind, kind.value))


def _items(block: object) -> list[dict[str, Any]]:
    items = block.get("items", []) if isinstance(block, dict) else block or []
    return [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []


def sentences(report: dict[str, Any], clean_status: str,
              media_type: str) -> list[tuple[str, bool]]:
    """(sentence, identifying) per risk, then what was kept and how; [] when the report
    holds no item-by-item detail (a bundle at HQ carries the result only)."""
    if not any(k in report for k in ("before", "after", "removed")):
        return []
    removed = clean_status == "clean"
    source = _items(report.get("removed")) if removed else _items(report.get("before"))
    state = (QCoreApplication.translate("MetadataWords", "removed") if removed else
             QCoreApplication.translate("MetadataWords", "still in the file"))
    out = [(f"{finding_text(f)} — {state}", f.kind in IDENTIFYING_KINDS)
           for f in findings(source)]
    if not out:
        out.append((QCoreApplication.translate("MetadataWords",
                                               "No hidden information was found.")
                     if removed else QCoreApplication.translate(
                         "MetadataWords", "No hidden information could be read."), False))
    notes = [str(n) for n in report.get("notes", [])]
    words = [tr(KEPT_WORDS[k]) for k in kept(media_type, _items(report.get("after")), notes)]
    if removed and words:
        out.append((QCoreApplication.translate("MetadataWords", "Kept: %1").replace(
            "%1", ", ".join(words)), False))
    seen: set[NoteKind] = set()
    for note in notes:
        kind = note_kind(note)
        if kind in NOTE_WORDS and kind not in seen:
            seen.add(kind)
            out.append((tr(NOTE_WORDS[kind]), kind is NoteKind.NOT_CHECKED))
    return out


def sentences_html(lines: list[tuple[str, bool]]) -> str:
    rows = "".join(
        f'<li style="margin-bottom:3px">{"<b>" if bad else ""}{html.escape(text)}'
        f'{"</b>" if bad else ""}</li>' for text, bad in lines)
    return f'<ul style="margin-left:-20px">{rows}</ul>'


def type_text(media_type: str) -> str:
    """The file type as shown: "JPEG", "PDF"; an unrecognised file says so in words."""
    if not media_type or media_type == "unknown":
        return QCoreApplication.translate("MetadataWords", "unknown type")
    return media_type.upper()


def blocked_text(item: Blocked) -> str:
    """One kind of content that stopped a file from being cleaned, as removing it would
    take it out: "3 comments (who wrote them: A, B)", "The speaker notes of 2 slides"."""
    n, kind = item.count, item.kind
    if kind is BlockerKind.COMMENTS:
        text = (QCoreApplication.translate("MetadataWords", "%n comments", None, n) if n
                else QCoreApplication.translate("MetadataWords", "Comments"))
    elif kind is BlockerKind.SPEAKER_NOTES:
        text = (QCoreApplication.translate("MetadataWords", "The speaker notes of %n slides",
                                           None, n) if n
                else QCoreApplication.translate("MetadataWords", "The speaker notes"))
    elif kind is BlockerKind.TRACKED_CHANGES:
        text = (QCoreApplication.translate(
            "MetadataWords", "%n tracked changes (accepted into the text)", None, n) if n
            else QCoreApplication.translate("MetadataWords",
                                            "Tracked changes (accepted into the text)"))
    elif kind is BlockerKind.EMBEDDED_FILES:
        text = (QCoreApplication.translate("MetadataWords", "%n embedded files", None, n)
                if n else QCoreApplication.translate("MetadataWords", "Embedded files"))
    else:
        text = QCoreApplication.translate("MetadataWords",
                                          "Parts of the file that cannot be checked")
    if item.authors and kind in (BlockerKind.COMMENTS, BlockerKind.TRACKED_CHANGES):
        text += " " + QCoreApplication.translate("MetadataWords", "(who wrote them: %1)"
                                                 ).replace("%1", ", ".join(item.authors))
    return text


def removal_lines(report: dict[str, Any]) -> list[str]:
    """What cleaning with flattening accepted takes out of a refused file, one line per
    kind (comments, speaker notes, tracked changes, embedded files)."""
    return [blocked_text(b) for b in blocked(report)]
