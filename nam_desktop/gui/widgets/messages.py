"""Status -> translated words, and the one message-box wrapper (with a test double).

The core raises typed errors with a :class:`Status`; only here do they become sentences.
:class:`Prompter` is the only place that shows a modal message box, and it keeps nothing
of what it showed (message texts quote file names and testimony titles). Tests use
:class:`ScriptedPrompter` instead, which shows nothing, records what would have been
shown (until the app locks), answers questions from a script, and fails the test on a
question nobody scripted instead of answering Yes (KeePassXC's
``MessageBox::setNextAnswer``). Like Dangerzone's dummy isolation provider, the double
refuses to exist unless test doubles were allowed (:func:`allow_test_doubles`), which
the app never does.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from nam_desktop.core.errors import NamError, NotReadyError, Status, ValidationError

CTX = "Messages"

STATUS_TEXT: dict[Status, str] = {
    Status.WRONG_PASSPHRASE: QT_TRANSLATE_NOOP(
        "Messages", "The passphrase is not correct. Check the keyboard layout and Caps Lock."),
    Status.KEYSLOT_DAMAGED: QT_TRANSLATE_NOOP(
        "Messages", "The vault's key file is damaged. Restore the vault folder from a backup."),
    Status.DATABASE_DAMAGED: QT_TRANSLATE_NOOP(
        "Messages", "The vault is damaged and cannot be opened. Restore it from a backup."),
    Status.MEDIA_MISSING: QT_TRANSLATE_NOOP(
        "Messages", "An attached file is missing from the vault folder."),
    Status.MEDIA_DAMAGED: QT_TRANSLATE_NOOP(
        "Messages", "An attached file in the vault is damaged or was altered."),
    Status.VAULT_LOCKED: QT_TRANSLATE_NOOP("Messages", "The vault is locked."),
    Status.VAULT_IN_USE: QT_TRANSLATE_NOOP(
        "Messages", "This vault is already open in another window or program. Close it there "
        "first."),
    Status.VAULT_NOT_FOUND: QT_TRANSLATE_NOOP("Messages", "There is no vault in this folder."),
    Status.VAULT_EXISTS: QT_TRANSLATE_NOOP(
        "Messages", "This folder is not empty. Choose an empty or new folder for the vault."),
    Status.INVALID_INPUT: QT_TRANSLATE_NOOP("Messages", "Some of the input is not valid."),
    Status.NOT_FOUND: QT_TRANSLATE_NOOP("Messages", "The item was not found. It may have been "
                                        "deleted."),
    Status.NOT_READY: QT_TRANSLATE_NOOP("Messages", "Some required information is missing."),
    Status.UNSUPPORTED_FORMAT: QT_TRANSLATE_NOOP("Messages", "This file type is not supported."),
    Status.MALFORMED_FILE: QT_TRANSLATE_NOOP("Messages", "The file is damaged or not what its "
                                             "name says."),
    Status.PERMISSION_DENIED: QT_TRANSLATE_NOOP("Messages", "The app may not read or write "
                                                "there."),
    Status.NO_SPACE: QT_TRANSLATE_NOOP(
        "Messages", "There is not enough free space on the disk. Nothing was changed. Free "
        "some space and try again."),
    Status.IO_ERROR: QT_TRANSLATE_NOOP(
        "Messages", "The disk could not be read or written: it may have been removed or be "
        "faulty. Nothing was changed."),
    Status.REJECTED: QT_TRANSLATE_NOOP(
        "Messages", "The file was refused: it is damaged, was altered, or is not meant for "
        "this vault. Nothing was changed."),
    Status.AWAITING_RECOVERY: QT_TRANSLATE_NOOP(
        "Messages", "This vault is waiting for access from HQ: no passphrase opens it now. "
        "Make a recovery request and give it to HQ."),
}

#: Names of what ``missing_for_finalize`` can report.
MISSING_TEXT: dict[str, str] = {
    "title": QT_TRANSLATE_NOOP("Messages", "a title"),
    "interview.date": QT_TRANSLATE_NOOP("Messages", "the interview date"),
    "witness.pseudonym": QT_TRANSLATE_NOOP("Messages", "the witness's pseudonym"),
    "consent": QT_TRANSLATE_NOOP("Messages", "the witness's consent (date, method or purpose)"),
    "consent.hq_documentation": QT_TRANSLATE_NOOP(
        "Messages", "consent to documentation by HQ"),
    "consent (withdrawn)": QT_TRANSLATE_NOOP(
        "Messages", "consent was withdrawn: renew it before finalising"),
    "narrative or acts": QT_TRANSLATE_NOOP(
        "Messages", "the witness's account or at least one act"),
}

PASSPHRASE_PROBLEM = QT_TRANSLATE_NOOP("Messages", "The passphrase must be at least 8 characters "
                                       "long.")
YES_NO = (QT_TRANSLATE_NOOP("Messages", "Yes"), QT_TRANSLATE_NOOP("Messages", "No"))
UNEXPECTED = QT_TRANSLATE_NOOP("Messages", "Something went wrong. Nothing was lost; please try "
                               "again.")


def tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


_ARG = re.compile(r"%([1-9])")


def fill(text: str, *args: object) -> str:
    """Replace %1..%9 in one pass (a file name holding "%2" is not filled in again)."""
    return _ARG.sub(lambda m: str(args[int(m.group(1)) - 1]) if int(m.group(1)) <= len(args)
                    else m.group(0), text)


def message_for(exc: BaseException) -> str:
    """The user's words for an error. Never includes the technical detail (may hold paths)."""
    if isinstance(exc, ValidationError) and exc.field == "passphrase":
        return tr(PASSPHRASE_PROBLEM)
    if isinstance(exc, NotReadyError):
        return tr(STATUS_TEXT[Status.NOT_READY]) + "\n" + "\n".join(
            "• " + t for t in missing_texts(exc.missing))
    if isinstance(exc, NamError):
        return tr(STATUS_TEXT.get(exc.status, UNEXPECTED))
    if type(exc).__module__.startswith("sqlcipher3") and type(exc).__name__ in (
            "DatabaseError", "IntegrityError"):  # the core lets some SQLCipher errors through
        return tr(STATUS_TEXT[Status.DATABASE_DAMAGED])
    if isinstance(exc, PermissionError):
        return tr(STATUS_TEXT[Status.PERMISSION_DENIED])
    return tr(UNEXPECTED)


