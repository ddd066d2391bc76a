"""Words for the HQ workspace: import verdicts, rejection reasons and alarm kinds.

The core reports a :class:`~nam_desktop.core.exchange.errors.Reason` (and, after the
signed header was read, which device and bundle); only here does it become a sentence.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from nam_desktop.core.exchange.errors import ExchangeError, Reason
from nam_desktop.core.exchange.hq_import import ImportRefusedError
from nam_desktop.gui.widgets.messages import fill as fill  # the HQ panels use it from here
from nam_desktop.gui.widgets.messages import message_for

CTX = "HqMessages"

REASON_TEXT: dict[Reason, str] = {
    Reason.MALFORMED: QT_TRANSLATE_NOOP(
        "HqMessages", "The file is not a NAM bundle, or its contents break the format."),
    Reason.OVERSIZE: QT_TRANSLATE_NOOP(
        "HqMessages", "The bundle exceeds a size limit; it was not read further."),
    Reason.UNSUPPORTED_VERSION: QT_TRANSLATE_NOOP(
        "HqMessages", "This bundle was made by a newer version of NAM Desktop, in a format "
        "this version cannot read. Update NAM Desktop, then import it again."),
    Reason.INCONSISTENT: QT_TRANSLATE_NOOP(
        "HqMessages", "The parts of this bundle contradict each other (a file differs from "
        "its description, or a description belongs to no testimony). It was signed that way, "
        "so faulty or tampered software made it. Nothing was imported."),
    Reason.DAMAGED: QT_TRANSLATE_NOOP(
        "HqMessages", "The file was damaged, altered or cut short (even one changed byte is "
        "noticed). Copy it from the stick again, or ask the interviewer for a new export."),
    Reason.TRUNCATED: QT_TRANSLATE_NOOP(
        "HqMessages", "The file is incomplete (cut short). Copy it from the stick again."),
    Reason.WRONG_RECIPIENT: QT_TRANSLATE_NOOP(
        "HqMessages", "This bundle is not addressed to this HQ: it was encrypted for other "
        "keys. Was the interviewer's key card from another HQ or outdated?"),
    Reason.UNKNOWN_SIGNER: QT_TRANSLATE_NOOP(
        "HqMessages", "Signed by a device that is not registered here. Compare its "
        "fingerprint with the interviewer in person or by phone, register the device, then "
        "import again."),
    Reason.BAD_SIGNATURE: QT_TRANSLATE_NOOP(
        "HqMessages", "The signature does not match: the bundle was forged or altered."),
    Reason.HASH_MISMATCH: QT_TRANSLATE_NOOP(
        "HqMessages", "Part of the bundle differs from what the interviewer signed: it was "
        "altered."),
    Reason.FORK: QT_TRANSLATE_NOOP(
        "HqMessages", "Two different bundles with the same sequence number came from this "
        "device — the device key may have been copied. The alarm is recorded for review."),
    Reason.CONFLICT: QT_TRANSLATE_NOOP(
        "HqMessages", "Some items arrived with different content than the copies already "
        "here. The alarm is recorded; review these items:"),
    Reason.WRITE_FAILED: QT_TRANSLATE_NOOP(
        "HqMessages", "The vault's disk could not be written (full or removed?)."),
    Reason.CANCELLED: QT_TRANSLATE_NOOP("HqMessages", "Cancelled."),
    Reason.NO_HQ_IDENTITY: QT_TRANSLATE_NOOP(
        "HqMessages", "This HQ vault has no HQ keys yet."),
    Reason.WRONG_ROLE: QT_TRANSLATE_NOOP("HqMessages", "This needs an HQ vault."),
}

ALARM_TEXT: dict[str, str] = {
    "gap": QT_TRANSLATE_NOOP("HqMessages", "missing bundle (lost stick?)"),
    "fork": QT_TRANSLATE_NOOP("HqMessages", "fork (device key copied?)"),
    "conflict": QT_TRANSLATE_NOOP("HqMessages", "conflict (different content)"),
}

NOTHING_IMPORTED = QT_TRANSLATE_NOOP("HqMessages", "Nothing from this bundle was imported.")


def tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def reason_text(exc: BaseException) -> str:
    """Why a bundle was refused, in the user's words (never the technical detail)."""
    if isinstance(exc, ExchangeError) and exc.reason in REASON_TEXT:
        return tr(REASON_TEXT[exc.reason])
    return message_for(exc)


def conflict_items(exc: BaseException) -> list[str]:
    """Entry ids to review after a conflict (ids, never content)."""
    if isinstance(exc, ImportRefusedError) and exc.reason is Reason.CONFLICT:
        return list(exc.entries)
    return []


def signer_of(exc: BaseException) -> str:
    """The device fingerprint named in the signed header of a refused bundle, if read."""
    return exc.device_fingerprint if isinstance(exc, ImportRefusedError) else ""


def alarm_text(kind: str) -> str:
    return tr(ALARM_TEXT[kind]) if kind in ALARM_TEXT else kind
