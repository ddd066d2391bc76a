"""What every fuzz module shares: the active profile, byte-level mutations, the record
of failing inputs (``regressions/<target>/``) and their replay.

See ``README.md`` beside this file for the conventions.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.control import current_build_context

HERE = Path(__file__).resolve().parent
REGRESSIONS = HERE / "regressions"
#: ``ci`` (bounded, the default: part of ``make test``) or ``long`` (``make fuzz``).
PROFILE = "long" if os.environ.get("NAM_FUZZ", "").strip().lower() == "long" else "ci"

Check = Callable[[bytes], None]


def fuzz_settings(scale: float = 1.0) -> settings:
    """The active profile, with ``scale`` times its number of examples (expensive
    targets use less than 1). Use as a decorator above ``@given``."""
    base = settings.get_profile(PROFILE)
    return settings(base, max_examples=max(1, int(base.max_examples * scale)))


def _is_final_replay() -> bool:
    """True while Hypothesis replays the minimal failing example (after shrinking)."""
    try:
        return bool(current_build_context().is_final)
    except Exception:  # outside a Hypothesis test (a plain replay): not recorded again
        return False


def save_regression(target: str, data: bytes) -> Path:
    """Keep ``data`` as ``regressions/<target>/<sha256[:16]>.bin`` (idempotent)."""
    folder = REGRESSIONS / target
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{hashlib.sha256(data).hexdigest()[:16]}.bin"
    if not path.exists():
        path.write_bytes(data)
    return path


@contextmanager
def recorded(target: str, data: bytes) -> Iterator[None]:
    """Run a check; if it fails on Hypothesis's final (shrunk) example, the input is
    kept under ``regressions/<target>/`` so that it is replayed from then on."""
    try:
        yield
    except BaseException as exc:
        if _is_final_replay() and not isinstance(exc, KeyboardInterrupt):
            path = save_regression(target, data)
            exc.add_note(f"failing input kept as {path.relative_to(HERE)}")
        raise


def run_target(target: str, check: Check, data: bytes) -> None:
    with recorded(target, data):
        check(data)


def regression_params(targets: dict[str, Check]) -> list[object]:
    """One ``pytest.param(check, path)`` per kept input of these targets."""
    params: list[object] = []
    for name in sorted(targets):
        folder = REGRESSIONS / name
        if folder.is_dir():
            for path in sorted(folder.iterdir()):
                if path.is_file() and not path.name.startswith("."):
                    params.append(pytest.param(targets[name], path, id=f"{name}/{path.name}"))
    if not params:  # nothing kept yet: an honest skip (not an oracle missing in CI)
        reason = f"no failing input kept yet for {', '.join(sorted(targets))}"
        params.append(pytest.param(None, None, id="none-kept", marks=[
            pytest.mark.may_skip_in_ci(reason), pytest.mark.skip(reason=reason)]))
    return params


def replay(check: Check, path: Path) -> None:
    check(path.read_bytes())



# ---------------------------------------------------------------------------
# Byte-level mutations (every target uses them on top of its structure-aware ones)

INTERESTING_32 = (0, 1, 7, 8, 0x7F, 0x80, 0xFF, 0x7FFF, 0xFFFF, 0x7FFFFFFF, 0xFFFFFFFF)


@st.composite
def mutated(draw: st.DrawFn, base: bytes, max_ops: int = 4) -> bytes:
    """``base`` with 1..max_ops edits: byte flips and sets, 16/32-bit "interesting"
    integers, inserted, deleted, duplicated or moved ranges, truncation."""
    out = bytearray(base)
    for _ in range(draw(st.integers(1, max_ops))):
        if not out:
            out += draw(st.binary(min_size=1, max_size=16))
            continue
        pos = draw(st.integers(0, len(out) - 1))
        op = draw(st.sampled_from(["set", "flip", "int", "insert", "delete", "dup", "trunc"]))
        if op == "set":
            out[pos] = draw(st.integers(0, 255))
        elif op == "flip":
            out[pos] ^= 1 << draw(st.integers(0, 7))
        elif op == "int":
            width = draw(st.sampled_from([2, 4]))
            value = draw(st.sampled_from(INTERESTING_32)) & ((1 << (8 * width)) - 1)
            order = draw(st.sampled_from(["big", "little"]))
            out[pos : pos + width] = value.to_bytes(width, order)
        elif op == "insert":
            out[pos:pos] = draw(st.binary(min_size=1, max_size=32))
        elif op == "delete":
            del out[pos : pos + draw(st.integers(1, 64))]
        elif op == "dup":
            size = draw(st.integers(1, 256))
            out[pos:pos] = out[pos : pos + size]
        else:
            del out[max(1, pos) :]
    return bytes(out)
