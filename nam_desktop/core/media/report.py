"""Plain data types of the metadata inspector and cleaner (no I/O, no Qt).

The front ends turn :class:`RiskClass` and :class:`CleanStatus` into words; the core
only carries the enums and short technical values.
"""

from __future__ import annotations

import io
from enum import Enum

from nam_desktop.core.media.record import FrozenRecord, Record

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up, issue 19)
if TYPE_CHECKING:
    from typing import Any, BinaryIO

#: Longest value shown in a report; longer values are shortened with an ellipsis.
VALUE_SHORT_MAX = 80
_new = object.__new__
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")


class RiskClass(Enum):
    IDENTIFYING = "identifying"  # location, serial numbers, names, unique ids, thumbnails
    SENSITIVE = "sensitive"  # timestamps, software, device make and model
    HARMLESS = "harmless"  # dimensions, colour profile, orientation


class CleanStatus(Enum):
    CLEAN = "clean"  # metadata removed and the output passed verification
    NOT_CHECKED = "not_checked"  # format not handled: stored as is, never called clean
    REFUSED = "refused"  # handled, but cannot be called clean (comments, tracked changes, ...)


def shorten(value: object, limit: int = VALUE_SHORT_MAX) -> str:
    """One-line, printable, bounded rendering of a metadata value."""
    if type(value) is str:
        text = value
    elif isinstance(value, bytes | bytearray | memoryview):
        text = f"<{len(value)} bytes>"
    else:
        text = str(value)
    # Fast path (most values): short, printable, whitespace already single. Bidi
    # controls are Unicode category Cf, which isprintable() rejects.
    if (
        len(text) <= limit
        and text.isprintable()
        and "  " not in text
        and not text.startswith(" ")
        and not text.endswith(" ")
    ):
        return text
    # Control characters (incl. bidi overrides) never reach a terminal or a label verbatim.
    cut = len(text) > 4 * limit
    text = text[: 4 * limit]
    if text.isprintable() and _BIDI.isdisjoint(text):
        cleaned = text
    else:
        cleaned = "".join(ch if ch.isprintable() and ch not in _BIDI else " " for ch in text)
    cleaned = " ".join(cleaned.split())
    if len(cleaned) > limit or (cut and len(cleaned) >= limit):
        cleaned = cleaned[: limit - 1] + "…"
    elif cut:
        cleaned += "…"
    return cleaned


class MetadataItem(FrozenRecord):
    """One metadata item found in a file (immutable: assigning an attribute raises).

    ``needles`` are byte strings taken from the original value (text and raw binary
    forms) that the verifier searches for in the cleaned output; they are never
    serialised, compared, hashed or shown in the repr.
    """

    # A plain class, not a dataclass, as are the other types here: ``dataclasses``
    # imports ``inspect`` (ast, dis, tokenize) and every @dataclass compiles code at
    # import, a sixth of `media clean one.jpg`'s start-up (issue 19).
    __match_args__ = ("group", "name", "value_short", "risk", "needles")
    _FIELDS = ("group", "name", "value_short", "risk")  # compared, hashed and shown
    group: str
    name: str
    value_short: str
    risk: RiskClass
    needles: tuple[bytes, ...]

    def __init__(
        self,
        group: str,
        name: str,
        value_short: str,
        risk: RiskClass,
        needles: tuple[bytes, ...] = (),
    ) -> None:
        # No object.__setattr__ per field: a report holds an item per tag of every file.
        d = self.__dict__
        d["group"], d["name"], d["value_short"] = group, name, value_short
        d["risk"], d["needles"] = risk, needles

    @classmethod
    def fast(
        cls,
        group: str,
        name: str,
        value_short: str,
        risk: RiskClass,
        needles: tuple[bytes, ...],
    ) -> MetadataItem:
        """The same item as ``MetadataItem(...)``, about twice as fast (no type call,
        no ``__init__`` frame): for reports built in loops. ``value_short`` must already
        be shortened."""
        item = _new(cls)
        d = item.__dict__
        d["group"], d["name"], d["value_short"] = group, name, value_short
        d["risk"], d["needles"] = risk, needles
        return item

    def without_needles(self) -> MetadataItem:
        """The same item, searched for in no output."""
        return MetadataItem.fast(self.group, self.name, self.value_short, self.risk, ())

    def _key(self) -> tuple[str, str, str, RiskClass]:  # _FIELDS, one tuple built
        return (self.group, self.name, self.value_short, self.risk)

    def to_json(self) -> dict[str, str]:
        return {
            "group": self.group,
            "name": self.name,
            "value": self.value_short,
            "risk": self.risk.value,
        }


