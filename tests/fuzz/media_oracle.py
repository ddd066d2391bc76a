"""The invariants every media fuzz target checks, whatever the input.

1. Only typed errors: :class:`MalformedFileError` or :class:`ValidationError`, and never
   :class:`ParserFault` (the safety net that turns a parser's plain Python error, e.g.
   ``struct.error``, into a malformed-file error: it firing means a parser bug).
2. A result that is not CLEAN hands back the input unchanged.
3. A CLEAN output carries none of the planted identifying values (``PLANTED``): not in
   its bytes, nor in any decompressed ZIP member, nor in any PDF stream or string.
   The values are searched as UTF-8, UTF-16LE and UTF-16BE text; GPS rationals as bytes.
4. The cleaner's output re-inspects as clean: no identifying item, no blocker, and
   cleaning it again is CLEAN with the same bytes.

The planted values are only ever put where a format keeps metadata (never in picture,
sound or document text), so finding one in a CLEAN output is a leak.
"""

from __future__ import annotations

import io
import struct
import zipfile

import pikepdf
from media_samples import AUTHOR, PLACE, SERIAL

from nam_desktop.core.errors import MalformedFileError, ValidationError
from nam_desktop.core.media import CleanStatus, MetadataItem, RiskClass, clean, inspect
from nam_desktop.core.media.api import handler_for
from nam_desktop.core.media.base import ParserFault

#: Identifying values the seeds and generators plant in metadata.
PLANTED_TEXT = (
    AUTHOR,
    SERIAL,
    PLACE,
    "Siarhei Analyst",
    "+375291112233",
    "SM-G991B",
    "Maryia K.",
)
#: GPS latitude and longitude of ``media_samples.make_jpeg`` (53/1 54/1 133/4,
#: 27/1 33/1 179/4), as the EXIF block stores them (both byte orders).
PLANTED_BYTES = tuple(
    struct.pack(order + "6L", *vals)
    for vals in ((53, 1, 54, 1, 133, 4), (27, 1, 33, 1, 179, 4))
    for order in "<>"
)


def _forms(text: str) -> list[bytes]:
    return [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be")]


NEEDLES = tuple(n for t in PLANTED_TEXT for n in _forms(t)) + PLANTED_BYTES


def _zip_views(data: bytes) -> list[bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return [zf.read(info) for info in zf.infolist()] + [
            (info.comment or b"") + (info.extra or b"") for info in zf.infolist()
        ]


def _pdf_strings(obj: object, out: list[bytes], top: bool) -> None:
    """Every string under ``obj`` (as stored and as text), not following references:
    each indirect object is visited from ``pdf.objects``."""
    if isinstance(obj, pikepdf.Object) and obj.is_indirect and not top:
        return
    if isinstance(obj, pikepdf.String):
        out.append(bytes(obj))
        out.append(str(obj).encode("utf-8", "replace"))
    elif isinstance(obj, pikepdf.Array):
        for item in obj:
            _pdf_strings(item, out, False)
    elif isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
        table = obj.stream_dict if isinstance(obj, pikepdf.Stream) else obj
        for key in list(table.keys()):
            _pdf_strings(table[key], out, False)


def _pdf_views(data: bytes) -> list[bytes]:
    views: list[bytes] = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream):
                try:
                    views.append(obj.read_bytes())
                except pikepdf.PdfError:
                    views.append(obj.read_raw_bytes())
            _pdf_strings(obj, views, True)
    return views


_ZIPS = {"docx", "xlsx", "pptx", "odt", "ods", "odp"}


def decoded_views(data: bytes, fmt: str | None = None) -> list[bytes]:
    """The bytes, and what a reader decodes from them (members, streams, strings):
    as the format ``fmt`` (the cleaner's verdict), or guessed from the first bytes."""
    views = [data]
    if fmt in _ZIPS or (fmt is None and data.startswith(b"PK\x03\x04")):
        views += _zip_views(data)
    if fmt == "pdf" or (fmt is None and b"%PDF-" in data[:1024]):
        views += _pdf_views(data)
    return views


def _safe_views(data: bytes, fmt: str) -> list[bytes]:
    """Decoded views of an input that may not decode (then its bytes alone)."""
    try:
        return decoded_views(data, fmt)
    except (zipfile.BadZipFile, pikepdf.PdfError, ValueError, OSError, EOFError, KeyError):
        return [data]


def _count(views: list[bytes], needle: bytes) -> int:
    return sum(v.count(needle) for v in views)


def leftover_needles(data: bytes, fmt: str | None = None) -> list[bytes]:
    views = decoded_views(data, fmt)
    return [n for n in NEEDLES if any(n in v for v in views)]


def _reported_needles(items: list[MetadataItem]) -> tuple[bytes, ...]:
    """The identifying values the cleaner itself found in the input, as text."""
    values = [i.value_short for i in items if i.risk is RiskClass.IDENTIFYING]
    return tuple(
        form
        for v in values
        if len(v) >= 8 and not v.endswith("…") and not v.endswith(" bytes")
        for form in (v.encode("utf-8"), v.encode("utf-16-le"))
    )


def check_media(
    data: bytes, filename: str | None = None, flatten: bool = False, strict: bool = True
) -> None:
    """Assert the four invariants above for one input. ``strict=False`` for inputs
    whose bytes were edited at random: an edit can move or copy a planted value into
    what the format defines as content (a PCM data chunk, an audio frame, an image's
    coded data), where it is kept like any content; then invariant 3 is checked for the
    identifying values the cleaner reported in the input (searched here, in every
    decoded view, independently of the verifier): each must occur fewer times in the
    output than in the input, and not at all unless the input also had it elsewhere."""
    try:
        inspect(io.BytesIO(data), filename=filename)
    except ParserFault as exc:
        raise AssertionError(f"untyped parser error in inspect: {exc.__cause__!r}") from exc
    except (MalformedFileError, ValidationError):
        pass
    try:
        result = clean(io.BytesIO(data), filename=filename, accept_flattening=flatten)
    except ParserFault as exc:
        raise AssertionError(f"untyped parser error in clean: {exc.__cause__!r}") from exc
    except (MalformedFileError, ValidationError):
        return
    out = result.data.read()
    if result.status is not CleanStatus.CLEAN:
        assert out == data, "a result that is not CLEAN must hand back the input"
        return
    fmt = result.before.format
    if strict:
        left = leftover_needles(out, fmt)
    else:
        # An edit may also have copied a value into content (libFuzzer's CopyPart, our
        # "dup"): then the output may keep that copy, but not every occurrence.
        after_views, before_views = decoded_views(out, fmt), _safe_views(data, fmt)
        left = [
            n
            for n in _reported_needles(result.before.items)
            if 0 < _count(after_views, n) >= _count(before_views, n)
        ]
    assert not left, f"planted values left in a CLEAN output: {left!r}"
    after = inspect(io.BytesIO(out), filename=filename)
    assert not after.blockers, after.blockers
    handler = handler_for(after.format)
    assert handler is not None
    # Identifying items the format's allow-list lets stay (a PDF id derived from the
    # cleaned content) are not metadata of the original.
    bad = [
        i for i in after.items if i.risk is RiskClass.IDENTIFYING and not handler.allowed_after(i)
    ]
    assert not bad, f"identifying items in the cleaned output: {bad!r}"
    again = clean(io.BytesIO(out), filename=filename, accept_flattening=flatten)
    assert again.status is CleanStatus.CLEAN, again.notes
    assert again.data.read() == out, "cleaning the output again changed it"
