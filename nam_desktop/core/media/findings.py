"""What a metadata report means for a person: findings of a kind, with a plain value.

The report of :mod:`nam_desktop.core.media.report` lists technical items (``GPSIFD``,
``Tag0xa431``, ``['53/1', '54/1', '0/1']``). :func:`findings` reads those items (the
stored JSON form, so reports saved before this module existed work too) and returns one
:class:`Finding` per risk a person can name: the location in decimal degrees, a serial
number, an author, the camera, when it was taken... Front ends word them in the user's
language; the core only carries kinds and short values. :func:`kept` says what a
cleaned file still holds (the picture, its orientation, ...), :func:`note_kind` sorts
the cleaner's notes. Nothing here changes how files are inspected or cleaned.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from fractions import Fraction
from typing import Any


class FindingKind(Enum):
    LOCATION = "location"  # value: "53.883300,27.560000" (decimal degrees, lat,lon)
    PLACE_NAME = "place_name"  # a city or country written into the file
    SERIAL_NUMBER = "serial_number"
    OWNER = "owner"
    AUTHOR = "author"
    COPYRIGHT = "copyright"
    CAMERA = "camera"  # make and model together
    DATE = "date"  # when it was taken, created or changed
    SOFTWARE = "software"
    DESCRIPTION = "description"  # captions, titles, comments, keywords
    THUMBNAIL = "thumbnail"  # a small preview picture (may show more than the picture)
    DOCUMENT_ID = "document_id"
    EDIT_HISTORY = "edit_history"  # earlier revisions, editing time
    MAKER_NOTE = "maker_note"  # the camera maker's own hidden block
    OTHER_IDENTIFYING = "other_identifying"  # value: how many
    OTHER_DETAILS = "other_details"  # value: how many (camera settings, dates of tools)


class KeptKind(Enum):
    PICTURE = "picture"
    ORIENTATION = "orientation"
    COLOUR_PROFILE = "colour_profile"
    SOUND = "sound"
    VIDEO = "video"
    PAGES = "pages"
    TEXT = "text"


class NoteKind(Enum):
    NOT_CHECKED = "not_checked"  # stored as is: hidden information may remain
    UNCHANGED_CONTENT = "unchanged_content"  # lossless / in place: content not re-encoded
    REWRITTEN = "rewritten"  # rewritten without its metadata, content unchanged
    FLATTENED = "flattened"  # tracked changes accepted, comments or embedded files removed
    ORIENTATION_KEPT = "orientation_kept"
    OTHER = "other"  # technical, shown in the detailed view only


class BlockerKind(Enum):
    """What stopped a file from being called clean (``MetadataReport.blockers``)."""

    COMMENTS = "comments"  # comments and their anchors (Office, ODF)
    SPEAKER_NOTES = "speaker_notes"  # presentations: notes pages with text
    TRACKED_CHANGES = "tracked_changes"  # Word/ODF tracked changes, Excel revision logs
    EMBEDDED_FILES = "embedded_files"  # PDF: embedded files, file attachment annotations
    OTHER = "other"  # links to outside files, parts nobody can check: never removed


#: The blockers that accepting flattening removes (``clean(accept_flattening=True)``).
REMOVED_BY_FLATTENING = frozenset({BlockerKind.COMMENTS, BlockerKind.SPEAKER_NOTES,
                                   BlockerKind.TRACKED_CHANGES, BlockerKind.EMBEDDED_FILES})
#: Report groups whose items are what the blockers are made of (words come from
#: :func:`blocked`, not from :func:`findings`, when a file had blockers).
BLOCKER_GROUPS = frozenset({"Comments", "Notes", "TrackedChanges"})


@dataclass(frozen=True)
class Blocked:
    """One kind of blocking content: how many (comments, slides with notes, tracked
    changes or embedded files; 0 when the report does not say) and who wrote it."""

    kind: BlockerKind
    count: int = 0
    authors: tuple[str, ...] = ()


@dataclass(frozen=True)
class Finding:
    kind: FindingKind
    value: str = ""  # the plain value ("" when it is binary or empty)
    latitude: float | None = None  # LOCATION only
    longitude: float | None = None


IMAGE_FORMATS = frozenset({"jpeg", "png", "gif", "webp", "tiff", "heic"})
AUDIO_FORMATS = frozenset({"mp3", "flac", "ogg", "opus", "wav", "m4a"})
VIDEO_FORMATS = frozenset({"mp4", "mov"})
DOCUMENT_FORMATS = frozenset({"docx", "xlsx", "pptx", "odt", "ods", "odp"})

# Lower-cased item names (after a "prefix:" is dropped) -> kind. EXIF tags that exifread
# does not name arrive as Tag0x....: the serial and owner tags are listed by number.
_BY_NAME: dict[str, FindingKind] = {
    **dict.fromkeys(("serialnumber", "bodyserialnumber", "lensserialnumber",
                     "internalserialnumber", "cameraserialnumber", "tag0xa431",
                     "tag0xa435", "imageuniqueid", "tag0xa420"), FindingKind.SERIAL_NUMBER),
    **dict.fromkeys(("ownername", "cameraownername", "tag0xa430"), FindingKind.OWNER),
    **dict.fromkeys(("artist", "author", "creator", "by-line", "writer-editor",
                     "lastmodifiedby", "initial-creator", "tpe1", "tpe2", "tcom", "artist ",
                     "©art", "credit", "xpauthor", "company", "manager"),
                    FindingKind.AUTHOR),
    **dict.fromkeys(("copyright", "copyrightnotice", "rights", "tcop", "©cpy"),
                    FindingKind.COPYRIGHT),
    **dict.fromkeys(("make", "model", "lensmake", "lensmodel", "tag0xa433", "tag0xa434",
                     "uniquecameramodel"), FindingKind.CAMERA),
    **dict.fromkeys(("datetimeoriginal", "createdate", "datetime", "created", "modified",
                     "creation-date", "date", "creationdate", "moddate", "modifydate",
                     "metadatadate", "creation_time", "©day", "tdrc", "tyer"),
                    FindingKind.DATE),
    **dict.fromkeys(("software", "application", "producer", "creatortool", "appversion",
                     "generator", "encoder", "tsse", "©too", "ptex.fullbanner",
                     "com.android.version", "vendor"), FindingKind.SOFTWARE),
    **dict.fromkeys(("imagedescription", "caption-abstract", "headline", "title",
                     "description", "usercomment", "comment", "comments", "keywords",
                     "objectname", "subject", "tit2", "talb", "comm", "txxx", "xpcomment",
                     "xptitle", "xpsubject", "xpkeywords", "label", "instructions"),
                    FindingKind.DESCRIPTION),
    **dict.fromkeys(("documentid", "instanceid", "originaldocumentid", "derivedfrom",
                     "rsid", "docid", "w14:docid", "guid", "uuid"), FindingKind.DOCUMENT_ID),
    **dict.fromkeys(("revisions", "revision", "history", "totaltime", "editingduration",
                     "editing-cycles"), FindingKind.EDIT_HISTORY),
    **dict.fromkeys(("makernote",), FindingKind.MAKER_NOTE),
    **dict.fromkeys(("city", "province-state", "country-primarylocationname", "country",
                     "sub-location", "state", "location", "countrycode"),
                    FindingKind.PLACE_NAME),
}
_BINARY = re.compile(r"^<?\d+ bytes>?$")
_ISO6709 = re.compile(r"^([+-]\d+(?:\.\d+)?)([+-]\d+(?:\.\d+)?)")
_XMP_COORD = re.compile(r"^(\d+),(\d+(?:\.\d+)?)(?:,(\d+(?:\.\d+)?))?([NSEW])$")
_RATIONAL = re.compile(r"-?\d+(?:\.\d+)?(?:/\d+)?")
_DATE = re.compile(r"^(\d{4})[:-](\d{2})[:-](\d{2})(?:[ T](\d{2}):(\d{2}))?")


def _key(name: str) -> str:
    name = name.split(":", 1)[1] if ":" in name and not name.startswith("Embedded") else name
    return name.split("/")[-1].strip().lower()


def _date(value: str) -> str:
    """EXIF "2008:10:22 16:28:39" or ISO "2011-08-05T10:49:31Z" -> "2008-10-22 16:28"."""
    m = _DATE.match(value)
    if m is None:
        return value
    day = f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    return f"{day} {m.group(4)}:{m.group(5)}" if m.group(4) else day


def _add(values: list[str], value: str) -> None:
    if value and value.casefold() not in (v.casefold() for v in values):
        values.append(value)


def _plain(value: str) -> str:
    value = value.strip().strip("'\"")
    return "" if not value or _BINARY.match(value) or value in ("[]", "()") else value


def _degrees(value: str) -> float | None:
    """Degrees from "['53/1', '54/1', '1234/100']", "53/1, 54/1, 0/1" or "53.9"."""
    parts = _RATIONAL.findall(value)
    if not 1 <= len(parts) <= 3:
        return None
    try:
        numbers = [float(Fraction(p)) for p in parts]
    except (ValueError, ZeroDivisionError):
        return None
    total = 0.0
    for number, scale in zip(numbers, (1, 60, 3600), strict=False):
        total += number / scale
    return total


def _xmp_degrees(value: str) -> float | None:
    """XMP GPS form "53,54.123N" or "53,54,7N"."""
    m = _XMP_COORD.match(value.replace(" ", ""))
    if m is None:
        return None
    deg = int(m.group(1)) + float(m.group(2)) / 60 + float(m.group(3) or 0) / 3600
    return -deg if m.group(4) in "SW" else deg


def location(items: Iterable[Mapping[str, Any]]) -> tuple[float, float] | None:
    """Latitude and longitude (decimal degrees) found in the items, if any."""
    named = {_key(str(i.get("name", ""))): str(i.get("value", "")) for i in items}
    lat = lon = None
    if "gpslatitude" in named and "gpslongitude" in named:
        lat, lon = _xmp_degrees(named["gpslatitude"]), _xmp_degrees(named["gpslongitude"])
        if lat is None or lon is None:
            lat, lon = _degrees(named["gpslatitude"]), _degrees(named["gpslongitude"])
            if lat is not None and named.get("gpslatituderef", "N").strip("'\" ") == "S":
                lat = -lat
            if lon is not None and named.get("gpslongituderef", "E").strip("'\" ") == "W":
                lon = -lon
    if lat is None or lon is None:
        for key, value in named.items():
            if "iso6709" in key or key in ("©xyz", "xyz", "location", "gpscoordinates"):
                m = _ISO6709.match(value.strip())
                if m is not None:
                    lat, lon = float(m.group(1)), float(m.group(2))
                    break
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return lat, lon


def _is_location(group: str, key: str) -> bool:
    return (group.upper() == "GPS" or key.startswith("gps") or key in ("©xyz", "xyz")
            or "iso6709" in key or "location.iso" in key)


def findings(items: Iterable[Mapping[str, Any]]) -> list[Finding]:
    """One finding per kind a person can name, in a fixed order (location first)."""
    items = list(items)
    found: dict[FindingKind, list[str]] = {}
    others = {FindingKind.OTHER_IDENTIFYING: 0, FindingKind.OTHER_DETAILS: 0}
    has_location = False
    for item in items:
        group, name = str(item.get("group", "")), str(item.get("name", ""))
        key, value = _key(name), _plain(str(item.get("value", "")))
        if _is_location(group, key):
            has_location = True
            continue
        kind = _BY_NAME.get(key)
        if key == "creator" and group.upper().startswith("PDF"):
            kind = FindingKind.SOFTWARE  # a PDF's /Creator names the program
        if kind is FindingKind.DATE:
            value = _date(value)
        if kind is None and (group.lower() == "thumbnail" or "thumbnail" in key
                             or "preview" in key):
            kind = FindingKind.THUMBNAIL
        if kind is None:
            risk = str(item.get("risk", ""))
            if risk == "identifying":
                others[FindingKind.OTHER_IDENTIFYING] += 1
            elif risk == "sensitive":
                others[FindingKind.OTHER_DETAILS] += 1
            continue
        _add(found.setdefault(kind, []), value)
    out: list[Finding] = []
    if has_location:
        point = location(items)
        if point is None:
            out.append(Finding(FindingKind.LOCATION))
        else:
            out.append(Finding(FindingKind.LOCATION, f"{point[0]:.6f},{point[1]:.6f}",
                               point[0], point[1]))
    for kind in FindingKind:
        if kind in found:
            values = found[kind]
            if kind is FindingKind.DATE:
                values = sorted(values)[:1]  # the earliest says when
            elif kind in (FindingKind.THUMBNAIL, FindingKind.MAKER_NOTE,
                          FindingKind.DOCUMENT_ID, FindingKind.EDIT_HISTORY):
                values = []  # ids, offsets and sizes mean nothing to a reader
            if kind is FindingKind.CAMERA:  # "Canon" + "Canon EOS 300D": said once
                make = values[0] if values else ""
                rest = [v for v in values[1:3] if not v.casefold().startswith(
                    make.casefold())]
                text = " ".join([make, *rest]) if len(rest) == len(values[1:3]) else \
                    " ".join(values[1:3])
            else:
                text = "; ".join(values[:2])
            out.append(Finding(kind, text))
    for kind, count in others.items():
        if count:
            out.append(Finding(kind, str(count)))
    return out


def kept(fmt: str, after: Iterable[Mapping[str, Any]], notes: Iterable[str] = ()) -> list[
        KeptKind]:
    """What the stored (cleaned) file still holds, for "Kept: the picture, ..."."""
    names = {_key(str(i.get("name", ""))): str(i.get("value", "")) for i in after}
    out: list[KeptKind] = []
    if fmt in IMAGE_FORMATS:
        out.append(KeptKind.PICTURE)
        if "orientation" in names or any(note_kind(n) is NoteKind.ORIENTATION_KEPT
                                         for n in notes):
            out.append(KeptKind.ORIENTATION)
        if "iccprofile" in names or "icc_profile" in names:
            out.append(KeptKind.COLOUR_PROFILE)
    elif fmt in VIDEO_FORMATS:
        tracks = {str(i.get("value", "")) for i in after
                  if _key(str(i.get("name", ""))) == "kepttrack"}
        if "vide" in tracks or not tracks:
            out.append(KeptKind.VIDEO)
        if "soun" in tracks or not tracks:
            out.append(KeptKind.SOUND)
    elif fmt in AUDIO_FORMATS:
        out.append(KeptKind.SOUND)
    elif fmt == "pdf":
        out.append(KeptKind.PAGES)
    elif fmt in DOCUMENT_FORMATS:
        out.append(KeptKind.TEXT)
    return out


def note_kind(note: str) -> NoteKind:
    text = note.strip().lower()
    if text.startswith("format not checked"):
        return NoteKind.NOT_CHECKED
    if text.startswith(("lossless", "in place")):
        return NoteKind.UNCHANGED_CONTENT
    if text.startswith(("full rewrite", "package rewritten")):
        return NoteKind.REWRITTEN
    if text.startswith(("flattened", "embedded files removed")):
        return NoteKind.FLATTENED
    if text.startswith("kept orientation"):
        return NoteKind.ORIENTATION_KEPT
    return NoteKind.OTHER


_BLOCKER_PREFIXES: tuple[tuple[tuple[str, ...], BlockerKind], ...] = (
    (("comments (", "comment anchors ("), BlockerKind.COMMENTS),
    (("speaker notes (",), BlockerKind.SPEAKER_NOTES),
    (("tracked changes (",), BlockerKind.TRACKED_CHANGES),
    (("embedded files", "file attachment annotation"), BlockerKind.EMBEDDED_FILES),
)
_COUNT = re.compile(r"^(\d+) (?:entries|comments|changes)\b")


def blocker_kind(text: str) -> BlockerKind:
    """The kind of one blocker as the cleaners word it ("comments (word/comments.xml)";
    a "refused: " note prefix is allowed). A blocker of an embedded part
    ("word/media/a.pdf: embedded files ...") is OTHER: flattening does not reach it."""
    text = text.strip()
    text = text.removeprefix("refused: ")
    for prefixes, kind in _BLOCKER_PREFIXES:
        if text.startswith(prefixes):
            return kind
    return BlockerKind.OTHER


def _blockers(report: Mapping[str, Any]) -> list[str]:
    before = report.get("before")
    found = before.get("blockers", []) if isinstance(before, Mapping) else []
    return [str(b) for b in found] if isinstance(found, list) else []


def _before_items(report: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    before = report.get("before")
    items = before.get("items", []) if isinstance(before, Mapping) else []
    return [i for i in items if isinstance(i, Mapping)] if isinstance(items, list) else []


def blocked(report: Mapping[str, Any]) -> list[Blocked]:
    """What blocked a clean verdict, one entry per kind (in :class:`BlockerKind` order),
    with counts and authors read from the stored report's items ("before"). The same for
    a refused file and for one cleaned with flattening accepted (what was removed)."""
    kinds = {blocker_kind(b) for b in _blockers(report)}
    if not kinds:
        return []
    counts: dict[BlockerKind, int] = {}
    authors: dict[BlockerKind, list[str]] = {}
    by_group = {"Comments": BlockerKind.COMMENTS, "Notes": BlockerKind.SPEAKER_NOTES,
                "TrackedChanges": BlockerKind.TRACKED_CHANGES}
    items = _before_items(report)
    # Modern Excel writes each threaded comment twice (threaded, and a legacy copy for
    # old versions): count the threaded ones only. Word's commentsExtended/commentsIds
    # parts list the same comments again without text: only parts with text count.
    threaded = any("threadedcomments" in str(i.get("name", "")).lower() for i in items
                   if i.get("group") == "Comments")
    for item in items:
        group, name = str(item.get("group", "")), str(item.get("name", ""))
        value = str(item.get("value", ""))
        kind = by_group.get(group)
        if group == "PDF" and name in ("FileAttachment", "EmbeddedFiles"):
            if name == "FileAttachment":
                counts[BlockerKind.EMBEDDED_FILES] = counts.get(BlockerKind.EMBEDDED_FILES,
                                                                0) + 1
            continue
        if kind is None:
            continue
        if name == "Author":
            _add(authors.setdefault(kind, []), _plain(value))
        elif kind is BlockerKind.SPEAKER_NOTES:
            counts[kind] = counts.get(kind, 0) + 1  # one notes page per slide
        elif (m := _COUNT.match(value)) is not None and (
                kind is not BlockerKind.COMMENTS or _counts_comments(name, value, threaded)):
            counts[kind] = counts.get(kind, 0) + int(m.group(1))
    return [Blocked(kind, counts.get(kind, 0), tuple(authors.get(kind, ())))
            for kind in BlockerKind if kind in kinds]


def _counts_comments(part: str, value: str, threaded: bool) -> bool:
    """Whether a comments part's "N entries" counts: it has text ("N entries: ..." or
    ODF's "N comments"), and is the threaded part when the file has threaded ones."""
    has_text = ": " in value or value.endswith(" comments")
    return has_text and (not threaded or "threadedcomments" in part.lower())


def removable_by_flattening(report: Mapping[str, Any]) -> bool:
    """True when a file was refused only for content that accepting flattening removes
    (comments, speaker notes, tracked changes, embedded files): cleaning it again with
    flattening accepted can make it clean. False when nothing blocked it or when
    something else did too (a link to an outside file, a part that cannot be checked)."""
    kinds = {blocker_kind(b) for b in _blockers(report)}
    return bool(kinds) and kinds <= REMOVED_BY_FLATTENING
