"""Bench vaults at scale (issue 19): HQ after years and a busy interviewer.

``python -m benchmarks.scale_build DIR`` builds, in DIR:

* ``hq/``: an HQ vault with ``HQ_TESTIMONIES`` testimonies in ``HQ_BUNDLES`` imported
  bundles from ``HQ_DEVICES`` registered devices;
* ``iv-<n>/``: the interviewer vaults whose bundles HQ imported for real (one of them
  writes the "one more bundle" the benchmark imports);
* ``interviewer/``: an interviewer vault of ``IV_TESTIMONIES`` testimonies (every tenth
  with a cleaned corpus photo; two thirds final);
* ``queries.json``: search queries drawn from the same text model.

What is real and what is bulk-loaded at HQ:

* real: ``REAL_DEVICES`` interviewer vaults each write ``REAL_BUNDLES`` bundles through
  the export (testimonies with a cleaned corpus JPEG attached to one of them), and HQ
  imports every one with ``hq_import.import_bundle`` (age, signature, hashes, quarantine,
  commit);
* bulk: every other bundle is written through the functions the import's commit uses
  for its rows: ``records_import.import_testimony`` (``TestimonyRepository.
  upsert_imported``: testimony, witness, consent, acts, revision with its hash, search
  index) plus the same ``hq_bundles`` / ``hq_entries`` / audit rows; no bundle file is
  encrypted, signed or decrypted for them, their header fields (digest, audit head) are
  random, ``BULK_PER_TRANSACTION`` bundles share a transaction (an import commits one),
  and their testimonies carry no attachments.

Text: narratives of 150-1,500 words, titles and notes from the Zipf model of the search
benchmark (``bench_search.TextModel``: real Belarusian and Russian words among ~20,000),
each a slice of one long generated stream (the same word statistics, 50x faster to make
than drawing every testimony's words afresh).

This builder process runs without SQLCipher's ``cipher_memory_security`` (every heap
allocation mlock()ed and wiped: 4x the insert time here) and without an fsync per
commit (``synchronous = OFF``; everything is synced at the end). The vault files are the
same; every measurement runs in a fresh process with the app's own settings.
"""

from __future__ import annotations

import functools
import io
import json
import os
import random
import secrets
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import sqlcipher3

import nam_desktop.core.vault.db as db
from benchmarks.bench_search import TextModel

# NAM_BENCH_HQ_TESTIMONIES / NAM_BENCH_HQ_BUNDLES: smaller vaults for a quick trial.
HQ_TESTIMONIES = int(os.environ.get("NAM_BENCH_HQ_TESTIMONIES", "100000"))
HQ_BUNDLES = int(os.environ.get("NAM_BENCH_HQ_BUNDLES", "2000"))
HQ_DEVICES = 40
REAL_DEVICES = 2
REAL_BUNDLES = 2  # per real device
REAL_PER_BUNDLE = 4  # testimonies per real bundle
BULK_PER_TRANSACTION = 10
IV_TESTIMONIES = 2_000
PASS = "benchmark passphrase"
SEED = 2026
ROOT = Path(__file__).resolve().parents[1]
PHOTO = (ROOT / ".." / "shared" / "corpus" / "exif-samples" / "jpg" / "gps" /
         "DSCN0010.jpg").resolve()


class _BuilderConnection(sqlcipher3.Connection):
    """Builder only: no ``cipher_memory_security``, and commits not fsynced
    (``synchronous = OFF``; the files are synced once the build is done)."""

    def execute(self, sql: str, *args: Any) -> sqlcipher3.Cursor:
        if sql.startswith("PRAGMA cipher_memory_security"):
            sql = "SELECT 0"
        elif sql.startswith("PRAGMA synchronous"):
            sql = "PRAGMA synchronous = OFF"
        return super().execute(sql, *args)


def fast_build_process() -> None:
    db.sqlcipher3.connect = functools.partial(  # type: ignore[attr-defined]
        sqlcipher3.connect, factory=_BuilderConnection)


class Words:
    """Slices of one long Zipf-distributed stream of words."""

    def __init__(self, rng: random.Random, length: int = 3_000_000) -> None:
        self.model = TextModel(rng)
        self.rng = rng
        self.stream = self.model.text(length).split(" ")

    def text(self, n: int) -> str:
        start = self.rng.randrange(0, len(self.stream) - n)
        return " ".join(self.stream[start:start + n])


