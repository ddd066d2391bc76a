"""Summary PDF: time to build (content, thumbnails, render, sign) a summary of a
testimony with 20 attached images and a 20,000-word narrative, and to verify it.

Synthetic data only: generated Belarusian/Russian words and generated JPEG photos.
"""

from __future__ import annotations

import io
import random
import shutil
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import pikepdf
from PIL import Image

from nam_desktop.core.crypto.kdf import MINIMUM_PARAMS
from nam_desktop.core.model.attachments import AttachmentService
from nam_desktop.core.model.records import Act, Consent, Interview, TestimonyDraft, Witness
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.summary import SummaryOptions, make_summary, verify_pdf
from nam_desktop.core.vault.vault import Vault

PASS = "benchmark passphrase"
IMAGES = 20
WORDS = 20_000
ROUNDS = 3
VOCAB = ("затрымалі сведка пастарунак аўтазак суд штраф ператрус тэлефон мяжа пашпарт "
         "задержали свидетель РУВД автозак обыск граница паспорт Окрестина ў і").split()


def _narrative(rng: random.Random) -> str:
    words = [rng.choice(VOCAB) for _ in range(WORDS)]
    paras = [" ".join(words[i : i + 120]) + "." for i in range(0, WORDS, 120)]
    return "\n\n".join(paras)


def _photo(rng: random.Random) -> bytes:
    img = Image.effect_noise((1600, 1200), 60).convert("RGB")
    img = Image.blend(img, Image.new("RGB", img.size, tuple(rng.randrange(256)
                                                            for _ in range(3))), 0.6)
    out = io.BytesIO()
    img.save(out, "JPEG", quality=85)
    return out.getvalue()


def _timed(fn: Any) -> tuple[float, Any]:
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def run(results: dict[str, Any]) -> None:
    rng = random.Random(6)
    work = Path(tempfile.mkdtemp(prefix="nam-bench-summary-"))
    try:
        with Vault.create(work / "vault", PASS, kdf=MINIMUM_PARAMS) as vault:
            tid = TestimonyRepository(vault).add(TestimonyDraft(
                title="Benchmark", narrative=_narrative(rng),
                interview=Interview(date="2024-01-01", languages=["be", "ru"]),
                consent=Consent(hq_documentation=True, given_date="2024-01-01"),
                witness=Witness(pseudonym="B-1"),
                acts=[Act(type="arbitrary_detention", date="2020-08-10",
                          date_precision="exact")]))
            service = AttachmentService(vault)
            for i in range(IMAGES):
                service.attach(tid, io.BytesIO(_photo(rng)), f"photo-{i:02}.jpg")
            opts = SummaryOptions.make("pseudonymised", "be")
            with_images = [_timed(lambda: make_summary(vault, tid, opts))
                           for _ in range(ROUNDS)]
            text_only = [_timed(lambda: make_summary(vault, tid, opts, thumbnails=False))
                         for _ in range(ROUNDS)]
            summary = with_images[-1][1]
            verify_s, verified = _timed(lambda: verify_pdf(summary.pdf, summary.signature))
            with pikepdf.open(io.BytesIO(summary.pdf)) as doc:
                pages = len(doc.pages)
        build = statistics.median(t for t, _ in with_images)
        plain = statistics.median(t for t, _ in text_only)
        figures = {
            "images": IMAGES,
            "narrative_words": WORDS,
            "pages": pages,
            "pdf_bytes": len(summary.pdf),
            "build_s_median": round(build, 3),
            "build_without_thumbnails_s_median": round(plain, 3),
            "verify_s": round(verify_s, 4),
            "verified": verified.ok,
        }
        figures["markdown"] = "\n".join([
            "## Summary PDF",
            "",
            f"Pseudonymised summary in Belarusian of a testimony with {IMAGES} attached "
            f"1600x1200 JPEG photos and a {WORDS:,}-word narrative: {pages} A4 pages, "
            f"{len(summary.pdf) / 2**20:.1f} MiB. Median of {ROUNDS} runs; the build is "
            "content from the vault, thumbnails decoded in memory, reportlab rendering and "
            "the Ed25519 signature.",
            "",
            "| step | time |",
            "|---|---|",
            f"| build with thumbnails | {build:.2f} s |",
            f"| build without thumbnails | {plain:.2f} s |",
            f"| verify (SHA-256 + Ed25519) | {verify_s * 1000:.1f} ms |",
        ])
        results["summary"] = figures
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    out: dict[str, Any] = {}
    run(out)
    print(out["summary"]["markdown"])
