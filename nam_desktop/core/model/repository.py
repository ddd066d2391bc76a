"""Testimonies in the vault: create, edit, list, finalise (immutable revisions), consent."""

from __future__ import annotations

import builtins
import hashlib
import json
import uuid
from collections.abc import Callable
from dataclasses import asdict, fields, replace
from typing import Any, TypeVar

from nam_desktop.core.canonical import canonical_text
from nam_desktop.core.clock import Clock, iso, utc_now
from nam_desktop.core.errors import NotFoundError, NotReadyError, ValidationError
from nam_desktop.core.model import listing
from nam_desktop.core.model import vocabulary as vocab_mod
from nam_desktop.core.model.records import (
    Act,
    Assessment,
    Consent,
    Interview,
    Perpetrator,
    Testimony,
    TestimonyDraft,
    TestimonySummary,
    Witness,
    WitnessIdentity,
)
from nam_desktop.core.model.search import index_testimony
from nam_desktop.core.vault.db import Connection
from nam_desktop.core.vault.vault import Vault

_D = TypeVar("_D")


def _known(cls: type[_D], data: object) -> _D:
    """A record dataclass from its ``asdict`` form, ignoring keys it does not have."""
    names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
    values = {k: v for k, v in data.items() if k in names} if isinstance(data, dict) else {}
    return cls(**values)


def draft_from_revision(data: dict[str, Any]) -> TestimonyDraft:
    """The draft a stored revision snapshot (``Testimony.to_dict``) was made from."""
    acts = []
    for raw in data.get("acts", []):
        act = _known(Act, raw)
        act.perpetrators = [_known(Perpetrator, p) for p in raw.get("perpetrators", [])]
        acts.append(act)
    return TestimonyDraft(
        title=str(data.get("title", "")),
        interview=_known(Interview, data.get("interview")),
        consent=_known(Consent, data.get("consent")),
        witness=_known(Witness, data.get("witness")),
        identity=_known(WitnessIdentity, data.get("identity")),
        acts=acts,
        narrative=str(data.get("narrative", "")),
        notes=str(data.get("notes", "")),
        assessment=_known(Assessment, data.get("assessment")),
    )