def missing_texts(missing: list[str]) -> list[str]:
    return [tr(MISSING_TEXT[m]) if m in MISSING_TEXT else m for m in missing]


@dataclass(frozen=True)
class Shown:
    kind: str
    title: str
    text: str


class Prompter:
    """Message boxes, shown for real. Keeps no record of what it showed."""

    def _intercept(self, kind: str, title: str, text: str) -> bool | None:
        """The test seam: an answer, or None to show the box."""
        return None

    def forget(self) -> None:
        """Locking: drop anything kept of the messages shown (the real one keeps none)."""

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        if self._intercept("info", title, text) is None:
            QMessageBox.information(parent, title, text)

    def warn(self, parent: QWidget | None, title: str, text: str) -> None:
        if self._intercept("warn", title, text) is None:
            QMessageBox.warning(parent, title, text)

    def error(self, parent: QWidget | None, title: str, exc: BaseException) -> None:
        text = message_for(exc)
        if self._intercept("error", title, text) is None:
            QMessageBox.critical(parent, title, text)

    def ask(self, parent: QWidget | None, title: str, text: str, *,
            default_no: bool = False, yes_text: str = "") -> bool:
        """Yes/No question. ``default_no``: Enter and Escape answer No (destructive
        actions); ``yes_text`` names the action on the Yes button."""
        answer = self._intercept("ask", title, text)
        if answer is not None:
            return answer
        box = QMessageBox(QMessageBox.Icon.Question, title, text,
                          QMessageBox.StandardButton.NoButton, parent)
        yes = box.addButton(yes_text or QCoreApplication.translate(CTX, "Yes"),
                            QMessageBox.ButtonRole.YesRole)
        no = box.addButton(QCoreApplication.translate(CTX, "No"),
                           QMessageBox.ButtonRole.NoRole)
        if default_no:
            box.setIcon(QMessageBox.Icon.Warning)
            box.setDefaultButton(no)
            box.setEscapeButton(no)
        box.exec()
        return box.clickedButton() is yes


#: Turned on by the test suite (and the screenshot tool) only; the app never does.
_test_doubles = {"allowed": False}


def allow_test_doubles() -> None:
    """Let :class:`ScriptedPrompter` be made in this process (tests and tools only)."""
    _test_doubles["allowed"] = True


def doubles_allowed() -> bool:
    return _test_doubles["allowed"]


class UnsafeTestDoubleError(RuntimeError):
    """A test double was about to be used outside the tests."""


class UnscriptedQuestionError(AssertionError):
    """A question reached the test double that the test did not script an answer for."""


class ScriptedPrompter(Prompter):
    """Test double: shows nothing, records what would have been shown, and answers
    questions from :meth:`script` in order. An unscripted question raises
    :class:`UnscriptedQuestionError` (and is kept in :attr:`unscripted`, so a test whose
    code swallowed the error still fails); it is never answered Yes by default."""

    def __init__(self) -> None:
        if not doubles_allowed():
            raise UnsafeTestDoubleError(
                "ScriptedPrompter answers questions without showing them; it runs in the "
                "tests only")
        self._answers: deque[bool] = deque()
        self.shown: list[Shown] = []
        self.unscripted: list[Shown] = []

    def script(self, answers: list[bool]) -> None:
        self._answers.extend(answers)

    @property
    def pending(self) -> int:
        """Scripted answers not used yet."""
        return len(self._answers)

    def forget(self) -> None:
        self.shown.clear()

    def _intercept(self, kind: str, title: str, text: str) -> bool | None:
        shown = Shown(kind, title, text)
        self.shown.append(shown)
        if kind != "ask":
            return False  # recorded, not shown
        if self._answers:
            return self._answers.popleft()
        self.unscripted.append(shown)
        raise UnscriptedQuestionError(f"unscripted question: {title!r}: {text!r}")
