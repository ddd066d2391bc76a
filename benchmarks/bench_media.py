"""Metadata cleaning throughput over the JPEG corpus, beside mat2 and exiftool.

Same files, same run, copies in a temporary directory. exiftool runs as one
``-stay_open`` process doing ``-all=`` (fair to it: no process start per file); mat2 gets
all files in one invocation. Ours is the full ``clean()``: inspect, clean, verify
(re-inspection, value search, structure check, idempotence), then the output written
to a file like the other tools do; a second row keeps the output in memory, as the vault
does before encrypting it. Output quality is checked too: decoded pixels identical to
the original, and orientation kept. Then a 1 GiB synthetic video (corpus MOV with its
mdat padded) cleaned from a file and read out in 1 MiB blocks (as the vault stores it),
with the peak Python heap.
"""

from __future__ import annotations

import io
import random
import shutil
import subprocess
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

from PIL import Image

from nam_desktop.core.media import CleanStatus, clean

ROOT = Path(__file__).resolve().parents[1]
CORPUS = (ROOT / ".." / "shared" / "corpus").resolve()
ROUNDS = 3  # the corpus is small: repeat it for steadier timings
VIDEO_MIB = 1024
MiB = 1024 * 1024


def _jpegs() -> list[Path]:
    skip = {"corrupted.jpg"}
    return sorted(p for p in CORPUS.rglob("*.jpg") if p.name not in skip)


def _pixels(data: bytes) -> bytes:
    with Image.open(io.BytesIO(data)) as img:
        return img.tobytes()


def _orientation(data: bytes) -> int:
    with Image.open(io.BytesIO(data)) as img:
        return int(img.getexif().get(0x0112, 1))


def _quality(originals: dict[str, bytes], outputs: dict[str, bytes]) -> dict[str, int]:
    same_pixels = same_orientation = 0
    for name, data in originals.items():
        out = outputs.get(name)
        if out is None:
            continue
        try:
            same_pixels += _pixels(out) == _pixels(data)
            same_orientation += _orientation(out) == _orientation(data)
        except OSError:
            continue
    return {
        "files": len(outputs),
        "pixels_identical": same_pixels,
        "orientation_kept": same_orientation,
    }


def _bench_ours(files: list[Path], work: Path) -> tuple[float, dict[str, bytes]]:
    outputs: dict[str, bytes] = {}
    clean(io.BytesIO(files[0].read_bytes()))  # warm-up: imports, not cleaning
    start = time.perf_counter()
    for _ in range(ROUNDS):
        for src in files:
            result = clean(io.BytesIO(src.read_bytes()), filename=src.name)
            if result.status is CleanStatus.CLEAN:
                data = result.data.read()
                (work / src.name).write_bytes(data)
                outputs[src.name] = data
    return time.perf_counter() - start, outputs


def _bench_ours_in_memory(files: list[Path], work: Path) -> tuple[float, dict[str, bytes]]:
    outputs: dict[str, bytes] = {}
    clean(io.BytesIO(files[0].read_bytes()))
    start = time.perf_counter()
    for _ in range(ROUNDS):
        for src in files:
            result = clean(io.BytesIO(src.read_bytes()), filename=src.name)
            if result.status is CleanStatus.CLEAN:
                outputs[src.name] = result.data.read()
    return time.perf_counter() - start, outputs


