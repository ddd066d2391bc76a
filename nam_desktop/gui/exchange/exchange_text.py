"""Words for the exchange with HQ: preflight problems and exchange failures.

The core reports :class:`~nam_desktop.core.exchange.export.Problem` and
:class:`~nam_desktop.core.exchange.errors.Reason`; only here do they become sentences
(house style 3). Every enum value has an entry; ``tests/gui/test_export_wizard.py`` checks
that none is missing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from nam_desktop.core import fileio
from nam_desktop.core.exchange.errors import ExchangeError, Reason
from nam_desktop.core.exchange.export import (
    ExportRefusedError,
    Preflight,
    PreflightProblem,
    Problem,
)
from nam_desktop.gui.widgets.messages import message_for

CTX = "Exchange"

PROBLEM_TEXT: dict[Problem, str] = {
    Problem.WRONG_ROLE: QT_TRANSLATE_NOOP(
        "Exchange", "This is an HQ vault. Bundles for HQ are made on an interviewer's "
        "computer."),
    Problem.NO_KEYCARD: QT_TRANSLATE_NOOP(
        "Exchange", "HQ's key card has not been imported yet, so there is nobody to encrypt "
        "the bundle for. Import it first (HQ menu → Import HQ key card…)."),
    Problem.BAD_RECIPIENT: QT_TRANSLATE_NOOP(
        "Exchange", "HQ's key card holds a key that cannot be used. Ask HQ for a new key "
        "card."),
    Problem.NOTHING_TO_EXPORT: QT_TRANSLATE_NOOP(
        "Exchange", "Nothing can be sent: none of the chosen testimonies is final with "
        "consent to documentation by HQ."),
    Problem.NOT_FOUND: QT_TRANSLATE_NOOP(
        "Exchange", "A chosen testimony no longer exists in the vault."),
    Problem.NOT_FINAL: QT_TRANSLATE_NOOP(
        "Exchange", "%1: this testimony is a draft. Finalise it before sending it to HQ."),
    Problem.CONSENT_WITHDRAWN: QT_TRANSLATE_NOOP(
        "Exchange", "%1: the witness withdrew consent. This testimony must not be sent."),
    Problem.NO_HQ_CONSENT: QT_TRANSLATE_NOOP(
        "Exchange", "%1: the witness did not consent to documentation by HQ. This testimony "
        "must not be sent."),
    Problem.ORIGINALS_NOT_ALLOWED: QT_TRANSLATE_NOOP(
        "Exchange", "HQ's key card asks for cleaned copies only. Untick \"Include the "
        "original files\"."),
    Problem.UNCLEANED_SKIPPED: QT_TRANSLATE_NOOP(
        "Exchange", "%1: a file that could not be cleaned will be described but not sent."),
    Problem.DEST_MISSING: QT_TRANSLATE_NOOP(
        "Exchange", "The destination is not there any more. Was the USB stick removed? Plug "
        "it in and choose it again."),
    Problem.DEST_READ_ONLY: QT_TRANSLATE_NOOP(
        "Exchange", "The destination is read-only. Check the lock switch on the USB stick "
        "or choose another place."),
    Problem.INVALID_RECORD: QT_TRANSLATE_NOOP(
        "Exchange", "%1: a field of this testimony holds a value that cannot be sent (for "
        "example a date that does not exist). Open it, correct the dates and finalise it "
        "again."),
    Problem.NOT_ENOUGH_SPACE: QT_TRANSLATE_NOOP(
        "Exchange", "Not enough free space on the destination: about %1 is needed, %2 is "
        "free. Free some space or use a bigger USB stick."),
}

REASON_TEXT: dict[Reason, str] = {
    Reason.WRITE_FAILED: QT_TRANSLATE_NOOP(
        "Exchange", "Writing to the destination failed: the USB stick may have been removed, "
        "be full or be faulty. Nothing was lost: the testimonies are still in the vault and "
        "no unfinished file was left behind. Plug the stick in again and retry."),
    Reason.READBACK_MISMATCH: QT_TRANSLATE_NOOP(
        "Exchange", "The bundle read back from the destination differs from what was "
        "written: the USB stick is faulty. The file was removed; nothing was lost. Use "
        "another stick."),
    Reason.SOURCE_CHANGED: QT_TRANSLATE_NOOP(
        "Exchange", "An attached file in the vault is damaged or was altered, so the export "
        "was stopped and nothing was written. Run a vault check."),
    Reason.CANCELLED: QT_TRANSLATE_NOOP(
        "Exchange", "The export was cancelled. Nothing was written and nothing was lost."),
    Reason.KEYCARD_INVALID: QT_TRANSLATE_NOOP(
        "Exchange", "This is not a valid HQ key card, or its signature does not match its "
        "content: it may have been altered on the way. It was not imported. Ask HQ for a "
        "new one."),
    Reason.KEYCARD_ROOT_MISMATCH: QT_TRANSLATE_NOOP(
        "Exchange", "This key card is signed by a different HQ key than the one you "
        "trusted before. It was not imported. Do not use it, and tell HQ through a "
        "trusted channel."),
    Reason.KEYCARD_OUTDATED: QT_TRANSLATE_NOOP(
        "Exchange", "This key card is older than the one already in use. It was not "
        "imported."),
    Reason.RECEIPT_INVALID: QT_TRANSLATE_NOOP(
        "Exchange", "This receipt is not valid: it is damaged, not signed by your HQ, or "
        "meant for another device. Nothing was changed."),
    Reason.WRONG_ROLE: QT_TRANSLATE_NOOP(
        "Exchange", "This cannot be done in this kind of vault (HQ or interviewer)."),
    Reason.NO_HQ_IDENTITY: QT_TRANSLATE_NOOP(
        "Exchange", "This HQ vault has no HQ keys yet."),
    Reason.MALFORMED: QT_TRANSLATE_NOOP(
        "Exchange", "The file is damaged or is not a NAM Desktop bundle."),
    Reason.OVERSIZE: QT_TRANSLATE_NOOP(
        "Exchange", "The file is larger than the format allows."),
    Reason.UNSUPPORTED_VERSION: QT_TRANSLATE_NOOP(
        "Exchange", "This file was made by a newer version of NAM Desktop. Update NAM "
        "Desktop to read it."),
    Reason.INCONSISTENT: QT_TRANSLATE_NOOP(
        "Exchange", "The parts of this bundle contradict each other: faulty or tampered "
        "software made it."),
    Reason.DAMAGED: QT_TRANSLATE_NOOP(
        "Exchange", "The file is damaged or was altered."),
    Reason.TRUNCATED: QT_TRANSLATE_NOOP(
        "Exchange", "The file is incomplete: part of it is missing."),
    Reason.WRONG_RECIPIENT: QT_TRANSLATE_NOOP(
        "Exchange", "The file was not encrypted for this HQ."),
    Reason.UNKNOWN_SIGNER: QT_TRANSLATE_NOOP(
        "Exchange", "The file was signed by a device that is not registered."),
    Reason.BAD_SIGNATURE: QT_TRANSLATE_NOOP(
        "Exchange", "The signature does not match: the file was altered."),
    Reason.HASH_MISMATCH: QT_TRANSLATE_NOOP(
        "Exchange", "Part of the content does not match its signed hash: the file was "
        "altered."),
    Reason.FORK: QT_TRANSLATE_NOOP(
        "Exchange", "Two different bundles carry the same number from one device."),
    Reason.CONFLICT: QT_TRANSLATE_NOOP(
        "Exchange", "A testimony arrived with content different from an earlier copy."),
}

NO_KEYCARD_FOR_RECEIPT = QT_TRANSLATE_NOOP(
    "Exchange", "Import HQ's key card before importing a receipt: the receipt is checked "
    "against it.")


FILE_UNREADABLE = QT_TRANSLATE_NOOP("Exchange", "The file cannot be read.")
MAX_SMALL_FILE = 256 * 1024  # key cards and receipts are a few KiB


def read_small_file(path: Path, limit: int = MAX_SMALL_FILE,
                    reason: Reason = Reason.KEYCARD_INVALID) -> bytes:
    with fileio.open_read(path) as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise ExchangeError(reason, "file too large")
    return data


def read_exchange_file(path: Path, limit: int = 0) -> tuple[bytes | None, str]:
    """A key card or receipt chosen by the user: (its bytes, "") or (None, why not).
    ``limit``: a receipt (listing every entry HQ holds) may be larger than a key card."""
    try:
        if limit:
            return read_small_file(path, limit, Reason.RECEIPT_INVALID), ""
        return read_small_file(path), ""
    except ExchangeError as exc:
        return None, error_text(exc)
    except OSError:
        return None, tr(FILE_UNREADABLE)


def tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def size_text(size: int) -> str:
    return QLocale().formattedDataSize(max(0, size))


def problem_text(problem: PreflightProblem, name_of: Callable[[str], str],
                 pre: Preflight | None = None) -> str:
    """One sentence for one preflight problem; ``name_of`` names a testimony (title)."""
    text = tr(PROBLEM_TEXT[problem.code])
    if problem.code is Problem.NOT_ENOUGH_SPACE and pre is not None:
        return text.replace("%1", size_text(pre.estimated_size)).replace(
            "%2", size_text(pre.free))
    return text.replace("%1", name_of(problem.testimony_id) if problem.testimony_id else "—")


def error_text(exc: BaseException, name_of: Callable[[str], str] = str) -> str:
    """The user's words for a failed exchange operation (never the technical detail)."""
    if isinstance(exc, ExchangeError):
        return tr(REASON_TEXT.get(exc.reason, REASON_TEXT[Reason.DAMAGED]))
    if isinstance(exc, ExportRefusedError):
        return "\n".join(problem_text(p, name_of) for p in exc.problems)
    if isinstance(exc, OSError) and not isinstance(exc, PermissionError):
        return tr(REASON_TEXT[Reason.WRITE_FAILED])
    return message_for(exc)
