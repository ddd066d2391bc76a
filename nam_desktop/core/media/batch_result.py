"""What happened to each file of a batch (:class:`FileResult`, small and immutable: it
crosses the process boundary) and the helpers that make one (Qt-free)."""

from __future__ import annotations

import operator
from collections.abc import Iterable
from enum import Enum

from nam_desktop.core.errors import Status
from nam_desktop.core.media.record import FrozenRecord
from nam_desktop.core.media.report import MetadataItem, RiskClass


class FileStatus(Enum):
    WRITTEN = "written"  # verified clean and written to ``output``
    NOT_CHECKED = "not_checked"  # format not handled: nothing written
    REFUSED = "refused"  # handled, but not verified clean: nothing written
    EXISTS = "exists"  # the output name is taken: nothing written, nothing overwritten
    ERROR = "error"  # could not be read, parsed or written (``error`` says which)


class FileResult(FrozenRecord):
    """What happened to one file (small: it crosses the process boundary; immutable).

    A plain class, not a dataclass: ``dataclasses`` imports ``inspect`` and compiles
    code at import, a noticeable part of `media clean --out-dir`'s start-up (issue 19).
    """

    __match_args__ = ("source", "output", "status")
    _FIELDS = ("source", "output", "status", "format", "found", "removed", "removed_groups",
               "sha256_original", "sha256_cleaned", "error", "message", "notes")

    source: str
    output: str  # where the cleaned copy is, or would have been, written
    status: FileStatus
    format: str
    #: Items found in the original and items removed, by risk class value.
    found: dict[str, int]
    removed: dict[str, int]
    #: Groups of the removed items ("EXIF", "GPS", "XMP", ...), in report order.
    removed_groups: tuple[str, ...]
    sha256_original: str
    sha256_cleaned: str
    #: For ERROR and EXISTS: the status of the failure (the CLI maps it to an exit code).
    error: Status | None
    #: Short technical detail: why refused, not checked or failed (never file content).
    message: str
    notes: tuple[str, ...]

    def __init__(
        self,
        source: str,
        output: str,
        status: FileStatus,
        format: str = "",
        found: dict[str, int] | None = None,
        removed: dict[str, int] | None = None,
        removed_groups: tuple[str, ...] = (),
        sha256_original: str = "",
        sha256_cleaned: str = "",
        error: Status | None = None,
        message: str = "",
        notes: tuple[str, ...] = (),
    ) -> None:
        self.__dict__.update(
            source=source, output=output, status=status, format=format,
            found={} if found is None else found,
            removed={} if removed is None else removed,
            removed_groups=removed_groups, sha256_original=sha256_original,
            sha256_cleaned=sha256_cleaned, error=error, message=message, notes=notes,
        )

    @property
    def written(self) -> bool:
        return self.status is FileStatus.WRITTEN

    def to_json(self) -> dict[str, object]:
        return {
            "source": self.source,
            "output": self.output if self.written else None,
            "status": self.status.value,
            "format": self.format,
            "found": dict(self.found),
            "removed": dict(self.removed),
            "removed_groups": list(self.removed_groups),
            "sha256_original": self.sha256_original or None,
            "sha256_cleaned": self.sha256_cleaned or None,
            "error": self.error.value if self.error else None,
            "message": self.message,
            "notes": list(self.notes),
        }


#: (member, value) of each risk class, in declaration order (the order of the counts).
_RISKS = tuple((risk, risk.value) for risk in RiskClass)
_RISK_OF = operator.attrgetter("risk")
GROUP_OF = operator.attrgetter("group")


def counts(items: Iterable[MetadataItem]) -> dict[str, int]:
    """Items by risk class value, every class present; ``list.count`` compares by
    identity in C (a dict keyed by member calls ``Enum.__hash__`` in Python per item)."""
    risks = list(map(_RISK_OF, items))
    return {value: risks.count(risk) for risk, value in _RISKS}


def os_error(exc: OSError, what: str) -> tuple[Status | None, str]:
    """The status and the message for a file that failed with ``exc`` doing ``what``."""
    if isinstance(exc, FileNotFoundError):
        return Status.NOT_FOUND, f"{what}: not found"
    if isinstance(exc, IsADirectoryError):
        return Status.INVALID_INPUT, f"{what}: is a directory"
    if isinstance(exc, PermissionError):
        return Status.PERMISSION_DENIED, f"{what}: permission denied"
    return None, f"{what}: {exc.strerror or type(exc).__name__}"  # disk full, I/O error


def exists(src: str, dst: str) -> FileResult:
    """``src`` not written: its output name ``dst`` is taken (never overwritten)."""
    return FileResult(
        src, dst, FileStatus.EXISTS, error=Status.INVALID_INPUT, message="output exists"
    )
