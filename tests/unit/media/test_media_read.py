"""clean() reads the whole stream, whatever kind it is and however its size changes.

A seekable stream read from its start is measured once (``_probe``, also deciding
whether it is a large MP4 cleaned as a stream) and read in one exact allocation; a
stream that grows or shrinks while it is read, one that cannot seek, and one handed
over part-way are read as they are. What was read is what was hashed and cleaned."""

from __future__ import annotations

import hashlib
import io

import pytest
from media_samples import make_jpeg

from nam_desktop.core.errors import ValidationError
from nam_desktop.core.media import CleanStatus, Limits, clean
from nam_desktop.core.media.api import read_bounded


class _Growing(io.BytesIO):
    """A file another program appends to: when a read reaches the end, ``extra`` is
    appended (once), after the reader measured the size."""

    def __init__(self, data: bytes, extra: bytes) -> None:
        super().__init__(data)
        self._extra = extra

    def read(self, size: int | None = -1) -> bytes:
        out = super().read(size)
        if self._extra and self.tell() == len(self.getbuffer()):
            here = self.tell()
            self.seek(0, 2)
            self.write(self._extra)
            self.seek(here)
            self._extra = b""
        return out


class _Shrinking(io.BytesIO):
    """A file cut to ``keep`` bytes by another program after it was measured."""

    def __init__(self, data: bytes, keep: int) -> None:
        super().__init__(data)
        self._keep: int | None = keep

    def read(self, size: int | None = -1) -> bytes:
        if self._keep is not None and size not in (None, -1) and size > 1:
            self.truncate(self._keep)
            self._keep = None
        return super().read(size)


class _OneWay(io.BytesIO):
    def seekable(self) -> bool:
        return False


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_a_stream_that_grows_while_read_is_read_whole() -> None:
    photo, extra = make_jpeg(), b"appended while read"
    result = clean(_Growing(photo, extra))
    assert result.sha256_original == _sha(photo + extra)
    assert result.status is CleanStatus.CLEAN  # the appended bytes are a trailer, removed
    assert result.data.read().endswith(b"\xff\xd9")
    assert read_bounded(_Growing(photo, extra)) == photo + extra


def test_a_stream_cut_while_read_is_read_as_cut() -> None:
    photo = make_jpeg(trailer=b"T" * 100)
    keep = len(photo) - 60
    result = clean(_Shrinking(photo, keep))
    assert result.sha256_original == _sha(photo[:keep])
    assert read_bounded(_Shrinking(photo, keep)) == photo[:keep]


def test_streams_that_cannot_seek_or_start_part_way() -> None:
    photo = make_jpeg()
    assert clean(_OneWay(photo)).sha256_original == _sha(photo)
    handed = io.BytesIO(b"HEADER" + photo)
    handed.seek(6)
    result = clean(handed)
    assert result.status is CleanStatus.CLEAN and result.sha256_original == _sha(photo)


@pytest.mark.parametrize("stream", [io.BytesIO, _OneWay])
def test_the_size_limit_holds_for_every_kind_of_stream(stream: type[io.BytesIO]) -> None:
    photo = make_jpeg()
    with pytest.raises(ValidationError):
        clean(stream(photo), limits=Limits(max_bytes=len(photo) - 1))
    assert clean(stream(photo), limits=Limits(max_bytes=len(photo))).sha256_original == _sha(
        photo
    )