def draft(words: Words, codes: list[str]) -> Any:
    from nam_desktop.core.model.records import (
        Act,
        Consent,
        Interview,
        TestimonyDraft,
        Witness,
    )

    rng = words.rng
    date = f"20{rng.randint(20, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return TestimonyDraft(
        title=words.text(4),
        interview=Interview(date=date, place=rng.choice(["Вільнюс", "Варшава", "Рыга"]),
                            languages=[rng.choice(["be", "ru"])]),
        consent=Consent(hq_documentation=True, method="oral", given_date=date),
        witness=Witness(pseudonym=f"W-{rng.randint(1, 99999)}"),
        acts=[Act(type=rng.choice(codes), date=date[:7],
                  place=rng.choice(["Мінск", "Гомель", "Брест", "Окрестина"]))],
        narrative=words.text(rng.randint(150, 1500)),
        notes=words.text(30),
    )


# ---- HQ ------------------------------------------------------------------------------
def _real_devices(folder: Path, hq: Any, words: Words, codes: list[str]) -> list[str]:
    """Interviewer vaults whose bundles HQ imports for real; returns the testimony ids."""
    from nam_desktop.core.crypto.kdf import MINIMUM_PARAMS
    from nam_desktop.core.exchange import export, hq_identity, hq_import, keycard
    from nam_desktop.core.model.attachments import AttachmentService
    from nam_desktop.core.model.repository import TestimonyRepository
    from nam_desktop.core.vault.vault import Vault

    card = keycard.issue_keycard(hq, hq_name="Bench HQ")
    ids: list[str] = []
    for n in range(REAL_DEVICES):
        with Vault.create(folder / f"iv-{n}", PASS, kdf=MINIMUM_PARAMS) as iv:
            keycard.pin_keycard(iv, card)
            hq_identity.register_device(hq, iv.device.fingerprint, f"Interviewer {n + 1}")
            repo = TestimonyRepository(iv)
            for b in range(REAL_BUNDLES):
                made = repo.add_many([draft(words, codes) for _ in range(REAL_PER_BUNDLE)])
                if PHOTO.is_file():
                    AttachmentService(iv).attach(made[0], io.BytesIO(PHOTO.read_bytes()),
                                                 PHOTO.name)
                for tid in made:
                    repo.finalize(tid)
                usb = folder / f"usb-{n}-{b}"
                usb.mkdir()
                result = export.export_bundle(iv, usb)
                hq_import.import_bundle(hq, result.paths)
                ids += made
    return ids


def _bulk_record(words: Words, codes: list[str], now: str) -> tuple[str, dict[str, Any]]:
    from nam_desktop.core.model.records import Testimony

    tid = str(uuid.UUID(int=words.rng.getrandbits(128), version=4))
    d = draft(words, codes)
    t = Testimony(**{k: getattr(d, k) for k in d.__dataclass_fields__}, id=tid,
                  status="final", revision=1, created_at=now, updated_at=now)
    rec = t.to_dict(include_identity=False)
    return tid, {"testimony": rec, "revision": 1, "identity_included": False,
                 "attachments": []}


def _bulk_bundles(hq: Any, words: Words, codes: list[str], count: int,
                  testimonies: int) -> int:
    """``count`` bundles holding ``testimonies`` testimonies, rows as the import commits
    them (see the module docstring); returns the number of testimonies written."""
    from nam_desktop.core.clock import iso, utc_now
    from nam_desktop.core.crypto.device import DeviceIdentity
    from nam_desktop.core.exchange import hq_identity, records_import
    from nam_desktop.core.exchange.export_entries import canonical_bytes, testimony_entry_id
    from nam_desktop.core.model.repository import TestimonyRepository

    rng = words.rng
    repo = TestimonyRepository(hq)
    devices = []
    for n in range(HQ_DEVICES - REAL_DEVICES):
        dev = DeviceIdentity(secrets.token_bytes(32))
        hq_identity.register_device(hq, dev.public_key.hex(), f"Bulk interviewer {n + 1}")
        devices.append({"fp": dev.fingerprint, "seq": 0, "digest": ""})
    per_bundle = [testimonies // count + (1 if i < testimonies % count else 0)
                  for i in range(count)]
    written = 0
    code_set = set(codes)
    for first in range(0, count, BULK_PER_TRANSACTION):
        with hq.transaction() as c:
            for size in per_bundle[first:first + BULK_PER_TRANSACTION]:
                dev = devices[rng.randrange(len(devices))]
                dev["seq"] += 1
                bundle_id, digest = str(uuid.uuid4()), secrets.token_hex(32)
                now = iso(utc_now())
                c.execute("INSERT INTO hq_bundles (bundle_id, device_fingerprint, seq, digest, "
                          "prev_digest, audit_entries, audit_head, entries, imported_at) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                          (bundle_id, dev["fp"], dev["seq"], digest, dev["digest"],
                           dev["seq"] * size * 3, secrets.token_hex(32), size, now))
                dev["digest"] = digest
                for _ in range(size):
                    tid, body = _bulk_record(words, codes, now)
                    records_import.import_testimony(repo, c, body, code_set)
                    raw = canonical_bytes(body)
                    c.execute("INSERT INTO hq_entries (entry_id, bundle_id, kind, size, sha256, "
                              "media_id) VALUES (?, ?, 'testimony', ?, ?, NULL)",
                              (testimony_entry_id(tid, 1), bundle_id, len(raw),
                               secrets.token_hex(32)))
                hq.audit.append("hq.import", bundle_id, device=dev["fp"], seq=dev["seq"],
                                digest=digest, new_entries=size, known_entries=0, flags=[])
                written += size
        if first % 200 == 0:
            print(f"  bulk: {first + BULK_PER_TRANSACTION} of {count} bundles", flush=True)
    return written


