"""Byte strings the verifier looks for in cleaned output ("needles").

A needle must be specific enough not to occur by chance in pixel or audio data, so
short text values and low-entropy windows (XMP padding, zero runs) are skipped.
"""

from __future__ import annotations

MIN_TEXT_NEEDLE = 5
BLOB_WINDOW = 32
MIN_DISTINCT = 12
# Values too common to mean anything when found elsewhere in a file.
_COMMON = {"false", "true", "image/jpeg", "application/pdf", "image/png", "normal", "unknown"}
_COMMON_LONGEST = max(map(len, _COMMON))


def text_needles(value: str) -> tuple[bytes, ...]:
    """UTF-8 and UTF-16LE forms of a text value, when long enough to be specific."""
    if len(value) < MIN_TEXT_NEEDLE:  # stripping only makes it shorter
        return ()
    text = value.strip().strip("\x00").strip()
    size = len(text)
    if size < MIN_TEXT_NEEDLE:
        return ()
    # Fewer than 3 distinct characters: the first 16 usually show 3 already, without a
    # set of a long value. lower() never shortens a string: a value longer than every
    # common word is none of them.
    if len(set(text[:16])) < 3 and len(set(text)) < 3:
        return ()
    if size <= _COMMON_LONGEST and text.lower() in _COMMON:
        return ()
    utf8 = text.encode("utf-8", "replace")
    if size >= 8 or not text.isascii():
        return (utf8, text.encode("utf-16-le", "replace"))
    return (utf8,)


def raw_needles(raw: bytes) -> tuple[bytes, ...]:
    """The raw value itself when it is long and varied enough (e.g. GPS rationals)."""
    if len(raw) >= 8 and len(set(raw)) >= 4:
        return (raw[:64],)
    return ()


def blob_needles(blob: bytes, count: int = 2) -> tuple[bytes, ...]:
    """Up to ``count`` varied 32-byte windows from a binary block (thumbnail, maker note)."""
    found: list[bytes] = []
    if len(blob) < BLOB_WINDOW:
        return raw_needles(blob)
    step = max(1, (len(blob) - BLOB_WINDOW) // 16)
    for start in range(0, len(blob) - BLOB_WINDOW + 1, step):
        window = blob[start : start + BLOB_WINDOW]
        if len(set(window)) >= MIN_DISTINCT and window not in found:
            found.append(window)
            if len(found) >= count:
                break
    return tuple(found)


def contains_any(haystack: bytes, needles: tuple[bytes, ...] | list[bytes]) -> bytes | None:
    for needle in needles:
        if needle and needle in haystack:
            return needle
    return None


def jpeg_blob_needles(blob: bytes) -> tuple[bytes, ...]:
    """Needles from an embedded JPEG (thumbnail, preview): from its entropy-coded data,
    because its tables (DQT, DHT) are often identical to the main picture's."""
    sos = blob.find(b"\xff\xda")
    if sos >= 0 and len(blob) - sos > 4 * BLOB_WINDOW:
        return blob_needles(blob[sos + 2 * BLOB_WINDOW :])
    return blob_needles(blob[len(blob) // 2 :])
