"""Public entry points: :func:`inspect`, :func:`clean`, :func:`verify`.

Everything happens in memory: the input stream is read once (bounded by
:attr:`Limits.max_bytes`), and no plaintext is ever written to a temporary file. Large
MP4/MOV/M4A on a seekable stream are the exception: they are cleaned and verified as
streams with flat memory (``streamed.py``, bounded by :attr:`Limits.max_streamed_bytes`).
"""

from __future__ import annotations

import functools
import importlib
import io
import time
from collections.abc import Callable

from nam_desktop import __version__
from nam_desktop.core.errors import MalformedFileError, UnsupportedFormatError, ValidationError
from nam_desktop.core.media.base import (
    DEFAULT_LIMITS,
    STREAMED_FORMATS,
    FormatHandler,
    Limits,
    NotCheckable,
    parser_guard,
)
from nam_desktop.core.media.detect import sniff
from nam_desktop.core.media.report import (
    CleanResult,
    CleanStatus,
    MetadataItem,
    MetadataReport,
    RiskClass,
    VerifyResult,
    bytes_stream,
)

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up, issue 19)
if TYPE_CHECKING:
    from typing import BinaryIO


#: Format -> (module under ``core.media``, its handler class or its table of handlers).
#: A handler's module (and the library it needs: mutagen, pikepdf, lxml) is imported
#: only when a file of its format comes: ``media inspect photo.jpg`` loads no PDF code.
_HANDLER_MODULES: dict[str, tuple[str, str]] = {
    "jpeg": ("jpeg", "JpegHandler"),
    "png": ("png", "PngHandler"),
    "pdf": ("pdf", "PdfHandler"),
    "gif": ("gif", "GifHandler"),
    "webp": ("webp", "WebpHandler"),
    "tiff": ("tiff", "TiffHandler"),
    "heic": ("heif", "HeifHandler"),
    **dict.fromkeys(("mp3", "flac", "wav", "ogg", "opus"), ("audio", "AUDIO_HANDLERS")),
    **dict.fromkeys(("docx", "xlsx", "pptx", "odt", "ods", "odp"),
                    ("office", "OFFICE_HANDLERS")),
    **dict.fromkeys(("mp4", "mov", "m4a"), ("video", "VIDEO_HANDLERS")),
}


@functools.cache
def _factory(fmt: str) -> Callable[[], FormatHandler] | None:
    entry = _HANDLER_MODULES.get(fmt)
    if entry is None:
        return None
    module = importlib.import_module(f"nam_desktop.core.media.{entry[0]}")
    found = getattr(module, entry[1])
    factory: Callable[[], FormatHandler] = found[fmt] if isinstance(found, dict) else found
    return factory


def handler_for(fmt: str) -> FormatHandler | None:
    factory = _factory(fmt)
    return factory() if factory is not None else None


def supported_formats() -> list[str]:
    return sorted(_HANDLER_MODULES)