def build_hq(folder: Path, words: Words) -> dict[str, Any]:
    from nam_desktop.core.crypto.kdf import MINIMUM_PARAMS
    from nam_desktop.core.exchange import hq_identity
    from nam_desktop.core.model.repository import TestimonyRepository
    from nam_desktop.core.vault.vault import Vault

    start = time.perf_counter()
    with Vault.create(folder / "hq", PASS, kdf=MINIMUM_PARAMS, role="hq") as hq:
        codes = sorted(TestimonyRepository(hq).vocabulary_codes())
        hq_identity.init_hq(hq)
        real_ids = _real_devices(folder, hq, words, codes)
        real_s = time.perf_counter() - start
        real_bundles = REAL_DEVICES * REAL_BUNDLES
        bulk = _bulk_bundles(hq, words, codes, HQ_BUNDLES - real_bundles,
                             HQ_TESTIMONIES - len(real_ids))
        with hq.reading() as c:
            counts = {name: int(c.execute(f"SELECT count(*) FROM {name}").fetchone()[0])  # noqa: S608  # fixed names
                      for name in ("testimonies", "hq_bundles", "hq_devices", "attachments",
                                   "media_files")}
    return {"real_bundles": real_bundles, "real_testimonies": len(real_ids),
            "bulk_bundles": HQ_BUNDLES - real_bundles, "bulk_testimonies": bulk,
            "real_s": real_s, "build_s": time.perf_counter() - start, "counts": counts,
            "db_mib": (folder / "hq" / "vault.db").stat().st_size / 2**20}


# ---- interviewer ---------------------------------------------------------------------
def build_interviewer(folder: Path, words: Words) -> dict[str, Any]:
    from nam_desktop.core.crypto.kdf import MINIMUM_PARAMS
    from nam_desktop.core.model.attachments import AttachmentService
    from nam_desktop.core.model.repository import TestimonyRepository
    from nam_desktop.core.vault.vault import Vault

    start = time.perf_counter()
    with Vault.create(folder / "interviewer", PASS, kdf=MINIMUM_PARAMS,
                      interviewer="INT-BENCH") as iv:
        repo = TestimonyRepository(iv)
        codes = sorted(repo.vocabulary_codes())
        ids: list[str] = []
        for _ in range(IV_TESTIMONIES // 500):
            ids += repo.add_many([draft(words, codes) for _ in range(500)])
        service = AttachmentService(iv)
        photo = PHOTO.read_bytes() if PHOTO.is_file() else b""
        for tid in ids[::10]:
            if photo:
                service.attach(tid, io.BytesIO(photo), PHOTO.name)
        for tid in ids[: len(ids) * 2 // 3]:
            repo.finalize(tid)
    return {"testimonies": len(ids), "attachments": len(ids[::10]) if PHOTO.is_file() else 0,
            "build_s": time.perf_counter() - start}


def queries(words: Words) -> dict[str, list[str]]:
    """What people look for (as bench_search): mostly specific words (frequency ranks
    50-5,000), some two-word queries; and the three most common words."""
    model = words.model
    single = [model.query_word(50, 5000) for _ in range(40)]
    double = [f"{model.query_word(20, 2000)} {model.query_word(20, 2000)}" for _ in range(10)]
    return {"typical": single + double, "common": model.words[:3]}


def main(argv: list[str]) -> int:
    folder = Path(argv[0])
    folder.mkdir(parents=True, exist_ok=True)
    fast_build_process()
    words = Words(random.Random(SEED))
    info = {"hq": build_hq(folder, words), "interviewer": build_interviewer(folder, words),
            "queries": queries(words)}
    os.sync()
    (folder / "build.json").write_text(json.dumps(info, ensure_ascii=False, indent=1), "utf-8")
    print(json.dumps({k: v for k, v in info.items() if k != "queries"}), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
