"""The controlled vocabulary of violation types (versioned data, three languages).

The file format (``resources/vocabulary/violations.json``, ``"format": "nam-vocabulary"``)
only ever gains fields: each term has ``code``, ``category``, the labels ``en``, ``ru``,
``be``, the English definition ``description`` and optionally ``description_ru``,
``description_be``, ``former_labels`` (``{lang: [label, ...]}``, the labels of earlier
versions) and ``retired``. Codes are never reused or renamed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from nam_desktop.core.errors import ValidationError
from nam_desktop.core.resources import resource_path
from nam_desktop.core.vault.db import Connection

LANGUAGES = ("en", "ru", "be")
DEFAULT_FILE = "vocabulary/violations.json"


@dataclass(frozen=True)
class Term:
    code: str
    category: str
    labels: dict[str, str]
    description: str = ""  # the English definition
    retired: bool = False
    descriptions: dict[str, str] = field(default_factory=dict)  # ru, be definitions
    former_labels: tuple[str, ...] = ()  # labels of earlier versions, any language

    def label(self, lang: str) -> str:
        return self.labels.get(lang) or self.labels["en"]

    def definition(self, lang: str) -> str:
        """What the term covers, in ``lang`` (English where that language has none)."""
        return (self.descriptions.get(lang) if lang != "en" else "") or self.description


@dataclass(frozen=True)
class Vocabulary:
    version: str
    terms: tuple[Term, ...]

    def get(self, code: str) -> Term | None:
        for term in self.terms:
            if term.code == code:
                return term
        return None

    def codes(self) -> set[str]:
        return {t.code for t in self.terms if not t.retired}


def _version_key(version: str) -> tuple[int, ...]:
    try:
        return tuple(int(p) for p in version.split("."))
    except ValueError:
        return (0,)


def parse_vocabulary(data: bytes) -> Vocabulary:
    try:
        body = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise ValidationError("vocabulary", "not valid JSON") from exc
    if not isinstance(body, dict) or body.get("format") != "nam-vocabulary":
        raise ValidationError("vocabulary", "not a NAM vocabulary file")
    version = body.get("version")
    raw_terms = body.get("terms")
    if not isinstance(version, str) or not isinstance(raw_terms, list):
        raise ValidationError("vocabulary", "missing version or terms")
    terms = []
    for i, raw in enumerate(raw_terms):
        if not isinstance(raw, dict):
            raise ValidationError(f"vocabulary.terms[{i}]", "not an object")
        labels = {lang: raw.get(lang) for lang in LANGUAGES}
        code = raw.get("code")
        if not isinstance(code, str) or not code.isidentifier():
            raise ValidationError(f"vocabulary.terms[{i}].code", "must be an identifier")
        for lang, label in labels.items():
            if not isinstance(label, str) or not label.strip():
                raise ValidationError(f"vocabulary.terms[{i}].{lang}", "label missing")
        descriptions = {}
        for lang in LANGUAGES[1:]:
            text = raw.get(f"description_{lang}", "")
            if not isinstance(text, str):
                raise ValidationError(f"vocabulary.terms[{i}].description_{lang}",
                                      "must be a string")
            if text.strip():
                descriptions[lang] = text
        terms.append(
            Term(
                code=code,
                category=str(raw.get("category", "")),
                labels={k: str(v) for k, v in labels.items()},
                description=str(raw.get("description", "")),
                retired=bool(raw.get("retired", False)),
                descriptions=descriptions,
                former_labels=_former_labels(raw.get("former_labels", {}), i),
            )
        )
    return Vocabulary(version, tuple(terms))


def _former_labels(raw: object, i: int) -> tuple[str, ...]:
    where = f"vocabulary.terms[{i}].former_labels"
    if not isinstance(raw, dict):
        raise ValidationError(where, "must map languages to lists of labels")
    out: list[str] = []
    for lang, labels in raw.items():
        if lang not in LANGUAGES or not isinstance(labels, list) \
                or not all(isinstance(x, str) and x.strip() for x in labels):
            raise ValidationError(where, "must map languages to lists of labels")
        out += [x for x in labels if x not in out]
    return tuple(out)


def shipped_vocabulary(path: Path | None = None) -> Vocabulary:
    return parse_vocabulary((path or resource_path(DEFAULT_FILE)).read_bytes())


def install(conn: Connection, vocab: Vocabulary) -> bool:
    """Store ``vocab`` in the vault if it is newer than what is there. Codes are kept
    (acts reference them): a code missing from a newer version is marked retired."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'vocabulary_version'").fetchone()
    if row is not None and _version_key(str(row[0])) >= _version_key(vocab.version):
        return False
    present = set()
    for t in vocab.terms:
        present.add(t.code)
        conn.execute(
            "INSERT INTO vocabulary (code, category, label_en, label_ru, label_be, "
            "description_en, description_ru, description_be, former_labels, version, "
            "retired) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(code) DO UPDATE SET category = excluded.category, "
            "label_en = excluded.label_en, label_ru = excluded.label_ru, "
            "label_be = excluded.label_be, description_en = excluded.description_en, "
            "description_ru = excluded.description_ru, "
            "description_be = excluded.description_be, "
            "former_labels = excluded.former_labels, "
            "version = excluded.version, retired = excluded.retired",
            (t.code, t.category, t.labels["en"], t.labels["ru"], t.labels["be"],
             t.description, t.descriptions.get("ru", ""), t.descriptions.get("be", ""),
             json.dumps(list(t.former_labels), ensure_ascii=False), vocab.version,
             int(t.retired)),
        )
    for (code,) in conn.execute("SELECT code FROM vocabulary").fetchall():
        if code not in present:
            conn.execute("UPDATE vocabulary SET retired = 1 WHERE code = ?", (code,))
    conn.execute(
        "INSERT INTO meta (key, value) VALUES ('vocabulary_version', ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (vocab.version,),
    )
    return True


def load(conn: Connection) -> Vocabulary:
    row = conn.execute("SELECT value FROM meta WHERE key = 'vocabulary_version'").fetchone()
    rows = conn.execute(
        "SELECT code, category, label_en, label_ru, label_be, description_en, retired, "
        "description_ru, description_be, former_labels FROM vocabulary ORDER BY rowid"
    ).fetchall()
    terms = tuple(
        Term(r[0], r[1], {"en": r[2], "ru": r[3], "be": r[4]}, r[5], bool(r[6]),
             descriptions={lang: text for lang, text in (("ru", r[7]), ("be", r[8])) if text},
             former_labels=_stored_labels(r[9]))
        for r in rows
    )
    return Vocabulary(str(row[0]) if row else "", terms)


def _stored_labels(text: str) -> tuple[str, ...]:
    try:
        labels = json.loads(text)
    except ValueError:
        return ()
    return tuple(x for x in labels if isinstance(x, str)) if isinstance(labels, list) else ()
