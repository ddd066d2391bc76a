"""Read-only view of a testimony received at HQ.

HQ does not edit what interviewers sent: the testimony is shown as the content of a
summary (:func:`nam_desktop.core.summary.content.build_content`, with the interviewer's
notes) in the same words as printed summaries (:mod:`nam_desktop.core.summary.labels`).
The witness's identity, when it was sent at all, appears only after "Show identity".
The "Attachments" tab lists the files that came with it (read only): the metadata result,
the hashes and a preview of the cleaned version, decrypted and decoded in memory.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from nam_desktop.core.model.attachments import AttachmentService
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.summary.content import SummaryOptions, build_content
from nam_desktop.core.summary.labels import LANGUAGES, label
from nam_desktop.core.vault.vault import Vault
from nam_desktop.gui.interviewer.attachments_panel import AttachmentsPanel
from nam_desktop.gui.widgets.context import AppContext
from nam_desktop.gui.widgets.dates import local_time


def _esc(value: object) -> str:
    return html.escape(str(value)).replace("\n", "<br>")


class ContentHtml:
    """Summary content -> HTML, every value escaped."""

    def __init__(self, content: dict[str, Any], identity_note: str = "") -> None:
        self.c = content
        self.lang = str(content.get("lang", "en"))
        self.identity_note = identity_note  # said instead of the identity, if set

    def t(self, key: str, **values: object) -> str:
        return label(key, self.lang, **values)

    def word(self, prefix: str, code: str) -> str:
        key = f"{prefix}.{code}"
        return self.t(key) if code and label(key, "en") != key else code

    def value(self, v: object) -> str:
        if isinstance(v, bool):
            return self.t("yes") if v else self.t("no")
        if isinstance(v, list):
            return ", ".join(str(x) for x in v) if v else self.t("not_recorded")
        return str(v) if v not in ("", None) else self.t("not_recorded")

    def rows(self, pairs: list[tuple[str, object]]) -> str:
        cells = "".join(f"<tr><td><b>{_esc(k)}</b></td><td>{_esc(self.value(v))}</td></tr>"
                        for k, v in pairs)
        return f'<table cellspacing="0" cellpadding="3">{cells}</table>'

    def h(self, key: str) -> str:
        return f"<h3>{_esc(self.t(key))}</h3>"

    def render(self) -> str:
        c = self.c
        out = [f"<h2>{_esc(c.get('title') or '—')}</h2>"]
        for w in c.get("warnings", []):
            fields = ", ".join(w.get("fields", []))
            out.append(f'<p style="color:#a12a1c"><b>⚠ '
                       f'{_esc(self.t("warn." + str(w["code"]), fields=fields))}</b></p>')
        out.append(self.rows([(self.t("record"), c["record_id"]),
                              (self.t("revision"), c["revision"]),
                              (self.t("status"), self.word("status", str(c["status"])))]))
        iv = c["interview"]
        pairs: list[tuple[str, object]] = [(self.t("f.date"), iv["date"]),
                                           (self.t("f.mode"), self.word("mode", iv["mode"])),
                                           (self.t("f.languages"), iv["languages"])]
        pairs += [(self.t("f." + k), iv[k]) for k in ("place", "interpreter",
                                                      "others_present", "interviewer")
                  if k in iv]
        out += [self.h("sec.interview"), self.rows(pairs)]
        cons = c["consent"]
        pairs = [(self.t("c." + k), cons[k]) for k in (
            "hq_documentation", "anonymous_publication", "legal_proceedings",
            "audio_recording", "anonymity_requested", "may_recontact", "given_date")]
        pairs.append((self.t("c.method"), self.word("method", cons["method"])))
        if cons["withdrawn_at"]:
            pairs.append((self.t("c.withdrawn_at"), local_time(cons["withdrawn_at"])))
        out += [self.h("sec.consent"), self.rows(pairs)]
        w = c["witness"]
        out += [self.h("sec.witness"), self.rows([
            (self.t("w.pseudonym"), w["pseudonym"]), (self.t("w.gender"), w["gender"]),
            (self.t("w.age_group"), w["age_group"]),
            (self.t("w.role"), self.word("role", w["role"]))])]
        if self.identity_note:
            out += [self.h("sec.identity"), f"<p><i>{_esc(self.identity_note)}</i></p>"]
        elif "identity" in c:
            out += [self.h("sec.identity"),
                    self.rows([(self.t("i." + k), c["identity"][k])
                               for k in ("name", "birth_date", "contact", "documents")])]
        out.append(self.h("sec.acts"))
        if not c["acts"]:
            out.append(f"<p>{_esc(self.t('not_recorded'))}</p>")
        for i, a in enumerate(c["acts"], 1):
            out.append(f"<p><b>{i}. {_esc(a['label'])}</b></p>")
            pairs = [(self.t("a.date"), a["date"] or self.t("date.unknown"))]
            pairs += [(self.t("a." + k), a[k]) for k in ("place", "victims", "status_after")
                      if a.get(k)]
            if a.get("perpetrators"):
                pairs.append((self.t("a.perpetrators"), "; ".join(a["perpetrators"])))
            if a.get("description"):
                pairs.append((self.t("a.description"), a["description"]))
            out.append(self.rows(pairs))
        out += [self.h("sec.account"), f"<p>{_esc(c.get('narrative') or '—')}</p>"]
        if "notes" in c:
            n = c["notes"]
            out += [self.h("sec.notes"), self.rows([
                (self.t("sec.notes"), n["notes"]), (self.t("n.reliability"), n["reliability"]),
                (self.t("n.follow_up"), n["follow_up"]), (self.t("n.referrals"), n["referrals"])
            ])]
        out.append(self.h("sec.attachments"))
        if not c["attachments"]:
            out.append(f"<p>{_esc(self.t('att.none'))}</p>")
        for i, a in enumerate(c["attachments"], 1):
            out.append(f"<p><b>{i}. {_esc(a.get('filename') or a['media_type'])}</b></p>")
            out.append(self.rows([
                (self.t("att.type"), a["media_type"]),
                (self.t("att.status"), self.word("clean", a["clean_status"])),
                (self.t("att.size"), a["size_cleaned"] or a["size_original"]),
                (self.t("att.sha_cleaned"), a["sha256_cleaned"]),
                (self.t("att.sha_original"), a["sha256_original"])]))
        return "\n".join(out)


class HqTestimonyView(QWidget):
    """The selected testimony, read only, with where it came from."""

    def __init__(self, ctx: AppContext, vault: Vault, parent: QWidget | None = None, *,
                 attachment_service: AttachmentService | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._vault = vault
        self.testimony_id = ""
        self.origin = QLabel()
        self.origin.setProperty("role", "hint")
        self.origin.setWordWrap(True)
        self.origin.setTextFormat(Qt.TextFormat.PlainText)
        self.show_identity = QCheckBox()
        self.show_identity.toggled.connect(self._on_show_identity_toggled)
        self.summary_button = QPushButton()
        self.summary_button.clicked.connect(self._on_summary_clicked)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setUndoRedoEnabled(False)
        self.attachments = AttachmentsPanel(
            ctx, attachment_service or AttachmentService(vault), read_only=True)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.browser, "")
        self.tabs.addTab(self.attachments, "")
        top = QHBoxLayout()
        top.addWidget(self.origin, 1)
        top.addWidget(self.show_identity)
        top.addWidget(self.summary_button)
        # Nothing chosen: a wrapped sentence (a text browser's placeholder was cut off
        # mid-sentence in a narrow pane).
        self.placeholder = QLabel()
        self.placeholder.setObjectName("hqPlaceholder")
        self.placeholder.setProperty("role", "hint")
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.placeholder)
        self.pages.addWidget(self.tabs)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)
        self.retranslate()
        self.clear()

    def retranslate(self) -> None:
        self.show_identity.setText(self.tr("Show identity"))
        self.show_identity.setToolTip(self.tr(
            "The witness's name and contacts, if the interviewer sent them"))
        self.summary_button.setText(self.tr("Summary / print…"))
        self.browser.setAccessibleName(self.tr("Testimony (read only)"))
        self.tabs.setTabText(0, self.tr("Testimony"))
        self._show_attachment_count()
        self.placeholder.setText(self.tr(
            "Select a testimony to read it. Testimonies received at HQ are read only."))

    def _show_attachment_count(self) -> None:
        count = self.attachments.count
        self.tabs.setTabText(1, self.tr("Attachments (%1)").replace("%1", str(count))
                             if count else self.tr("Attachments"))

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.render()
        super().changeEvent(event)

    def open(self, testimony_id: str, origin: str) -> None:
        """Show a testimony; ``origin`` is the already translated "received from" line."""
        changed = testimony_id != self.testimony_id
        if changed:
            self.show_identity.blockSignals(True)
            self.show_identity.setChecked(False)  # identity hidden again for each testimony
            self.show_identity.blockSignals(False)
        self.testimony_id = testimony_id
        self.pages.setCurrentWidget(self.tabs)
        self.origin.setText(origin)
        self.summary_button.setEnabled(True)
        self.show_identity.setEnabled(True)
        self.render()
        if changed:
            self.attachments.load(testimony_id)
        else:  # the same testimony after an import: new files only if some came
            self.attachments.reload_if_changed()
        self._show_attachment_count()

    def render(self) -> None:
        if not self.testimony_id or not self._vault.is_open:  # a late LanguageChange
            return
        lang = self._ctx.settings.language if self._ctx.settings.language in LANGUAGES \
            else "en"
        level = "full" if self.show_identity.isChecked() else "pseudonymised"
        content = build_content(self._vault, self.testimony_id,
                                SummaryOptions.make(level, lang, include_notes=True))
        note = ""
        if level == "full" and not self.identity_sent():
            note = self.tr("Kept on the interviewer's device, not sent.")
        self.browser.setHtml(ContentHtml(content, note).render())

    def identity_sent(self) -> bool:
        """Whether any revision received carried the witness's identity: the interviewer
        chooses to send it, and a record without it is not "not recorded"."""
        repo = TestimonyRepository(self._vault)
        return any("identity" in repo.revision_content(self.testimony_id, r["revision"])
                   for r in repo.revisions(self.testimony_id))

    def _on_show_identity_toggled(self, _checked: bool) -> None:
        self.render()

    def _on_summary_clicked(self) -> None:
        if not self.testimony_id:
            return
        from nam_desktop.gui.interviewer.summary_dialog import (
            SummaryDialog,  # Qt print support: lazily
        )

        dialog = SummaryDialog(self._vault, self.testimony_id, self,
                                      language=self._ctx.settings.language,
                                      prompter=self._ctx.prompter)
        dialog.show()

    def clear(self) -> None:
        """Forget the shown testimony (before locking, or when it is no longer listed)."""
        self.testimony_id = ""
        self.pages.setCurrentWidget(self.placeholder)
        self.browser.clear()
        self.attachments.clear()  # list, report, hashes, image and player media
        self.origin.clear()
        self.show_identity.blockSignals(True)
        self.show_identity.setChecked(False)
        self.show_identity.blockSignals(False)
        self.show_identity.setEnabled(False)
        self.summary_button.setEnabled(False)
        self.retranslate()
