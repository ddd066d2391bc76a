"""Cleaning and verifying MP4/MOV/M4A as streams, with flat memory, for files of any size.

The input must be seekable (the vault hands over a decrypting reader). Only the atom
headers and ``moov`` are parsed in memory; the cleaned file is the input with in-place
patches, produced lazily by :class:`PatchedReader` while it is stored. Verification makes
one pass over both files in 1 MiB blocks: both SHA-256 hashes, the search for the
original's identifying values over a sliding window, and the check that no audio or
video sample byte changed; the structure (re-inspection of the output against the
allow-list, sample tables, track headers, idempotence) is checked on the output's own
``moov``. No plaintext is written anywhere.
"""

from __future__ import annotations

import hashlib
import time
from typing import BinaryIO, cast

from nam_desktop import __version__
from nam_desktop.core.errors import MalformedFileError
from nam_desktop.core.media.base import STREAMED_FORMATS, Limits
from nam_desktop.core.media.detect import sniff
from nam_desktop.core.media.isobmff import (
    BLOCK,
    Mp4File,
    PatchedReader,
    changed_inside,
    normalise,
    patch_content,
    read_at,
)
from nam_desktop.core.media.mp4_samples import kept_sample_ranges
from nam_desktop.core.media.report import (
    CleanResult,
    CleanStatus,
    MetadataItem,
    MetadataReport,
    RiskClass,
    VerifyResult,
)
from nam_desktop.core.media.video import (
    Mp4Handler,
    moov_problems,
    parse_stream,
    plan,
    report,
)

_ZEROS = bytes(BLOCK)


class _Budget:
    def __init__(self, limits: Limits, size: int) -> None:
        self.deadline = time.monotonic() + limits.time_budget_s + size / limits.stream_bytes_per_s

    def check(self) -> None:
        if time.monotonic() > self.deadline:
            raise MalformedFileError("processing took longer than the time budget")


__all__ = ["STREAMED_FORMATS", "clean_streamed", "verify_streamed"]


def _needles(before: MetadataReport) -> list[tuple[MetadataItem, bytes]]:
    return [
        (item, needle)
        for item in before.items
        if item.risk is RiskClass.IDENTIFYING
        for needle in item.needles
        if needle
    ]


def _is_fixed_point(out: PatchedReader, cleaned: Mp4File) -> bool:
    """Cleaning the output again changes nothing: every edit it would make is already
    there (read back from the output, block by block)."""
    patches, _notes = plan(cleaned)
    for patch in normalise(patches):
        start, length, _head = patch
        for lo in range(start, start + length, BLOCK):
            hi = min(start + length, lo + BLOCK)
            if out.read_range(lo, hi) != patch_content(patch, lo, hi):
                return False
    return True


def verify_streamed(
    handler: Mp4Handler,
    before: MetadataReport,
    out: PatchedReader,
    original: BinaryIO | None,
    limits: Limits,
    budget: _Budget | None = None,
    parsed: Mp4File | None = None,
) -> tuple[VerifyResult, MetadataReport | None, str, str | None]:
    """(result, report of the output, SHA-256 of the output, SHA-256 of the original)."""
    size = out.size
    budget = budget or _Budget(limits, size)
    fmt = sniff(out.read_range(0, 64))
    if fmt != before.format:
        return (
            VerifyResult(False, [f"output format {fmt}, expected {before.format}"]),
            None,
            "",
            None,
        )
    # A malformed original (e.g. a kept track's sample table pointing outside the file)
    # raises, as in memory; only the output's problems are verification failures.
    orig = parsed or (parse_stream(original, size) if original is not None else None)
    protected = kept_sample_ranges(orig) if orig is not None else []
    try:
        cleaned = parse_stream(cast(BinaryIO, out), size)
        after = report(cleaned, before.format)
    except MalformedFileError as exc:
        return VerifyResult(False, [f"output unreadable: {exc.detail}"]), None, "", None
    problems = [
        f"left: {i.group}/{i.name} ({i.risk.value})"
        for i in after.items
        if not handler.allowed_after(i)
    ]
    problems.extend(f"left: {b}" for b in after.blockers)
    needles = _needles(before)
    overlap = max((len(n) for _, n in needles), default=1) - 1
    zeros_skippable = all(n.count(0) < len(n) for _, n in needles)
    starts = [a for a, _ in protected]
    sha_out, sha_orig = hashlib.sha256(), hashlib.sha256()
    tail = b""
    samples_changed = False
    for offset in range(0, size, BLOCK):
        block = out.read_range(offset, offset + BLOCK)
        sha_out.update(block)
        if original is not None:
            source = read_at(original, offset, len(block))
            sha_orig.update(source)
            if source != block and changed_inside(source, block, offset, protected, starts):
                samples_changed = True
        if needles:
            window = tail + block
            if zeros_skippable and block == _ZEROS[: len(block)]:
                # No needle is all zeros, so a match needs a byte of the tail: searching
                # the tail and the next ``overlap`` bytes is exact (fast on zero runs).
                window = window[: len(tail) + overlap]
            for item, _needle in [x for x in needles if x[1] in window]:
                problems.append(f"value of {item.group}/{item.name} still in the output")
                needles = [(i, n) for (i, n) in needles if i is not item]
            tail = (tail + block)[-overlap:] if overlap else b""
        budget.check()
    if samples_changed:
        problems.append("mp4: audio or video samples changed")
    if orig is not None:
        problems.extend(moov_problems(cleaned, orig))
    if not _is_fixed_point(out, cleaned):
        problems.append("not idempotent: cleaning the output changes it again")
    result = VerifyResult(not problems, sorted(set(problems)))
    return result, after, sha_out.hexdigest(), sha_orig.hexdigest() if original else None


def _sha256(src: BinaryIO, size: int) -> str:
    sha = hashlib.sha256()
    for offset in range(0, size, BLOCK):
        sha.update(read_at(src, offset, min(BLOCK, size - offset)))
    return sha.hexdigest()


def clean_streamed(
    stream: BinaryIO, size: int, fmt: str, handler: Mp4Handler, limits: Limits
) -> CleanResult:
    """:func:`~nam_desktop.core.media.api.clean` for a large seekable MP4/MOV/M4A.
    ``data`` of the result reads ``stream`` lazily: keep it open until stored."""
    budget = _Budget(limits, size)
    versions = {"nam_desktop": __version__, **handler.tool_versions()}
    original = parse_stream(stream, size)
    before = report(original, fmt)
    patches, notes = plan(original)
    budget.check()
    out = PatchedReader(stream, size, patches)
    result, after, sha_clean, sha_orig = verify_streamed(
        handler, before, out, stream, limits, budget, original
    )
    if not result.ok or after is None or sha_orig is None:
        notes = [*notes, *(f"verification failed: {p}" for p in result.problems)]
        sha = sha_orig or _sha256(stream, size)
        unchanged = cast(BinaryIO, PatchedReader(stream, size, [], expected_sha256=sha))
        return CleanResult(
            CleanStatus.REFUSED, unchanged, before, before, [], sha, sha, notes, versions, result
        )
    after_keys = {(i.group, i.name, i.value_short) for i in after.items}
    removed = [i for i in before.items if (i.group, i.name, i.value_short) not in after_keys]
    notes.append("streamed: verified in one pass, stored without holding the file in memory")
    data = cast(BinaryIO, PatchedReader(stream, size, patches, expected_sha256=sha_clean))
    return CleanResult(
        CleanStatus.CLEAN,
        data,
        before,
        after,
        removed,
        sha_orig,
        sha_clean,
        notes,
        versions,
        result,
    )
