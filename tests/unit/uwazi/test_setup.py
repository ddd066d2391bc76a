"""``hq uwazi-setup``: thesaurus CSVs Uwazi's thesaurus import reads as meant (language
columns, "-" for a child), the recommended templates and the default mapping."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from nam_desktop.core.model.vocabulary import shipped_vocabulary
from nam_desktop.core.uwazi import vocab
from nam_desktop.core.uwazi.errors import Reason, UwaziError
from nam_desktop.core.uwazi.mapping import parse_mapping
from nam_desktop.core.uwazi.recommended import templates_markdown
from nam_desktop.core.uwazi.setup import write_setup

DOCS = Path(__file__).resolve().parents[3] / "docs" / "uwazi.md"


def parse_value(value: str) -> tuple[bool, str]:
    """importThesauri.ts: parseValue (leading spaces, then "-" marks a child)."""
    stripped = value.lstrip(" ")
    if stripped.startswith("-"):
        return True, stripped[1:].strip()
    return False, value.strip()


def test_setup_files(tmp_path: Path) -> None:
    out = tmp_path / "setup"
    written = write_setup(out, shipped_vocabulary())
    names = sorted(p.name for p in written)
    assert names == sorted([f for _, f in vocab.THESAURI.values()]
                           + ["mapping.json", "templates.md"])
    parse_mapping((out / "mapping.json").read_bytes())
    voc = shipped_vocabulary()
    for key, (_, file) in vocab.THESAURI.items():
        data = (out / file).read_bytes()
        assert not data.startswith(b"\xef\xbb\xbf")
        rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
        assert rows[0] == ["Belarusian", "Russian", "English"]
        parsed = [[parse_value(v) for v in row] for row in rows[1:]]
        assert not parsed[0][0][0], "a child before any group"
        assert all(len({n for n, _ in row}) == 1 for row in parsed), "mixed nesting"
        leaves = {tuple(v for _, v in row) for row in parsed if row[0][0]} if any(
            row[0][0] for row in parsed) else {tuple(v for _, v in row) for row in parsed}
        expected = {tuple(e.labels[lang] for lang in vocab.LANGS)
                    for e in vocab.entries(key, voc)}
        assert leaves == expected, key
        groups = {tuple(v for _, v in row) for row in parsed if not row[0][0]}
        if key == vocab.VIOLATIONS:
            assert len(groups) == len({t.category for t in voc.terms})
            assert all(max(len(lbl) for lbl in g) > 0 for g in groups)


def test_setup_never_replaces_a_file(tmp_path: Path) -> None:
    (tmp_path / "mapping.json").write_text("mine")
    with pytest.raises(UwaziError) as info:
        write_setup(tmp_path, shipped_vocabulary())
    assert info.value.reason is Reason.OUTPUT_INVALID
    assert (tmp_path / "mapping.json").read_text() == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mapping.json"]


def test_docs_describe_the_recommended_templates() -> None:
    text = DOCS.read_text("utf-8")
    assert templates_markdown() in text, "docs/uwazi.md: paste templates_markdown() again"
