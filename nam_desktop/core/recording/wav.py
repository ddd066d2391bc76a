"""The WAV header of a recording, built to fill exactly the first encrypted chunk.

Chunk 0 of a recording's media file holds only the RIFF header: ``RIFF`` + ``fmt `` +
a ``JUNK`` chunk padding to the end of chunk 0 + the ``data`` chunk header. Audio starts
at chunk 1. Chunk 0 is encrypted once, when the sizes are known (at finish or recovery),
so its nonce is never reused with a different plaintext.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

from nam_desktop.core.errors import ValidationError

MIN_HEADER = 12 + 24 + 8 + 8  # RIFF, fmt, JUNK header, data header
MAX_RIFF = 0xFFFFFFFF
SAMPLE_WIDTHS = (2, 4)  # signed little-endian 16/32-bit: frames are always even


@dataclass(frozen=True)
class PcmFormat:
    sample_rate: int
    channels: int
    sample_width: int  # bytes per sample: 2 or 4 (signed little-endian integers)

    def __post_init__(self) -> None:
        if not 1000 <= self.sample_rate <= 384_000:
            raise ValidationError("sample_rate", "out of range")
        if not 1 <= self.channels <= 8:
            raise ValidationError("channels", "out of range")
        if self.sample_width not in SAMPLE_WIDTHS:
            raise ValidationError("sample_width", "unsupported")

    @property
    def block_align(self) -> int:
        return self.channels * self.sample_width

    @property
    def byte_rate(self) -> int:
        return self.sample_rate * self.block_align

    def aligned(self, length: int) -> int:
        """Whole frames only (also even: RIFF chunks are word-aligned)."""
        return length - length % self.block_align

    def ms_of(self, length: int) -> int:
        return length * 1000 // self.byte_rate


def chunk_size_for(fmt: PcmFormat, seconds: float = 2.5) -> int:
    """A power of two holding about ``seconds`` of audio, between 64 KiB and 1 MiB."""
    want = max(1, int(fmt.byte_rate * seconds))
    size = 1 << (want - 1).bit_length()
    return min(max(size, 64 * 1024), 1024 * 1024)


def max_data_len(chunk_size: int) -> int:
    """The largest data length the RIFF sizes can carry with this header."""
    return MAX_RIFF - (chunk_size - 8)


def header(fmt: PcmFormat, data_len: int, chunk_size: int) -> bytes:
    """The plaintext of chunk 0: exactly ``chunk_size`` bytes."""
    if chunk_size < MIN_HEADER or chunk_size % 2:
        raise ValueError("chunk too small for the WAV header")
    if data_len < 0 or data_len > max_data_len(chunk_size) or data_len % 2:
        raise ValueError("bad data length")
    junk = chunk_size - MIN_HEADER
    out = b"".join((
        b"RIFF", struct.pack("<I", chunk_size - 8 + data_len), b"WAVE",
        b"fmt ", struct.pack("<IHHIIHH", 16, 1, fmt.channels, fmt.sample_rate,
                             fmt.byte_rate, fmt.block_align, fmt.sample_width * 8),
        b"JUNK", struct.pack("<I", junk), bytes(junk),
        b"data", struct.pack("<I", data_len),
    ))
    assert len(out) == chunk_size  # noqa: S101  # internal invariant, checked by tests
    return out
