"""Hostile input: mutated files of every handled format fail only with typed errors."""

from __future__ import annotations

import io

import pikepdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from media_samples import PLAIN_BODY, make_docx, make_jpeg, make_mp4, make_png

from nam_desktop.core.errors import MalformedFileError, ValidationError
from nam_desktop.core.media import CleanStatus, clean


def _pdf() -> bytes:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.docinfo["/Author"] = "Somebody Important"
    buf = io.BytesIO()
    pdf.save(buf)
    return buf.getvalue()


SAMPLES = {
    "jpeg": make_jpeg(),
    "png": make_png(),
    "mp4": make_mp4(),
    "docx": make_docx(PLAIN_BODY),
    "pdf": _pdf(),
}


@pytest.mark.parametrize("fmt", sorted(SAMPLES))
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_mutations_fail_cleanly(fmt: str, data: st.DataObject) -> None:
    base = SAMPLES[fmt]
    mutated = bytearray(base)
    for _ in range(data.draw(st.integers(1, 4))):
        pos = data.draw(st.integers(0, len(base) - 1))
        mutated[pos] = data.draw(st.integers(0, 255))
    if data.draw(st.booleans()):
        mutated = mutated[: data.draw(st.integers(1, len(mutated)))]
    try:
        result = clean(io.BytesIO(bytes(mutated)))
    except (MalformedFileError, ValidationError):
        return
    assert result.status in (CleanStatus.CLEAN, CleanStatus.REFUSED, CleanStatus.NOT_CHECKED)
    if result.status is not CleanStatus.CLEAN:
        assert result.data.read() == bytes(mutated)