def _bench_exiftool(files: list[Path], work: Path) -> tuple[float, dict[str, bytes]]:
    exe = shutil.which("exiftool")
    if exe is None:
        raise FileNotFoundError("exiftool")
    proc = subprocess.Popen(
        [exe, "-stay_open", "True", "-@", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert proc.stdin is not None and proc.stdout is not None
    outputs: dict[str, bytes] = {}
    start = time.perf_counter()
    for rnd in range(ROUNDS):
        for src in files:
            dst = work / f"{rnd}-{src.name}"
            proc.stdin.write(f"-all=\n-o\n{dst}\n{src}\n-execute\n".encode())
            proc.stdin.flush()
            while not proc.stdout.readline().startswith(b"{ready"):
                pass
            if dst.exists():
                outputs[src.name] = dst.read_bytes()
    elapsed = time.perf_counter() - start
    proc.stdin.write(b"-stay_open\nFalse\n")
    proc.stdin.close()
    proc.wait(timeout=30)
    proc.stdout.close()
    return elapsed, outputs


def _bench_mat2(files: list[Path], work: Path) -> tuple[float, dict[str, bytes]]:
    exe = shutil.which("mat2")
    if exe is None:
        raise FileNotFoundError("mat2")
    outputs: dict[str, bytes] = {}
    elapsed = 0.0
    for rnd in range(ROUNDS):
        folder = work / f"r{rnd}"
        folder.mkdir()
        copies = []
        for i, src in enumerate(files):
            dst = folder / f"{i:03d}-{src.name}"
            shutil.copyfile(src, dst)
            copies.append(dst)
        start = time.perf_counter()
        subprocess.run([exe, *map(str, copies)], check=False, capture_output=True, timeout=300)
        elapsed += time.perf_counter() - start
        for src, dst in zip(files, copies, strict=True):
            cleaned = dst.with_name(dst.stem + ".cleaned" + dst.suffix)
            if cleaned.exists():
                outputs[src.name] = cleaned.read_bytes()
    return elapsed, outputs


def _write_padded_mov(path: Path) -> None:
    """The corpus MOV with VIDEO_MIB MiB appended to its mdat (sample offsets unchanged),
    written in 1 MiB blocks (never held in memory). The padding is pseudo-random, like
    compressed video (zeros would flatter the value search, which skips zero blocks)."""
    src = (CORPUS / "metadata-extractor-images" / "mov" / "with-gps.mov").read_bytes()
    pos = src.index(b"mdat") - 4
    size = int.from_bytes(src[pos : pos + 4], "big")
    pad = VIDEO_MIB * MiB
    with path.open("wb") as out:
        out.write(src[:pos] + (size + pad).to_bytes(4, "big") + src[pos + 4 : pos + size])
        block = random.Random(3).randbytes(MiB)
        for _ in range(VIDEO_MIB):
            out.write(block)
        out.write(src[pos + size :])


def _bench_video(work: Path) -> dict[str, Any]:
    """Clean a ~1 GiB MOV from a file, then read the cleaned stream out in 1 MiB blocks
    (what the vault's encrypting writer does); peak Python heap over both."""
    path = work / "big.mov"
    _write_padded_mov(path)
    total = path.stat().st_size
    tracemalloc.start()
    start = time.perf_counter()
    with path.open("rb") as fh:
        result = clean(fh, filename=path.name)
        verified = time.perf_counter()
        stored = 0
        while block := result.data.read(MiB):
            stored += len(block)
    elapsed = time.perf_counter() - start
    _cur, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    path.unlink()
    return {
        "video_mib": total / MiB,
        "video_status": result.status.value,
        "video_streamed": any("streamed" in n for n in result.notes),
        "video_clean_s": verified - start,
        "video_s": elapsed,
        "video_stored_mib": stored / MiB,
        "video_peak_heap_mib": peak / MiB,
        "video_mbps": total / MiB / elapsed,
    }


def run(results: dict[str, Any]) -> None:
    if not CORPUS.is_dir():
        results["media"] = {"markdown": "## Media (issue 3)\n\nSkipped: corpus not found."}
        return
    files = _jpegs()
    total_mib = sum(p.stat().st_size for p in files) * ROUNDS / MiB
    originals = {p.name: p.read_bytes() for p in files}
    res: dict[str, Any] = {"jpeg_files": len(files), "rounds": ROUNDS, "jpeg_mib": total_mib}
    with tempfile.TemporaryDirectory(prefix="nam-bench-media-") as tmp:
        work = Path(tmp)
        for name, func in (
            ("ours", _bench_ours),
            ("ours_in_memory", _bench_ours_in_memory),
            ("exiftool", _bench_exiftool),
            ("mat2", _bench_mat2),
        ):
            folder = work / name
            folder.mkdir()
            try:
                elapsed, outputs = func(files, folder)
            except FileNotFoundError:
                res[name] = None
                continue
            res[name] = {
                "s": elapsed,
                "mbps": total_mib / elapsed,
                "files_per_s": len(files) * ROUNDS / elapsed,
                **_quality(originals, outputs),
            }
        res.update(_bench_video(work))
    res["markdown"] = _markdown(res)
    results["media"] = res


def _markdown(r: dict[str, Any]) -> str:
    lines = [
        "## Media metadata cleaning (issue 3)",
        "",
        f"JPEG corpus: {r['jpeg_files']} files x {r['rounds']} rounds "
        f'({r["jpeg_mib"]:.1f} MiB). Ours = full clean() incl. verification; "ours" '
        'writes each output to a file like the other tools, "ours_in_memory" keeps it '
        "in memory (as the vault does before encrypting it).",
        "",
        "| tool | files/s | MB/s | pixels identical | orientation kept |",
        "| --- | --- | --- | --- | --- |",
    ]
    for name in ("ours", "ours_in_memory", "exiftool", "mat2"):
        v = r.get(name)
        if v is None:
            lines.append(f"| {name} | not installed | | | |")
            continue
        lines.append(
            f"| {name} | {v['files_per_s']:.0f} | {v['mbps']:.1f} | "
            f"{v['pixels_identical']}/{v['files']} | {v['orientation_kept']}/{v['files']} |"
        )
    mat2, exif = r.get("mat2"), r.get("exiftool")
    lines.append("")
    for name in ("ours", "ours_in_memory"):
        ours = r.get(name)
        if ours and mat2:
            lines.append(
                f"{name} vs mat2: {ours['mbps'] / mat2['mbps']:.1f}x (target >= 10x); "
                + (
                    f"vs exiftool -all= (stay_open): {ours['mbps'] / exif['mbps']:.1f}x "
                    "(target > 1x)."
                    if exif
                    else "exiftool not installed."
                )
            )
    lines += [
        "",
        f"Video: {r['video_mib']:.0f} MiB MOV, {r['video_status']}"
        f"{' (streamed)' if r['video_streamed'] else ''}: cleaned and verified in "
        f"{r['video_clean_s']:.2f} s, then read out ({r['video_stored_mib']:.0f} MiB) in "
        f"{r['video_s'] - r['video_clean_s']:.2f} s; {r['video_mbps']:.0f} MB/s overall, "
        f"peak Python heap {r['video_peak_heap_mib']:.1f} MiB (flat: independent of the "
        "file size).",
    ]
    return "\n".join(lines)
