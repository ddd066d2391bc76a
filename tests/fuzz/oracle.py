"""Verdicts computed from the documented rules (docs/bundle-format.md sections 4-7,
docs/conventions.md), without project code: what the fuzzers compare the project with.
They come from docs/test-vectors/reference_verifier.py, itself written from the docs."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "reference_verifier", ROOT / "docs" / "test-vectors" / "reference_verifier.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


REF = _load()


def _verdict(check: Any, *args: Any, **kwargs: Any) -> str | None:
    """None when ``check`` accepts, "unsupported_version", or "invalid" (the format's own
    reason, keycard_invalid or receipt_invalid)."""
    try:
        check(*args, **kwargs)
    except REF.Verdict as v:
        return "unsupported_version" if v.reason == "unsupported_version" else "invalid"
    return None


def keycard(data: bytes) -> str | None:
    """Sections 5-6 (reference_verifier.keycard_verdict; recipients checked as Bech32
    there, by pyrage in the project)."""
    return _verdict(REF.keycard_verdict, data)


def receipt(data: bytes, receipt_key: str, hq_root: str, device: str) -> str | None:
    """Section 7 (version 2) and 7.1 (version 1)."""
    return _verdict(REF.receipt_verdict, data, receipt_key=bytes.fromhex(receipt_key),
                    hq_root=hq_root, device=device)


def bundle_inner(data: bytes, mine: set[str], expected_key: bytes) -> str | None:
    """The verdict for a decrypted inner stream (complete), section 4 from P1 on."""
    try:
        REF.inner_verdict(data, True, mine=mine, hq_root=None,
                          expected=({expected_key}, set()), info={})
    except REF.Verdict as v:
        return str(v.reason)
    return None
