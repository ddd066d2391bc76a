"""Recording benchmark (issue 7): CPU to record one hour of 48 kHz mono 16-bit audio.

The hour is simulated at full speed: 100 ms PCM blocks go through RecordingSession into
a real vault (encryption, fsync of every chunk, SHA-256 verification at finish).
"""

from __future__ import annotations

import math
import resource
import struct
import tempfile
import time
from pathlib import Path
from typing import Any

from nam_desktop.core.crypto.kdf import MINIMUM_PARAMS
from nam_desktop.core.model.records import Consent, TestimonyDraft
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.recording import RecordingSession
from nam_desktop.core.vault.vault import Vault

RATE = 48_000
SECONDS = 3600


def _cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_utime + ru.ru_stime


def run(results: dict[str, Any]) -> None:
    block = b"".join(struct.pack("<h", int(9000 * math.sin(i / 9.0))) for i in range(RATE // 10))
    with tempfile.TemporaryDirectory() as tmp:  # synthetic tone only, no real content
        vault = Vault.create(Path(tmp) / "vault", "bench passphrase", kdf=MINIMUM_PARAMS)
        try:
            repo = TestimonyRepository(vault)
            tid = repo.add(TestimonyDraft(title="bench", consent=Consent(
                audio_recording=True, given_date="2026-11-01", method="oral")))
            session = RecordingSession(vault)
            cpu0, wall0 = _cpu(), time.perf_counter()
            session.start(tid, RATE, 1, 2)
            for _ in range(SECONDS * 10):
                session.write_pcm(block)
            cpu1 = _cpu()
            att = session.finish()
            cpu2, wall = _cpu(), time.perf_counter() - wall0
            on_disk = vault.media.path_of(att.cleaned_media_id or "").stat().st_size
        finally:
            vault.close()
    res = {
        "audio_seconds": SECONDS,
        "cpu_seconds_recording": round(cpu1 - cpu0, 2),
        "cpu_seconds_finish": round(cpu2 - cpu1, 2),
        "wall_seconds": round(wall, 2),
        "cpu_percent_of_realtime": round(100 * (cpu2 - cpu0) / SECONDS, 3),
        "mib_per_hour": round(on_disk / 2**20, 1),
        "wav_bytes": att.size_cleaned,
    }
    res["markdown"] = (
        "## Recording (issue 7)\n\n"
        "One hour of 48 kHz mono 16-bit PCM, simulated at full speed (100 ms blocks).\n\n"
        "| measure | value |\n|---|---|\n"
        f"| CPU while recording (s per hour) | {res['cpu_seconds_recording']} |\n"
        f"| CPU to finish (hash check, s) | {res['cpu_seconds_finish']} |\n"
        f"| CPU use vs. real time | {res['cpu_percent_of_realtime']} % |\n"
        f"| wall time (s) | {res['wall_seconds']} |\n"
        f"| encrypted size per hour (MiB) | {res['mib_per_hour']} |\n")
    results["recording"] = res


if __name__ == "__main__":
    out: dict[str, Any] = {}
    run(out)
    print(out["recording"]["markdown"])
