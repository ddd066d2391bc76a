"""Cleaning a refused attachment again, with its comments and notes removed.

A document refused only for what people wrote in it (comments, speaker notes, tracked
changes, embedded files: :func:`~nam_desktop.core.media.findings.removable_by_flattening`)
can be cleaned again from its original once the interviewer accepts that these are left
out of the cleaned copy. :class:`CleanAgainAction` asks first, naming what goes, asks for
the file again when the vault no longer holds the original (it must be the very same
file: its SHA-256 is checked), and builds the job the attachments panel runs in its
worker with progress and Cancel (``AttachmentService.clean_again``: never on the GUI
thread). The original is never changed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from nam_desktop.core.media.findings import removable_by_flattening
from nam_desktop.core.model.attachments import (
    Attachment,
    AttachmentService,
    CleanedAgain,
    NotTheOriginalError,
)
from nam_desktop.gui.interviewer.metadata_words import removal_lines
from nam_desktop.gui.widgets.context import AppContext
from nam_desktop.gui.widgets.messages import message_for

if TYPE_CHECKING:
    from nam_desktop.gui.interviewer.attachments_panel import AttachmentsPanel

REFUSED = "refused"
Job = Callable[[Callable[[int], None], Callable[[], bool]], CleanedAgain]


def offered(att: Attachment | None, read_only: bool) -> bool:
    """Whether "Remove … then clean again" is offered for ``att``: refused, and only for
    what removing comments and notes takes out; never at HQ (read only)."""
    return (att is not None and not read_only and att.clean_status == REFUSED
            and removable_by_flattening(att.report))


class CleanAgainAction(QObject):
    """The question, the file asked for again, the worker's job and the words after.
    The panel runs the job (its progress bar and Cancel) and shows the new record."""

    finished = Signal(str, bool)  # the record now shown ("" on failure), cleaned

    def __init__(self, ctx: AppContext, service: AttachmentService,
                 panel: AttachmentsPanel) -> None:
        super().__init__(panel)
        self._ctx = ctx
        self._service = service
        self._widget = panel

    def button_text(self) -> str:
        return self.tr("Remove the comments and notes, then clean again…")

    def question(self, att: Attachment) -> str:
        lines = "\n".join("• " + line for line in removal_lines(att.report))
        parts = [self.tr("\u201c%1\u201d could not be cleaned because of what people wrote "
                         "in it. The cleaned copy will be made without:").replace(
                             "%1", att.filename), lines]
        if att.original_media_id is None:
            parts.append(self.tr(
                "The original is no longer in the vault: you will be asked for the file "
                "again. It must be the very same file (its SHA-256 is checked)."))
        if self._service.keep_originals:
            parts.append(self.tr("The original stays in the vault unchanged, with its "
                                 "hash."))
        else:
            parts.append(self.tr(
                "This vault does not keep originals: once the cleaned copy is verified, the "
                "original is destroyed on this computer; its hash stays as the record."))
        return "\n\n".join(parts)

    def prepare(self, att: Attachment) -> tuple[Job, bool] | None:
        """Ask, and choose the original again if needed. Returns the job to run in the
        worker and whether it reports progress (reading a file given again), or None
        when the interviewer said no or chose no file."""
        prompter = self._ctx.prompter
        if not prompter.ask(self._widget, self.tr("Remove comments and notes"),
                            self.question(att), default_no=True,
                            yes_text=self.tr("Remove and clean again")):
            return None
        path: Path | None = None
        if att.original_media_id is None:
            path = self._ctx.dialogs.choose_file(self._widget, self.tr(
                "Choose the original of \u201c%1\u201d again").replace("%1", att.filename))
            if path is None:
                return None
        service, attachment_id, size = self._service, att.id, max(1, att.size_original)

        def job(progress: Callable[[int], None], cancelled: Callable[[], bool]) -> Any:
            if path is None:
                return service.clean_again(attachment_id, accept_flattening=True,
                                           cancelled=cancelled)

            def report(n: int) -> None:
                progress(min(1000, int(1000 * n / size)))
            return service.clean_again_file(attachment_id, path, accept_flattening=True,
                                            progress=report, cancelled=cancelled)

        return job, path is not None

    def start(self, att: Attachment) -> None:
        """Ask, then run in the panel's worker (never on the GUI thread)."""
        prepared = self.prepare(att) if offered(att, self._widget.read_only) else None
        if prepared is not None:
            job, measured = prepared
            self._widget.run_task(job, self._on_done, self._on_failed, measured=measured)

    def _on_done(self, result: CleanedAgain) -> None:
        self._widget.task_ended(result.attachment.id)  # the new record replaces the old
        if result.cleaned:
            self._widget.attachments_changed.emit()
        else:
            self._ctx.prompter.warn(self._widget, self.title(), self.still_refused_text())
        self.finished.emit(result.attachment.id, result.cleaned)

    def _on_failed(self, exc: BaseException) -> None:
        self._widget.task_ended()
        text = self.failure_text(exc)
        if text is not None:
            self._ctx.prompter.warn(self._widget, self.title(), text)
        self.finished.emit("", False)

    def title(self) -> str:
        return self.tr("Could not clean the file again")

    def still_refused_text(self) -> str:
        return self.tr("The file still could not be cleaned: something other than comments "
                       "or notes is in the way (see the technical details). Nothing was "
                       "changed.")

    def failure_text(self, exc: BaseException) -> str | None:
        """The words for a failed job; None when it was cancelled (nothing to say)."""
        if isinstance(exc, InterruptedError):
            return None
        if isinstance(exc, NotTheOriginalError):
            return self.tr("This is not the original file: its SHA-256 differs from the one "
                           "recorded when it was attached. Nothing was changed.")
        return message_for(exc)
