"""Metadata cleaning throughput over the JPEG corpus, beside mat2 and exiftool.

Same files, same run, copies in a temporary directory. exiftool runs as one
``-stay_open`` process doing ``-all=`` (fair to it: no process start per file); mat2 gets
all files in one invocation. Ours is the full ``clean()``: inspect, clean, verify
(re-inspection, value search, structure check, idempotence). Output quality is checked
too: decoded pixels identical to the original, and orientation kept. Then the peak
memory of cleaning a large synthetic video (corpus MOV with its mdat padded).
"""

from __future__ import annotations

import io
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
VIDEO_MIB = 200
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


def _bench_video(work: Path) -> dict[str, Any]:
    """Peak Python heap while cleaning a ~200 MiB MOV (corpus file, mdat padded)."""
    src = (CORPUS / "metadata-extractor-images" / "mov" / "with-gps.mov").read_bytes()
    pos = src.index(b"mdat") - 4
    size = int.from_bytes(src[pos : pos + 4], "big")
    pad = VIDEO_MIB * MiB
    big = (
        src[:pos]
        + (size + pad).to_bytes(4, "big")
        + src[pos + 4 : pos + size]
        + bytes(pad)
        + src[pos + size :]
    )
    path = work / "big.mov"
    path.write_bytes(big)
    del big
    tracemalloc.start()
    start = time.perf_counter()
    with path.open("rb") as fh:
        result = clean(fh, filename=path.name)
    elapsed = time.perf_counter() - start
    _cur, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "video_mib": path.stat().st_size / MiB,
        "video_status": result.status.value,
        "video_s": elapsed,
        "video_peak_heap_mib": peak / MiB,
        "video_mbps": path.stat().st_size / MiB / elapsed,
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
        f"({r['jpeg_mib']:.1f} MiB). Ours = full clean() incl. verification.",
        "",
        "| tool | files/s | MB/s | pixels identical | orientation kept |",
        "| --- | --- | --- | --- | --- |",
    ]
    for name in ("ours", "exiftool", "mat2"):
        v = r.get(name)
        if v is None:
            lines.append(f"| {name} | not installed | | | |")
            continue
        lines.append(
            f"| {name} | {v['files_per_s']:.0f} | {v['mbps']:.1f} | "
            f"{v['pixels_identical']}/{v['files']} | {v['orientation_kept']}/{v['files']} |"
        )
    ours, mat2, exif = r.get("ours"), r.get("mat2"), r.get("exiftool")
    if ours and mat2:
        lines.append(f"\nOurs vs mat2: {ours['mbps'] / mat2['mbps']:.1f}x (target >= 10x).")
    if ours and exif:
        lines.append(
            f"Ours vs exiftool -all= (stay_open): {ours['mbps'] / exif['mbps']:.1f}x (target > 1x)."
        )
    lines += [
        "",
        f"Video: {r['video_mib']:.0f} MiB MOV, {r['video_status']} in {r['video_s']:.2f} s "
        f"({r['video_mbps']:.0f} MB/s), peak Python heap {r['video_peak_heap_mib']:.0f} MiB "
        "(in-memory design: not flat; see docs/metadata.md).",
    ]
    return "\n".join(lines)
