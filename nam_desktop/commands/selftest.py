"""``nam-desktop selftest DIR``: does this computer write the app's files byte-exact?

For release checks and support on an interviewer's machine (Windows antivirus filters,
odd file systems, a frozen build): in a new folder DIR it makes a throwaway vault with
synthetic data only (no testimony), then checks the paths a text-mode or cached write
would break, each against a known answer:

* a file of every byte value written atomically and read back;
* an attachment encrypted into the vault and decrypted again;
* a recording (48 kHz tone) written chunk by chunk, finished and decrypted as WAV; a
  second one abandoned mid-way (as if the app died) and recovered;
* the vault check (database, audit chain, every media file authenticated).

Exit 0 when all pass, 1 when one fails (each line says which). DIR may be removed after.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import io
import math
import struct
import warnings
import wave
from collections.abc import Callable
from pathlib import Path

from nam_desktop.core import fileio
from nam_desktop.core.crypto.kdf import MINIMUM_PARAMS
from nam_desktop.core.errors import ValidationError
from nam_desktop.core.model.attachments import AttachmentService
from nam_desktop.core.model.records import Consent, TestimonyDraft
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.recording import RecordingSession, recover_interrupted
from nam_desktop.core.vault.vault import Vault

PASSPHRASE = "selftest only, no testimony here"  # noqa: S105  # a throwaway vault
EVERY_BYTE = bytes(range(256)) * 257  # 0x0A and 0x1A included, not a multiple of 4 KiB
RATE = 48_000


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("selftest", help="check that this computer writes the app's files "
                                        "byte-exact (throwaway data in a new folder)")
    p.add_argument("dir", metavar="DIR", help="a new or empty folder")
    p.set_defaults(func=run_selftest)


def tone(seconds: float) -> bytes:
    return b"".join(struct.pack("<h", int(12000 * math.sin(2 * math.pi * 440 * i / RATE)))
                    for i in range(int(RATE * seconds)))


def _wav_frames(vault: Vault, attachment_id: str) -> bytes:
    with AttachmentService(vault).open(attachment_id) as reader, \
            wave.open(io.BytesIO(reader.read()), "rb") as w:
        if (w.getframerate(), w.getnchannels(), w.getsampwidth()) != (RATE, 1, 2):
            raise AssertionError("WAV format differs")
        return w.readframes(w.getnframes())


def _check_file(folder: Path) -> str:
    path = folder / "every-byte.bin"
    fileio.atomic_write(path, EVERY_BYTE)
    if path.read_bytes() != EVERY_BYTE:
        raise AssertionError("bytes changed on the way to the disk")
    return f"{len(EVERY_BYTE)} bytes"


def _check_attachment(vault: Vault, tid: str) -> str:
    att = AttachmentService(vault).attach(tid, io.BytesIO(EVERY_BYTE), "every-byte.txt")
    with AttachmentService(vault).open(att.id, original=True) as reader:
        if hashlib.sha256(reader.read()).hexdigest() != hashlib.sha256(EVERY_BYTE).hexdigest():
            raise AssertionError("decrypted bytes differ")
    return "encrypted, decrypted"


def _check_recording(vault: Vault, tid: str) -> str:
    pcm = tone(3.0)
    session = RecordingSession(vault)
    session.start(tid, RATE, 1, 2)
    for i in range(0, len(pcm), 9600):
        session.write_pcm(pcm[i:i + 9600])
    att = session.finish()
    if _wav_frames(vault, att.id) != pcm:
        raise AssertionError("the finished recording differs")
    return "3.0 s written chunk by chunk, decrypted"


def _check_recovery(vault: Vault, tid: str) -> str:
    pcm = tone(3.0)
    session = RecordingSession(vault)
    session.start(tid, RATE, 1, 2)
    session.write_pcm(pcm)
    with warnings.catch_warnings():  # abandoned on purpose: "unclosed file" is the point
        warnings.simplefilter("ignore", ResourceWarning)
        del session  # the app "died": nothing finished, the file is closed as it is
        gc.collect()
    report = recover_interrupted(vault)
    if len(report.recovered) != 1 or report.failed or report.lost:
        raise AssertionError(f"recovery: {report}")
    frames = _wav_frames(vault, report.recovered[0])
    if not frames or pcm[:len(frames)] != frames:
        raise AssertionError("the recovered audio differs")
    return f"{len(frames) / 2 / RATE:.1f} s of 3.0 s recovered (the last chunk may be lost)"


def run_selftest(args: argparse.Namespace) -> int:
    folder = Path(args.dir)
    if folder.exists() and any(folder.iterdir()):
        raise ValidationError("DIR", "must be a new or empty folder")
    folder.mkdir(parents=True, exist_ok=True)
    failed = 0

    def step(name: str, check: Callable[[], str]) -> None:
        nonlocal failed
        try:
            detail = check()
        except Exception as exc:  # report every kind of failure, go on with the rest
            failed += 1
            print(f"FAIL  {name}: {type(exc).__name__}: {exc}")
        else:
            print(f"ok    {name}: {detail}")

    step("atomic file write", lambda: _check_file(folder))
    with Vault.create(folder / "vault", PASSPHRASE, kdf=MINIMUM_PARAMS) as vault:
        tid = TestimonyRepository(vault).add(TestimonyDraft(
            title="selftest", consent=Consent(audio_recording=True, method="oral",
                                              given_date="2000-01-01")))
        step("attachment", lambda: _check_attachment(vault, tid))
        step("recording", lambda: _check_recording(vault, tid))
        step("recording recovery", lambda: _check_recovery(vault, tid))
        step("vault check", lambda: "ok" if vault.check().ok else _fail("vault check"))
    print("selftest: " + ("all passed" if not failed else f"{failed} failed"))
    return 0 if not failed else 1


def _fail(what: str) -> str:
    raise AssertionError(f"{what} failed")
