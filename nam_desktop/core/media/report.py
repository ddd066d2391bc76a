"""Plain data types of the metadata inspector and cleaner (no I/O, no Qt).

The front ends turn :class:`RiskClass` and :class:`CleanStatus` into words; the core
only carries the enums and short technical values.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from enum import Enum
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


@dataclass(frozen=True)
class MetadataItem:
    """One metadata item found in a file.

    ``needles`` are byte strings taken from the original value (text and raw binary
    forms) that the verifier searches for in the cleaned output; they are never
    serialised.
    """

    group: str
    name: str
    value_short: str
    risk: RiskClass
    needles: tuple[bytes, ...] = field(default=(), compare=False, repr=False)

    def __init__(
        self,
        group: str,
        name: str,
        value_short: str,
        risk: RiskClass,
        needles: tuple[bytes, ...] = (),
    ) -> None:
        # What the generated frozen __init__ does, without one object.__setattr__ per
        # field: a report holds an item per tag of every file cleaned.
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

    def to_json(self) -> dict[str, str]:
        return {
            "group": self.group,
            "name": self.name,
            "value": self.value_short,
            "risk": self.risk.value,
        }


@dataclass
class MetadataReport:
    """Everything :func:`inspect` found in one file."""

    format: str
    items: list[MetadataItem] = field(default_factory=list)
    #: Structural findings that are not metadata values (e.g. "trailing data after EOI").
    notes: list[str] = field(default_factory=list)
    #: Content that blocks a clean verdict unless the user accepts flattening.
    blockers: list[str] = field(default_factory=list)
    #: True when the format is handled by a cleaner.
    supported: bool = True

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


@dataclass
class VerifyResult:
    ok: bool
    problems: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "problems": list(self.problems)}


@dataclass
class CleanResult:
    """Outcome of :func:`clean`.

    ``data`` holds the cleaned bytes (position 0) when ``status`` is CLEAN; otherwise it
    holds the original bytes unchanged, so a caller that stores ``data`` never stores a
    half-cleaned file believing it clean.
    """

    status: CleanStatus
    data: BinaryIO
    before: MetadataReport
    after: MetadataReport
    removed: list[MetadataItem]
    sha256_original: str
    sha256_cleaned: str
    notes: list[str] = field(default_factory=list)
    tool_versions: dict[str, str] = field(default_factory=dict)
    verification: VerifyResult | None = None

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
