"""Fuzzing every media parser: seeds with planted values (``seeds.py``), changed at the
level of their structure (``structures.py``) and of their bytes (``fuzzkit.mutated``),
checked against the invariants of ``media_oracle.check_media``."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from fuzzkit import fuzz_settings, mutated, regression_params, replay, run_target
from hypothesis import given
from hypothesis import strategies as st
from media_oracle import check_media, leftover_needles
from seeds import media_seeds
from structures import STRUCTURED

from nam_desktop.core.media import CleanStatus, RiskClass, clean, inspect

SEEDS = media_seeds()
#: Targets whose one example costs much more than a picture's (pikepdf, mutagen).
_COST = {"pdf": 0.5, "ogg": 0.5, "heif": 0.7, "docx": 0.7}


#: Structure-aware generators that keep every length and checksum consistent, so a
#: planted value stays where it was put (in metadata): checked strictly.
_CONSISTENT = {"png"}


@st.composite
def _inputs(draw: st.DrawFn, fmt: str) -> tuple[bytes, bool]:
    data = draw(st.sampled_from(SEEDS[fmt]))
    strict = True
    if fmt in STRUCTURED and draw(st.booleans()):
        data = draw(STRUCTURED[fmt](data))
        strict = fmt in _CONSISTENT
    if draw(st.integers(0, 3)):
        data = draw(mutated(data))
        strict = False
    return data, strict


def _loose(data: bytes) -> None:
    check_media(data, strict=False)


#: Every format's target (strict), its byte-edited variant (``-edited``: loose), and
#: ``media-any`` (inputs atheris found, of any format: loose).
TARGETS = {
    **{f"media-{fmt}": check_media for fmt in SEEDS},
    **{f"media-{fmt}-edited": _loose for fmt in SEEDS},
    "media-any": _loose,
}


def _fuzz_test(fmt: str):  # type: ignore[no-untyped-def]
    @fuzz_settings(_COST.get(fmt, 1.0))
    @given(case=_inputs(fmt))
    def test(case: tuple[bytes, bool]) -> None:
        data, strict = case
        # A failing input is kept under the target of its kind: strict ones are
        # replayed strictly, the others (random byte edits) with the loose check.
        target = f"media-{fmt}" if strict else f"media-{fmt}-edited"
        run_target(target, check_media if strict else _loose, data)

    test.__name__ = f"test_fuzz_{fmt}"
    return test


for _fmt in SEEDS:
    globals()[f"test_fuzz_{_fmt}"] = _fuzz_test(_fmt)


@pytest.mark.parametrize("fmt", sorted(SEEDS))
def test_seeds_plant_values_that_the_cleaner_removes(fmt: str) -> None:
    """The oracle is not vacuous: every seed carries planted values, and its clean
    copy (when the format gives one) carries none."""
    for seed in SEEDS[fmt]:
        planted = leftover_needles(seed) or [
            i for i in inspect(io.BytesIO(seed)).items if i.risk is RiskClass.IDENTIFYING
        ]  # compressed metadata (zTXt) shows only once decoded
        assert planted, f"{fmt} seed plants nothing"
        check_media(seed)
        result = clean(io.BytesIO(seed))
        assert result.status is CleanStatus.CLEAN, (fmt, result.notes)


@pytest.mark.parametrize(("check", "path"), regression_params(TARGETS))
def test_regressions(check, path: Path) -> None:  # type: ignore[no-untyped-def]
    replay(check, path)