class TestimonyRepository:
    __test__ = False  # not a pytest class

    def __init__(self, vault: Vault, clock: Clock = utc_now) -> None:
        self._vault = vault
        self._clock = clock
        with vault.transaction() as c:
            vocab_mod.install(c, vocab_mod.shipped_vocabulary())

    # ---- vocabulary ----------------------------------------------------------------------
    def vocabulary(self) -> vocab_mod.Vocabulary:
        with self._vault.reading() as c:
            return vocab_mod.load(c)

    def vocabulary_codes(self) -> set[str]:
        return self.vocabulary().codes()

    # ---- writing -------------------------------------------------------------------------
    def add(self, draft: TestimonyDraft) -> str:
        return self.add_many([draft])[0]

    def add_many(self, drafts: list[TestimonyDraft]) -> list[str]:
        """Insert all drafts in one transaction: all or nothing."""
        codes = self.vocabulary_codes()
        for i, d in enumerate(drafts):
            self._check_codes(d, codes, prefix="" if len(drafts) == 1 else f"[{i}] ")
        ids = []
        with self._vault.transaction() as c:
            for d in drafts:
                tid = str(uuid.uuid4())
                now = iso(self._clock())
                c.execute(
                    "INSERT INTO testimonies (id, created_at, updated_at) VALUES (?, ?, ?)",
                    (tid, now, now),
                )
                self._write(c, tid, d, now)
                self._vault.audit.append("testimony.create", tid, acts=len(d.acts))
                ids.append(tid)
        return ids

    def update(self, testimony_id: str, draft: TestimonyDraft) -> None:
        """Save edits. Editing a final testimony reopens it as a draft of the next revision;
        the final revisions already made stay readable and unchanged."""
        self._check_codes(draft, self.vocabulary_codes())
        with self._vault.transaction() as c:
            status = self._status(c, testimony_id)
            now = iso(self._clock())
            if status != "draft":
                c.execute("UPDATE testimonies SET status = 'draft' WHERE id = ?", (testimony_id,))
                self._vault.audit.append("testimony.reopen", testimony_id, previous=status)
            self._write(c, testimony_id, draft, now)
            self._vault.audit.append("testimony.update", testimony_id)

    def upsert_imported(self, testimony_id: str, revision: int, draft: TestimonyDraft, *,
                        content: str, created_at: str | None = None,
                        identity_included: bool = True) -> bool:
        """Store a final revision made in another vault (HQ importing a bundle), as received.

        ``content`` is that revision's record (canonical JSON); it is kept verbatim in the
        revisions, with its hash, unless this revision is already stored. The testimony
        is created under ``testimony_id`` if it is new (``created_at``: when it was first
        created; default now). If ``revision`` is newer than the current one it becomes
        current: fields, witness, consent (a recorded withdrawal stays), acts and the
        search index are replaced and the status is ``final``. With ``identity_included``
        False the identity already stored, if any, is kept. An older revision arriving
        late is only added to the revisions.

        Joins the caller's transaction when one is open (an import commits all or
        nothing). Writes no audit entry of its own: the caller records the import.
        Returns True if the revision became the current one.
        """
        self._check_codes(draft, self.vocabulary_codes())
        if revision < 1:
            raise ValidationError("revision", "must be at least 1")
        with self._vault.transaction() as c:
            now = iso(self._clock())
            row = c.execute("SELECT revision FROM testimonies WHERE id = ?",
                            (testimony_id,)).fetchone()
            if row is None:
                c.execute("INSERT INTO testimonies (id, created_at, updated_at) VALUES (?, ?, ?)",
                          (testimony_id, created_at or now, now))
            c.execute("INSERT INTO revisions (testimony_id, revision, created_at, content, "
                      "content_hash) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                      (testimony_id, revision, now, content,
                       hashlib.sha256(content.encode("utf-8")).hexdigest()))
            if row is not None and int(row[0]) >= revision:
                return False
            if not identity_included:
                kept = c.execute("SELECT name, birth_date, contact, documents FROM "
                                 "witness_identity WHERE testimony_id = ?",
                                 (testimony_id,)).fetchone()
                if kept is not None:
                    draft = replace(draft, identity=WitnessIdentity(*kept))
            self._write(c, testimony_id, draft, now)
            c.execute("UPDATE testimonies SET status = 'final', revision = ?, updated_at = ? "
                      "WHERE id = ?", (revision, now, testimony_id))
        return True

    @staticmethod
    def _check_codes(draft: TestimonyDraft, codes: set[str], prefix: str = "") -> None:
        for i, act in enumerate(draft.acts):
            if act.type not in codes:
                raise ValidationError(f"{prefix}acts[{i}].type",
                                      f"unknown violation type {act.type!r}")

    def _write(self, c: Connection, tid: str, d: TestimonyDraft, now: str) -> None:
        iv = d.interview
        a = d.assessment
        c.execute(
            "UPDATE testimonies SET title=?, updated_at=?, interviewer=?, interview_date=?, "
            "interview_date_end=?, interview_place=?, interview_mode=?, languages=?, "
            "interpreter=?, others_present=?, narrative=?, notes=?, reliability=?, "
            "follow_up=?, referrals=? WHERE id=?",
            (d.title, now, iv.interviewer, iv.date, iv.date_end, iv.place, iv.mode,
             json.dumps(iv.languages, ensure_ascii=False), iv.interpreter, iv.others_present,
             d.narrative, d.notes, a.reliability, a.follow_up, a.referrals, tid),
        )
        w = d.witness
        c.execute(
            "INSERT INTO witnesses (testimony_id, pseudonym, gender, age_group, role) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT(testimony_id) DO UPDATE SET "
            "pseudonym=excluded.pseudonym, gender=excluded.gender, "
            "age_group=excluded.age_group, role=excluded.role",
            (tid, w.pseudonym, w.gender, w.age_group, w.role),
        )
        idn = d.identity
        c.execute(
            "INSERT INTO witness_identity (testimony_id, name, birth_date, contact, documents) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT(testimony_id) DO UPDATE SET "
            "name=excluded.name, birth_date=excluded.birth_date, contact=excluded.contact, "
            "documents=excluded.documents",
            (tid, idn.name, idn.birth_date, idn.contact, idn.documents),
        )
        self._write_consent(c, tid, d.consent, now)
        c.execute("DELETE FROM acts WHERE testimony_id = ?", (tid,))
        for pos, act in enumerate(d.acts):
            act_id = act.id or str(uuid.uuid4())
            c.execute(
                "INSERT INTO acts (id, testimony_id, position, type_code, date_start, date_end, "
                "date_precision, place, victims, status_after, description) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (act_id, tid, pos, act.type, act.date, act.date_end, act.date_precision,
                 act.place, act.victims, act.status_after, act.description),
            )
            for p in act.perpetrators:
                c.execute(
                    "INSERT INTO perpetrators (act_id, unit, rank, description) "
                    "VALUES (?, ?, ?, ?)",
                    (act_id, p.unit, p.rank, p.description),
                )
        index_testimony(c, tid, d)

    def _write_consent(self, c: Connection, tid: str, new: Consent, now: str) -> None:
        old = self._consent(c, tid)
        values = asdict(new)
        if old is not None:
            values["withdrawn_at"] = old.withdrawn_at  # only withdraw_consent() changes it
        cols = list(values)
        c.execute(
            f"INSERT INTO consent (testimony_id, {', '.join(cols)}) "  # noqa: S608  # fixed column names
            f"VALUES (?, {', '.join('?' for _ in cols)}) ON CONFLICT(testimony_id) DO UPDATE SET "
            + ", ".join(f"{k}=excluded.{k}" for k in cols),
            (tid, *[int(v) if isinstance(v, bool) else v for v in values.values()]),
        )
        if old is None and new.recorded:
            self._consent_event(c, tid, "given", now)
        elif old is not None and asdict(old) != values:
            self._consent_event(c, tid, "changed" if old.recorded else "given", now)

    def _consent_event(self, c: Connection, tid: str, kind: str, now: str, note: str = "") -> None:
        c.execute(
            "INSERT INTO consent_events (testimony_id, ts, kind, note) VALUES (?, ?, ?, ?)",
            (tid, now, kind, note),
        )
        self._vault.audit.append(f"consent.{kind}", tid)

    def withdraw_consent(self, testimony_id: str, note: str = "") -> None:
        """Record a withdrawal: it blocks export and finalisation until renewed."""
        with self._vault.transaction() as c:
            self._status(c, testimony_id)
            now = iso(self._clock())
            c.execute("UPDATE consent SET withdrawn_at = ? WHERE testimony_id = ?",
                      (now, testimony_id))
            self._consent_event(c, testimony_id, "withdrawn", now, note)

    def renew_consent(self, testimony_id: str, note: str = "") -> None:
        with self._vault.transaction() as c:
            self._status(c, testimony_id)
            now = iso(self._clock())
            c.execute("UPDATE consent SET withdrawn_at = '', given_date = ? "
                      "WHERE testimony_id = ?", (now[:10], testimony_id))
            self._consent_event(c, testimony_id, "renewed", now, note)

    def consent_history(self, testimony_id: str) -> list[dict[str, str]]:
        with self._vault.reading() as c:
            rows = c.execute("SELECT ts, kind, note FROM consent_events WHERE testimony_id = ? "
                             "ORDER BY id", (testimony_id,)).fetchall()
        return [{"ts": r[0], "kind": r[1], "note": r[2]} for r in rows]

    # ---- finalising ----------------------------------------------------------------------
    def missing_for_finalize(self, testimony_id: str) -> list[str]:
        t = self.get(testimony_id)
        missing = []
        if not t.title:
            missing.append("title")
        if not t.interview.date:
            missing.append("interview.date")
        if not t.witness.pseudonym:
            missing.append("witness.pseudonym")
        if not t.consent.recorded:
            missing.append("consent")
        elif not t.consent.hq_documentation:
            missing.append("consent.hq_documentation")
        if t.consent.withdrawn:
            missing.append("consent (withdrawn)")
        if not t.narrative.strip() and not t.acts:
            missing.append("narrative or acts")
        return missing

    def finalize(self, testimony_id: str) -> int:
        """Create the next immutable revision. Raises :class:`NotReadyError` with what is
        missing."""
        missing = self.missing_for_finalize(testimony_id)
        if missing:
            raise NotReadyError(missing)
        with self._vault.transaction() as c:
            status = self._status(c, testimony_id)
            if status != "draft":
                raise ValidationError("status", f"testimony is already {status}")
            t = self.get(testimony_id, include_identity=True)
            revision = t.revision + 1
            now = iso(self._clock())
            t.revision, t.status = revision, "final"
            content = canonical_text(t.to_dict(include_identity=True))
            digest = hashlib.sha256(content.encode()).hexdigest()
            c.execute("INSERT INTO revisions (testimony_id, revision, created_at, content, "
                      "content_hash) VALUES (?, ?, ?, ?, ?)",
                      (testimony_id, revision, now, content, digest))
            c.execute("UPDATE testimonies SET status = 'final', revision = ?, updated_at = ? "
                      "WHERE id = ?", (revision, now, testimony_id))
            self._vault.audit.append("testimony.finalize", testimony_id, revision=revision,
                                     content_hash=digest)
        return revision

    def discard_draft(self, testimony_id: str) -> str:
        """Throw away the edits made since the last final revision: its content comes back
        (identity included) and its status, ``delivered`` if HQ confirmed receiving that
        revision, else ``final``. Attachments and consent withdrawals are not touched.
        Returns the status restored."""
        with self._vault.transaction() as c:
            if self._status(c, testimony_id) != "draft":
                raise ValidationError("status", "only a draft can be discarded")
            revision = int(c.execute("SELECT revision FROM testimonies WHERE id = ?",
                                     (testimony_id,)).fetchone()[0])
            if revision < 1:
                raise ValidationError("status", "no final revision to go back to")
            draft = draft_from_revision(self.revision_content(testimony_id, revision))
            now = iso(self._clock())
            self._write(c, testimony_id, draft, now)
            delivered = self.delivered_revisions().get(testimony_id) == revision
            status = "delivered" if delivered else "final"
            c.execute("UPDATE testimonies SET status = ?, updated_at = ? WHERE id = ?",
                      (status, now, testimony_id))
            self._vault.audit.append("testimony.discard", testimony_id, revision=revision)
        return status

    def delivered_revisions(self) -> dict[str, int]:
        """Per testimony, the latest revision HQ confirmed receiving (a receipt records
        ``testimony.delivered`` with the revision in the audit log). It stays known after
        the testimony is edited again and is a draft once more."""
        with self._vault.reading() as c:
            rows = c.execute("SELECT object_id, details FROM audit_log "
                             "WHERE action = 'testimony.delivered'").fetchall()
        delivered: dict[str, int] = {}
        for tid, details in rows:
            revision = json.loads(details).get("revision")
            if isinstance(revision, int) and not isinstance(revision, bool):
                delivered[tid] = max(delivered.get(tid, 0), revision)
        return delivered

    def revisions(self, testimony_id: str) -> list[dict[str, Any]]:
        with self._vault.reading() as c:
            rows = c.execute("SELECT revision, created_at, content_hash FROM revisions "
                             "WHERE testimony_id = ? ORDER BY revision", (testimony_id,)).fetchall()
        return [{"revision": r[0], "created_at": r[1], "content_hash": r[2]} for r in rows]

    def revision_content(self, testimony_id: str, revision: int) -> dict[str, Any]:
        with self._vault.reading() as c:
            row = c.execute("SELECT content FROM revisions WHERE testimony_id = ? AND "
                            "revision = ?", (testimony_id, revision)).fetchone()
        if row is None:
            raise NotFoundError(f"revision {revision} of {testimony_id}")
        data: dict[str, Any] = json.loads(row[0])
        return data

    # ---- reading -------------------------------------------------------------------------
    def _status(self, c: Connection, tid: str) -> str:
        row = c.execute("SELECT status FROM testimonies WHERE id = ?", (tid,)).fetchone()
        if row is None:
            raise NotFoundError(f"testimony {tid}")
        return str(row[0])

    @staticmethod
    def _consent(c: Connection, tid: str) -> Consent | None:
        row = c.execute(
            "SELECT hq_documentation, anonymous_publication, legal_proceedings, "
            "audio_recording, anonymity_requested, may_recontact, given_date, method, "
            "withdrawn_at FROM consent WHERE testimony_id = ?", (tid,)).fetchone()
        if row is None:
            return None
        return Consent(
            hq_documentation=bool(row[0]), anonymous_publication=bool(row[1]),
            legal_proceedings=bool(row[2]), audio_recording=bool(row[3]),
            anonymity_requested=bool(row[4]), may_recontact=bool(row[5]),
            given_date=row[6], method=row[7], withdrawn_at=row[8],
        )

    def get(self, testimony_id: str, *, include_identity: bool = False) -> Testimony:
        with self._vault.reading() as c:
            row = c.execute(
                "SELECT id, title, status, revision, created_at, updated_at, interviewer, "
                "interview_date, interview_date_end, interview_place, interview_mode, "
                "languages, interpreter, others_present, narrative, notes, reliability, "
                "follow_up, referrals FROM testimonies WHERE id = ?", (testimony_id,)).fetchone()
            if row is None:
                raise NotFoundError(f"testimony {testimony_id}")
            w = c.execute("SELECT pseudonym, gender, age_group, role FROM witnesses "
                          "WHERE testimony_id = ?", (testimony_id,)).fetchone()
            identity = WitnessIdentity()
            if include_identity:
                i = c.execute("SELECT name, birth_date, contact, documents FROM "
                              "witness_identity WHERE testimony_id = ?",
                              (testimony_id,)).fetchone()
                if i is not None:
                    identity = WitnessIdentity(*i)
            acts = []
            for a in c.execute(
                "SELECT id, type_code, date_start, date_end, date_precision, place, victims, "
                "status_after, description FROM acts WHERE testimony_id = ? ORDER BY position",
                (testimony_id,)).fetchall():
                perps = [Perpetrator(*p) for p in c.execute(
                    "SELECT unit, rank, description FROM perpetrators WHERE act_id = ? "
                    "ORDER BY id", (a[0],)).fetchall()]
                acts.append(Act(type=a[1], date=a[2], date_end=a[3], date_precision=a[4],
                                place=a[5], victims=a[6], status_after=a[7],
                                description=a[8], perpetrators=perps, id=a[0]))
            consent = self._consent(c, testimony_id) or Consent()
        return Testimony(
            title=row[1],
            interview=Interview(date=row[7], date_end=row[8], place=row[9], mode=row[10],
                                languages=json.loads(row[11]), interpreter=row[12],
                                others_present=row[13], interviewer=row[6]),
            consent=consent,
            witness=Witness(*w) if w else Witness(),
            identity=identity,
            acts=acts,
            narrative=row[14],
            notes=row[15],
            assessment=Assessment(row[16], row[17], row[18]),
            id=row[0], status=row[2], revision=row[3], created_at=row[4], updated_at=row[5],
            identity_loaded=include_identity,
        )

    def list(self, *, status: str | None = None, snapshot: bool = False,
             cancelled: Callable[[], bool] | None = None) -> list[TestimonySummary]:
        """Every testimony (or those of ``status``), the most recently changed first
        (:func:`~nam_desktop.core.model.listing.whole_list`). With ``snapshot``, read on
        a connection of its own (:meth:`Vault.snapshot`, stopped when ``cancelled()``):
        a worker thread's long read that leaves the vault's connection to the GUI
        thread."""
        if snapshot:
            with self._vault.snapshot(cancelled) as c:
                return listing.whole_list(c, status)
        with self._vault.reading() as c:
            return listing.whole_list(c, status)

    def count(self) -> int:
        """How many testimonies the vault holds (from an index: no row is read)."""
        with self._vault.reading() as c:
            return int(c.execute("SELECT count(*) FROM testimonies").fetchone()[0])

    def list_first(self, limit: int) -> builtins.list[TestimonySummary] | None:
        """The first ``limit`` testimonies in the list's default order, or None
        (:func:`~nam_desktop.core.model.listing.first_rows`)."""
        with self._vault.reading() as c:
            return listing.first_rows(c, limit)