class MetadataReport(Record):
    """Everything :func:`inspect` found in one file."""

    __match_args__ = _FIELDS = ("format", "items", "notes", "blockers", "supported")

    def __init__(
        self,
        format: str,
        items: list[MetadataItem] | None = None,
        notes: list[str] | None = None,
        blockers: list[str] | None = None,
        supported: bool = True,
    ) -> None:
        self.format = format
        self.items: list[MetadataItem] = [] if items is None else items
        #: Structural findings that are not metadata values (e.g. "trailing data after EOI").
        self.notes: list[str] = [] if notes is None else notes
        #: Content that blocks a clean verdict unless the user accepts flattening.
        self.blockers: list[str] = [] if blockers is None else blockers
        #: True when the format is handled by a cleaner.
        self.supported = supported


    def add(
        self,
        group: str,
        name: str,
        value: object,
        risk: RiskClass,
        needles: tuple[bytes, ...] = (),
    ) -> None:
        self.items.append(MetadataItem.fast(group, name, shorten(value), risk, needles))

    def by_risk(self, risk: RiskClass) -> list[MetadataItem]:
        return [item for item in self.items if item.risk is risk]

    def to_json(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "supported": self.supported,
            "items": [item.to_json() for item in self.items],
            "notes": list(self.notes),
            "blockers": list(self.blockers),
            "counts": {risk.value: len(self.by_risk(risk)) for risk in RiskClass},
        }


class VerifyResult(Record):
    __match_args__ = _FIELDS = ("ok", "problems")

    def __init__(self, ok: bool, problems: list[str] | None = None) -> None:
        self.ok = ok
        self.problems: list[str] = [] if problems is None else problems


    def to_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "problems": list(self.problems)}


class CleanResult(Record):
    """Outcome of :func:`clean`.

    ``data`` holds the cleaned bytes (position 0) when ``status`` is CLEAN; otherwise it
    holds the original bytes unchanged, so a caller that stores ``data`` never stores a
    half-cleaned file believing it clean.
    """

    __match_args__ = _FIELDS = (
        "status", "data", "before", "after", "removed", "sha256_original", "sha256_cleaned",
        "notes", "tool_versions", "verification")

    def __init__(
        self,
        status: CleanStatus,
        data: BinaryIO,
        before: MetadataReport,
        after: MetadataReport,
        removed: list[MetadataItem],
        sha256_original: str,
        sha256_cleaned: str,
        notes: list[str] | None = None,
        tool_versions: dict[str, str] | None = None,
        verification: VerifyResult | None = None,
    ) -> None:
        self.status = status
        self.data = data
        self.before = before
        self.after = after
        self.removed = removed
        self.sha256_original = sha256_original
        self.sha256_cleaned = sha256_cleaned
        self.notes: list[str] = [] if notes is None else notes
        self.tool_versions: dict[str, str] = {} if tool_versions is None else tool_versions
        self.verification = verification


    def to_json(self) -> dict[str, Any]:
        return {
            "status": self.status.value,
            "format": self.before.format,
            "sha256_original": self.sha256_original,
            "sha256_cleaned": self.sha256_cleaned,
            "before": self.before.to_json(),
            "after": self.after.to_json(),
            "removed": [item.to_json() for item in self.removed],
            "notes": list(self.notes),
            "tool_versions": dict(self.tool_versions),
            "verification": self.verification.to_json() if self.verification else None,
        }


def bytes_stream(data: bytes) -> BinaryIO:
    stream = io.BytesIO(data)
    stream.seek(0)
    return stream