def read_bounded(stream: BinaryIO, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """Read a whole stream, refusing more than ``limits.max_bytes``.

    Seekable streams are read with one exact allocation; others in 16 MiB chunks (a
    single ``read(max_bytes)`` would allocate the whole limit up front)."""
    if stream.seekable():
        here = stream.tell()
        size = stream.seek(0, 2) - here
        stream.seek(here)
        data = _read_sized(stream, here, size, limits)
        if data is not None:
            return data
    return _read_chunks(stream, limits)


def _read_sized(stream: BinaryIO, here: int, size: int, limits: Limits) -> bytes | None:
    """The ``size`` bytes of a seekable stream from ``here`` (where it is), in one read;
    None, the stream back at ``here``, when it grew or shrank while read."""
    if size > limits.max_bytes:
        raise ValidationError("file", f"larger than the {limits.max_bytes // 2**20} MiB limit")
    data = stream.read(size)
    if not isinstance(data, bytes):
        raise ValidationError("stream", "must be a binary stream")
    if len(data) == size and not stream.read(1):
        return data
    stream.seek(here)  # the stream grew or shrank while read: the caller reads chunks
    return None


def _read_chunks(stream: BinaryIO, limits: Limits) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while chunk := stream.read(min(16 * 2**20, limits.max_bytes + 1 - total) or 1):
        if not isinstance(chunk, bytes):
            raise ValidationError("stream", "must be a binary stream")
        chunks.append(chunk)
        total += len(chunk)
        if total > limits.max_bytes:
            raise ValidationError("file", f"larger than the {limits.max_bytes // 2**20} MiB limit")
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def _streamable(stream: BinaryIO, filename: str | None, limits: Limits) -> tuple[str, int] | None:
    """(format, size) when ``stream`` is a large seekable MP4/MOV/M4A, read from 0."""
    return _probe(stream, filename, limits)[0]


def _probe(
    stream: BinaryIO, filename: str | None, limits: Limits
) -> tuple[tuple[str, int] | None, int | None]:
    """:func:`_streamable`, and the size of a seekable stream read from 0 (None for
    other streams), measured once for :func:`clean`; the stream is left at 0."""
    if not stream.seekable() or stream.tell() != 0:
        return None, None
    size = stream.seek(0, 2)
    stream.seek(0)
    if size <= limits.stream_above:
        return None, size
    head = stream.read(1024)
    stream.seek(0)
    if not isinstance(head, bytes) or sniff(head, filename) not in STREAMED_FORMATS:
        return None, size
    if size > limits.max_streamed_bytes:
        limit = limits.max_streamed_bytes // 2**20
        raise ValidationError("file", f"larger than the {limit} MiB limit")
    return (sniff(head, filename), size), size


def size_limit(
    stream: BinaryIO, filename: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> int:
    """Largest size :func:`clean` accepts for this stream: ``max_streamed_bytes`` for a
    seekable MP4/MOV/M4A (cleaned as a stream), ``max_bytes`` for everything else."""
    if stream.seekable() and stream.tell() == 0:
        head = stream.read(1024)
        stream.seek(0)
        if isinstance(head, bytes) and head and sniff(head, filename) in STREAMED_FORMATS:
            return max(limits.max_bytes, limits.max_streamed_bytes)
    return limits.max_bytes


#: Why a recognised format is not checked (shown with the "not checked" verdict).
NOT_CHECKED_WHY = {
    "psd": "Photoshop document: its layers, previews and image resources (IPTC, XMP, "
    "EXIF, paths) are not removed",
    "avi": "AVI video: its RIFF INFO tags and other chunks are not removed",
    "epub": "EPUB book: its package metadata (authors, identifiers, dates) and embedded "
    "files are not removed",
    "zip": "ZIP archive: its members are not checked",
    "isobmff": "ISO media file of a kind not handled (camera raw, ...)",
    "unknown": "format not recognised",
}


def _not_checked_note(fmt: str, reason: str | None = None) -> str:
    why = reason or NOT_CHECKED_WHY.get(fmt, f"{fmt} is not handled")
    return f"format not checked ({why}): stored as is"


def _unsupported_report(fmt: str, reason: str | None = None) -> MetadataReport:
    return MetadataReport(fmt, supported=False, notes=[_not_checked_note(fmt, reason)])


def _not_checked(
    fmt: str, data: bytes, sha: str, versions: dict[str, str], reason: str | None = None
) -> CleanResult:
    rep = _unsupported_report(fmt, reason)
    return CleanResult(
        CleanStatus.NOT_CHECKED,
        bytes_stream(data),
        rep,
        rep,
        [],
        sha,
        sha,
        list(rep.notes),
        versions,
    )


def inspect(
    stream: BinaryIO,
    *,
    filename: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    require_supported: bool = False,
) -> MetadataReport:
    """Every metadata item found, with a risk class. Unknown formats give an empty,
    ``supported=False`` report (or :class:`UnsupportedFormatError` if required)."""
    data = read_bounded(stream, limits)
    return _inspect_bytes(data, filename, limits, require_supported)


def _inspect_bytes(
    data: bytes, filename: str | None, limits: Limits, require_supported: bool
) -> MetadataReport:
    if not data:
        raise MalformedFileError("empty file")
    fmt = sniff(data, filename)
    handler = handler_for(fmt)
    if handler is None:
        if require_supported:
            raise UnsupportedFormatError(fmt)
        return _unsupported_report(fmt)
    try:
        with parser_guard(fmt):
            return handler.inspect(data, limits)
    except NotCheckable as exc:
        if require_supported:
            raise UnsupportedFormatError(f"{fmt}: {exc.reason}") from exc
        return _unsupported_report(fmt, exc.reason)


def _removed(before: MetadataReport, after: MetadataReport) -> list[MetadataItem]:
    """The items of ``before`` that ``after`` does not hold (same group, name and shown
    value). A cleaned file keeps few items in few groups: items of other groups are
    removed without building their keys."""
    kept = {(i.group, i.name, i.value_short) for i in after.items}
    groups = {group for group, _name, _value in kept}
    return [
        i
        for i in before.items
        if i.group not in groups or (i.group, i.name, i.value_short) not in kept
    ]


def clean(
    stream: BinaryIO,
    *,
    filename: str | None = None,
    accept_flattening: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> CleanResult:
    """Remove metadata and verify the result. Only a verified output is CLEAN; in every
    other case ``data`` is the original, unchanged."""
    started = time.monotonic()
    streamed, size = _probe(stream, filename, limits)
    if streamed is not None:
        from nam_desktop.core.media.streamed import clean_streamed
        from nam_desktop.core.media.video import Mp4Handler

        fmt, size = streamed
        handler = handler_for(fmt)
        if not isinstance(handler, Mp4Handler):  # not reached: STREAMED_FORMATS are MP4
            raise UnsupportedFormatError(fmt)
        with parser_guard(fmt):
            return clean_streamed(stream, size, fmt, handler, limits)

    if size is None:
        data = read_bounded(stream, limits)
    else:  # a seekable stream at 0, measured once (by _probe), not again by read_bounded
        found = _read_sized(stream, 0, size, limits)
        data = found if found is not None else _read_chunks(stream, limits)
    if not data:
        raise MalformedFileError("empty file")
    fmt = sniff(data, filename)
    with parser_guard(fmt):
        return _clean_bytes(data, fmt, accept_flattening, limits, started)


def _clean_bytes(
    data: bytes, fmt: str, accept_flattening: bool, limits: Limits, started: float
) -> CleanResult:
    import hashlib  # here: `media inspect` starts without OpenSSL's libcrypto

    sha_orig = hashlib.sha256(data).hexdigest()
    handler = handler_for(fmt)
    versions = {"nam_desktop": __version__}
    if handler is None:
        return _not_checked(fmt, data, sha_orig, versions)
    versions.update(handler.tool_versions())
    try:
        before = handler.inspect(data, limits)
    except NotCheckable as exc:
        return _not_checked(fmt, data, sha_orig, versions, exc.reason)
    if before.blockers and not accept_flattening:
        notes = [f"refused: {b}" for b in before.blockers]
        return CleanResult(
            CleanStatus.REFUSED,
            bytes_stream(data),
            before,
            before,
            [],
            sha_orig,
            sha_orig,
            notes,
            versions,
        )
    try:
        cleaned, notes = handler.clean(data, limits, accept_flattening=accept_flattening)
    except NotCheckable as exc:
        return _not_checked(fmt, data, sha_orig, versions, exc.reason)
    _check_budget(started, limits)
    result, after = _verify(handler, before, cleaned, data, limits, accept_flattening)
    _check_budget(started, limits)
    if not result.ok:
        notes = [*notes, *(f"verification failed: {p}" for p in result.problems)]
        return CleanResult(
            CleanStatus.REFUSED,
            bytes_stream(data),
            before,
            before,
            [],
            sha_orig,
            sha_orig,
            notes,
            versions,
            result,
        )
    if after is None:  # not reached: _verify returns the report when it passes
        after = handler.inspect(cleaned, limits)
    removed = _removed(before, after)
    return CleanResult(
        CleanStatus.CLEAN,
        bytes_stream(cleaned),
        before,
        after,
        removed,
        sha_orig,
        hashlib.sha256(cleaned).hexdigest(),
        notes,
        versions,
        result,
    )


def _check_budget(started: float, limits: Limits) -> None:
    if time.monotonic() - started > limits.time_budget_s:
        raise MalformedFileError("processing took longer than the time budget")


def verify(
    original_report: MetadataReport,
    cleaned: BinaryIO,
    *,
    original: bytes | BinaryIO | None = None,
    accept_flattening: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> VerifyResult:
    """Check a cleaned file against what was found in the original.

    Re-inspects against the format's allow-list, searches the bytes (and decompressed
    PDF streams, ZIP members) for the original's identifying values, checks structure
    (with ``original``: image data unchanged) and that cleaning again changes nothing.
    """
    handler = handler_for(original_report.format)
    if handler is None:
        return VerifyResult(False, [f"format {original_report.format} not checked"])
    if _streamable(cleaned, None, limits) is not None:
        from nam_desktop.core.media.isobmff import PatchedReader
        from nam_desktop.core.media.streamed import verify_streamed
        from nam_desktop.core.media.video import Mp4Handler

        if not isinstance(handler, Mp4Handler):
            return VerifyResult(False, [f"output is not {original_report.format}"])
        size = cleaned.seek(0, 2)
        source = io.BytesIO(original) if isinstance(original, bytes) else original
        if source is not None and source.seek(0, 2) != size:
            return VerifyResult(False, ["mp4: size changed"])
        out = PatchedReader(cleaned, size, [])
        with parser_guard(original_report.format):
            return verify_streamed(handler, original_report, out, source, limits)[0]
    data = read_bounded(cleaned, limits)
    if original is not None and not isinstance(original, bytes):
        original = read_bounded(original, limits)
    with parser_guard(original_report.format):
        return _verify(handler, original_report, data, original, limits, accept_flattening)[0]


IDENTIFYING = RiskClass.IDENTIFYING


def _verify(
    handler: FormatHandler,
    before: MetadataReport,
    data: bytes,
    original: bytes | None,
    limits: Limits,
    accept_flattening: bool,
) -> tuple[VerifyResult, MetadataReport | None]:
    problems: list[str] = []
    fmt = sniff(data)
    if fmt != before.format:
        return VerifyResult(False, [f"output format {fmt}, expected {before.format}"]), None
    try:
        after = handler.inspect(data, limits)
    except MalformedFileError as exc:
        return VerifyResult(False, [f"output unreadable: {exc.detail}"]), None
    except NotCheckable as exc:
        return VerifyResult(False, [f"output not checkable: {exc.reason}"]), None
    problems.extend(
        f"left: {i.group}/{i.name} ({i.risk.value})"
        for i in after.items
        if not handler.allowed_after(i)
    )
    problems.extend(f"left: {b}" for b in after.blockers)
    # Every identifying item with needles is reported once any of its needles is in any
    # view; an item already reported is not searched for in the next views, and the
    # rest of its needles not in this one.
    marked = [item for item in before.items if item.needles and item.risk is IDENTIFYING]
    if marked:
        for view in handler.searchable_views(data, limits):
            found: dict[bytes, bool] = {}  # several items may share a needle: search once
            left = []
            for item in marked:
                for needle in item.needles:
                    hit = found.get(needle)
                    if hit is None:
                        hit = found[needle] = needle in view
                    if hit:
                        problems.append(f"value of {item.group}/{item.name} still in the output")
                        break
                else:
                    left.append(item)
            marked = left
    if original is not None:
        try:
            problems.extend(handler.structural_problems(data, original, limits))
        except NotCheckable as exc:
            problems.append(f"original not checkable: {exc.reason}")
    if not handler.is_fixed_point(data, limits, accept_flattening=accept_flattening):
        problems.append("not idempotent: cleaning the output changes it again")
    return VerifyResult(not problems, sorted(set(problems))), after
