"""What every format handler provides, and the limits applied to hostile input."""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator
from contextlib import contextmanager

from nam_desktop.core.errors import MalformedFileError, NamError
from nam_desktop.core.media.record import FrozenRecord
from nam_desktop.core.media.report import MetadataItem, MetadataReport, RiskClass

MiB = 1024 * 1024
#: Formats cleaned as streams when large (see ``streamed.py``).
STREAMED_FORMATS = frozenset({"mp4", "mov", "m4a"})


class Limits(FrozenRecord):
    """Bounds on what the inspector and cleaner accept (see docs/metadata.md).
    Immutable (assigning an attribute raises), compared and hashed by value."""

    # Not a dataclass: start-up of `media clean`, issue 19 (record.py).
    __match_args__ = _FIELDS = (
        "max_bytes", "max_streamed_bytes", "stream_above", "stream_bytes_per_s",
        "max_pixels", "max_zip_members", "max_zip_uncompressed", "max_zip_ratio",
        "time_budget_s")
    max_bytes: int
    max_streamed_bytes: int
    stream_above: int
    stream_bytes_per_s: int
    max_pixels: int
    max_zip_members: int
    max_zip_uncompressed: int
    max_zip_ratio: int
    time_budget_s: float

    def __init__(
        self,
        #: Files are held in memory while cleaned: at most this many bytes.
        max_bytes: int = 512 * MiB,
        #: MP4/MOV/M4A on a seekable stream larger than ``stream_above`` are cleaned and
        #: verified as streams (only the atom headers and ``moov`` in memory): up to this.
        max_streamed_bytes: int = 1024 * 1024 * MiB,
        stream_above: int = 16 * MiB,
        #: Streamed files get ``time_budget_s`` plus one second per this many bytes.
        stream_bytes_per_s: int = 8 * MiB,
        #: Largest picture accepted (width x height), whatever the format.
        max_pixels: int = 200_000_000,
        #: ZIP containers (Office, ODF): members, and total uncompressed size.
        max_zip_members: int = 10_000,
        max_zip_uncompressed: int = 1024 * MiB,
        #: Largest ratio uncompressed/compressed for one ZIP member (zip bombs).
        max_zip_ratio: int = 200,
        #: Parse-time budget per operation, in seconds (checked between steps).
        time_budget_s: float = 60.0,
    ) -> None:
        self.__dict__.update(
            max_bytes=max_bytes, max_streamed_bytes=max_streamed_bytes,
            stream_above=stream_above, stream_bytes_per_s=stream_bytes_per_s,
            max_pixels=max_pixels, max_zip_members=max_zip_members,
            max_zip_uncompressed=max_zip_uncompressed, max_zip_ratio=max_zip_ratio,
            time_budget_s=time_budget_s)



DEFAULT_LIMITS = Limits()


class NotCheckable(Exception):  # a verdict, not a failure
    """Raised by a handler for a well-formed file of its format that uses something the
    handler does not clean (a multi-page TIFF, a HEIF image sequence, ...): the file is
    stored as is and marked not checked, with ``reason`` in the notes. Not a
    :class:`~nam_desktop.core.errors.NamError`: it never reaches the caller."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def is_icc_profile(data: bytes) -> bool:
    """An ICC colour profile: a 128-byte header whose size fits the data and whose
    signature is 'acsp'. Kept as colour information only when it is one."""
    return (
        len(data) >= 128
        and 128 <= int.from_bytes(data[:4], "big") <= len(data)
        and data[36:40] == b"acsp"
    )


class ParserFault(MalformedFileError):
    """A parser met input it did not foresee and raised a plain Python error (a short
    structure unpacked, an index out of range, ...). The caller sees a malformed file,
    as for any broken input (nothing is produced); the fuzz tests treat this class as a
    bug to fix in the parser, since every expected failure raises
    :class:`MalformedFileError` itself with a precise reason."""


#: What a parser may raise on input it did not foresee. Not ``OSError`` (reading the
#: caller's stream failed: not the file's fault) nor ``MemoryError``.
_PARSER_SLIPS = (
    struct.error,
    zlib.error,
    ArithmeticError,
    LookupError,
    ValueError,
    TypeError,
    AttributeError,
    AssertionError,
    EOFError,
    RecursionError,
)


@contextmanager
def parser_guard(fmt: str) -> Iterator[None]:
    """Turn a parser's unexpected Python error into :class:`ParserFault`, so hostile
    input never ends in a traceback. Typed errors (and :class:`NotCheckable`) pass."""
    try:
        yield
    except (NamError, NotCheckable):
        raise
    except _PARSER_SLIPS as exc:
        # logging (with traceback, threading, string) is imported only here, where a
        # line is written: start-up of `media clean`, issue 19.
        import logging

        logging.getLogger("nam_desktop.media").warning(
            "media: the %s parser raised %s (reported as malformed)", fmt, type(exc).__name__)
        raise ParserFault(f"{fmt}: unreadable structure") from exc


class FormatHandler:
    """Base class: a format that can be inspected, cleaned and verified."""

    name = "unknown"

    #: Versions of the libraries the handler relies on (recorded with each result).
    def tool_versions(self) -> dict[str, str]:
        return {}

    def inspect(self, data: bytes, limits: Limits) -> MetadataReport:
        raise NotImplementedError

    def clean(
        self, data: bytes, limits: Limits, *, accept_flattening: bool
    ) -> tuple[bytes, list[str]]:
        """Return the cleaned bytes and notes about how it was done."""
        raise NotImplementedError

    def is_fixed_point(self, data: bytes, limits: Limits, *, accept_flattening: bool) -> bool:
        """True when cleaning ``data`` again returns exactly ``data`` (idempotence).
        Handlers may override with a cheaper check that gives the same answer."""
        return self.clean(data, limits, accept_flattening=accept_flattening)[0] == data

    def allowed_after(self, item: MetadataItem) -> bool:
        """Allow-list for what may remain in a cleaned file."""
        return item.risk is RiskClass.HARMLESS

    def structural_problems(self, cleaned: bytes, original: bytes, limits: Limits) -> list[str]:
        """Format-specific structure checks of a cleaned file."""
        return []

    def searchable_views(self, cleaned: bytes, limits: Limits) -> Iterator[bytes]:
        """The cleaned bytes plus decoded views of them (decompressed streams, members)."""
        yield cleaned
