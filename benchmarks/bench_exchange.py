"""Exchange benchmarks: export and HQ import of ~1 GiB of media, beside the stock `age` CLI.

The limit of the encryption layer is `age` itself encrypting (and decrypting) the same
bytes in the same run. Each phase runs in its own process; its peak RSS is that
process's ``ru_maxrss`` (for `age`, a small wrapper reports ``RUSAGE_CHILDREN``).
Data: random bytes (no testimony), stored as cleaned attachments of one testimony.
``NAM_BENCH_EXCHANGE_MIB`` overrides the size.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
import uuid
from pathlib import Path
from typing import Any

from nam_desktop.core.crypto.kdf import MINIMUM_PARAMS
from nam_desktop.core.exchange import hq_identity, keycard
from nam_desktop.core.model.records import Consent, Interview, TestimonyDraft, Witness
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.vault.vault import Vault

PASS = "benchmark passphrase"
MiB = 1024 * 1024
FILES = 8

EXPORT_CHILD = textwrap.dedent("""
    import json, resource, sys, time
    from pathlib import Path
    from nam_desktop.core.exchange import destination
    from nam_desktop.core.exchange.export import export_bundle
    from nam_desktop.core.vault.vault import Vault
    phases = {}
    def timed(owner, name):
        inner = getattr(owner, name)
        def wrapper(*a, **k):
            t = time.perf_counter()
            try:
                return inner(*a, **k)
            finally:
                phases[name] = time.perf_counter() - t
        setattr(owner, name, wrapper)
    timed(destination.PartWriter, "complete")  # drain the writer, fsync, rename
    timed(destination, "read_back_sha256")
    vault = Vault.open(Path(sys.argv[1]), sys.argv[2])
    start = time.perf_counter()
    result = export_bundle(vault, Path(sys.argv[3]))
    seconds = time.perf_counter() - start
    vault.close()
    print(json.dumps({"s": seconds, "paths": [str(p) for p in result.paths],
                      "size": result.size, "fsync_s": phases["complete"],
                      "readback_s": phases["read_back_sha256"],
                      "rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
""")

IMPORT_CHILD = textwrap.dedent("""
    import json, resource, sys, time
    from pathlib import Path
    from nam_desktop.core.exchange.hq_import import import_bundle
    from nam_desktop.core.vault.vault import Vault
    vault = Vault.open(Path(sys.argv[1]), sys.argv[2])
    start = time.perf_counter()
    result = import_bundle(vault, [Path(p) for p in sys.argv[3:]])
    seconds = time.perf_counter() - start
    vault.close()
    print(json.dumps({"s": seconds, "entries": result.new_entries,
                      "rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
""")

WRAP_CHILD = textwrap.dedent("""
    import json, resource, subprocess, sys, time
    start = time.perf_counter()
    subprocess.run(sys.argv[1:], check=True)
    seconds = time.perf_counter() - start
    print(json.dumps({"s": seconds,
                      "rss_kib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
""")


class _Random(io.RawIOBase):
    """``size`` pseudo-random bytes (one random block repeated: encryption cost is the same)."""

    def __init__(self, size: int, block: bytes) -> None:
        super().__init__()
        self._left = size
        self._block = block

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        n = min(len(buffer), self._left, len(self._block))
        buffer[:n] = self._block[:n]
        self._left -= n
        return n


def _child(script: str, *args: str) -> dict[str, Any]:
    out = subprocess.run([sys.executable, "-c", script, *args], check=True,
                         capture_output=True, text=True).stdout
    data: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return data


def _setup(work: Path, total: int) -> tuple[Path, Path, str, Path]:
    hq_dir, iv_dir = work / "hq", work / "iv"
    block = os.urandom(8 * MiB)
    with Vault.create(hq_dir, PASS, kdf=MINIMUM_PARAMS, role="hq") as hq, \
            Vault.create(iv_dir, PASS, kdf=MINIMUM_PARAMS) as iv:
        TestimonyRepository(hq)
        ident = hq_identity.init_hq(hq)
        keycard.pin_keycard(iv, keycard.issue_keycard(hq))
        hq_identity.register_device(hq, iv.device.fingerprint, "bench")
        repo = TestimonyRepository(iv)
        tid = repo.add(TestimonyDraft(
            title="bench", interview=Interview(date="2025-01-01"),
            consent=Consent(hq_documentation=True), witness=Witness(pseudonym="B"),
            narrative="synthetic"))
        # Stored as cleaned attachments directly: the cleaner is not what is measured.
        for i in range(FILES):
            stored, key = iv.media.write_file(_Random(total // FILES, block))
            with iv.transaction() as c:
                iv.media.insert_row(stored, key)
                c.execute(
                    "INSERT INTO attachments (id, testimony_id, filename, media_type, "
                    "cleaned_media_id, sha256_original, sha256_cleaned, size_original, "
                    "size_cleaned, clean_status, created_at) VALUES "
                    "(?, ?, ?, 'bin', ?, ?, ?, ?, ?, 'clean', '2025-01-01')",
                    (str(uuid.uuid4()), tid, f"f{i}.bin", stored.id, stored.sha256,
                     stored.sha256, stored.size, stored.size))
        repo.finalize(tid)
        identity = ident.identities[0]
    plain = work / "plain.bin"
    with plain.open("wb") as fh:
        shutil.copyfileobj(_Random(total, block), fh, 8 * MiB)
    return hq_dir, iv_dir, identity, plain


def _mbps(size: int, seconds: float) -> float:
    return size / seconds / 1e6


def bench_exchange(work: Path, total: int) -> dict[str, Any]:
    hq_dir, iv_dir, identity, plain = _setup(work, total)
    age = shutil.which("age")
    usb = work / "usb"
    usb.mkdir()
    exp = _child(EXPORT_CHILD, str(iv_dir), PASS, str(usb))
    imp = _child(IMPORT_CHILD, str(hq_dir), PASS, *exp["paths"])
    out: dict[str, Any] = {
        "media_mib": total / MiB,
        "export_s": exp["s"], "export_mbps": _mbps(total, exp["s"]),
        "export_peak_rss_mib": exp["rss_kib"] / 1024,
        "export_fsync_s": exp["fsync_s"], "export_readback_s": exp["readback_s"],
        "export_encrypt_phase_mbps": _mbps(total, exp["s"] - exp["fsync_s"]
                                           - exp["readback_s"]),
        "import_s": imp["s"], "import_mbps": _mbps(total, imp["s"]),
        "import_peak_rss_mib": imp["rss_kib"] / 1024,
    }
    if age is not None:
        recipient = subprocess.run(["age-keygen", "-y"], input=identity, text=True,
                                   capture_output=True, check=True).stdout.strip()
        key_file = work / "id.txt"
        key_file.write_text(identity + "\n")
        enc = _child(WRAP_CHILD, age, "-r", recipient, "-o", str(work / "a.age"), str(plain))
        dec = _child(WRAP_CHILD, age, "-d", "-i", str(key_file), "-o", os.devnull,
                     str(work / "a.age"))
        out.update({
            "age_encrypt_mbps": _mbps(total, enc["s"]),
            "age_encrypt_peak_rss_mib": enc["rss_kib"] / 1024,
            "age_decrypt_mbps": _mbps(total, dec["s"]),
            "age_decrypt_peak_rss_mib": dec["rss_kib"] / 1024,
            "export_vs_age": _mbps(total, exp["s"]) / _mbps(total, enc["s"]),
            "export_encrypt_phase_vs_age": (exp["s"] - exp["fsync_s"] - exp["readback_s"])
            and enc["s"] / (exp["s"] - exp["fsync_s"] - exp["readback_s"]),
            "import_vs_age_decrypt": _mbps(total, imp["s"]) / _mbps(total, dec["s"]),
        })
    out["targets"] = "export >= 0.7x age encrypt; peak RSS < 150 MB"
    return out


def _markdown(r: dict[str, Any]) -> str:
    def ok(cond: bool) -> str:
        return "met" if cond else "**missed**"

    lines = [
        "## Exchange with HQ (issue 5)",
        "",
        "| measure | result | limit measured in the same run | target | verdict |",
        "| --- | --- | --- | --- | --- |",
    ]
    age_enc = r.get("age_encrypt_mbps")
    ratio = r.get("export_vs_age")
    lines.append(
        f"| export {r['media_mib']:.0f} MiB (decrypt vault, re-hash, sign, age, write, "
        f"fsync, read back) | {r['export_mbps']:.0f} MB/s (encrypt phase "
        f"{r['export_encrypt_phase_mbps']:.0f} MB/s; fsync {r['export_fsync_s']:.1f} s, "
        f"read-back {r['export_readback_s']:.1f} s) | `age` encrypt "
        + (f"{age_enc:.0f} MB/s" if age_enc else "n/a") + " | >= 0.7x age | "
        + (f"{ok(ratio >= 0.7)} ({ratio:.2f}x)" if ratio else "-") + " |")
    lines.append(f"| export peak RSS | {r['export_peak_rss_mib']:.0f} MiB | `age` "
                 f"{r.get('age_encrypt_peak_rss_mib', 0):.0f} MiB | < 150 MB | "
                 f"{ok(r['export_peak_rss_mib'] < 143)} |")
    dec = r.get("age_decrypt_mbps")
    lines.append(f"| HQ import (decrypt, verify, re-encrypt into the vault, commit) | "
                 f"{r['import_mbps']:.0f} MB/s | `age -d` "
                 + (f"{dec:.0f} MB/s" if dec else "n/a") + " | - | - |")
    lines.append(f"| import peak RSS | {r['import_peak_rss_mib']:.0f} MiB | `age -d` "
                 f"{r.get('age_decrypt_peak_rss_mib', 0):.0f} MiB | < 150 MB | "
                 f"{ok(r['import_peak_rss_mib'] < 143)} |")
    lines += ["", "`age` writes to the page cache without fsync and reads nothing back; the "
              "export's encrypt phase excludes fsync and read-back. pyrage holds the GIL "
              "while encrypting (single core), the Go `age` uses several."]
    return "\n".join(lines)


def run(results: dict[str, Any]) -> None:
    total = int(os.environ.get("NAM_BENCH_EXCHANGE_MIB", "1024")) * MiB
    work = Path(tempfile.mkdtemp(prefix="nam-bench-exchange-"))
    try:
        start = time.perf_counter()
        results["exchange"] = bench_exchange(work, total)
        results["exchange"]["total_bench_s"] = time.perf_counter() - start
        results["exchange"]["markdown"] = _markdown(results["exchange"])
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    res: dict[str, Any] = {}
    run(res)
    print(json.dumps(res, indent=1))
