"""docs/vocabulary.md lists exactly the shipped vocabulary (codes, categories, labels):
version 1 bundles carry no labels, so a reader needs that page to be right."""

from __future__ import annotations

import re
from pathlib import Path

from nam_desktop.core.exchange.bundle_records import CODE
from nam_desktop.core.model.vocabulary import shipped_vocabulary

DOC = Path(__file__).resolve().parents[2] / "docs" / "vocabulary.md"


def test_the_page_matches_the_shipped_vocabulary() -> None:
    text = DOC.read_text(encoding="utf-8")
    vocab = shipped_vocabulary()
    assert f"(version {vocab.version})" in text.splitlines()[0]
    rows = re.findall(r"^\| `([a-z0-9_]+)`( \(retired\))? \| ([^|]*) \| ([^|]*) \| ([^|]*) \| "
                      r"([^|]*) \|$", text, re.MULTILINE)
    assert [(r[0], bool(r[1]), r[2], r[3], r[4], r[5]) for r in rows] == [
        (t.code, t.retired, t.category, t.labels["en"], t.labels["ru"], t.labels["be"])
        for t in vocab.terms]
    assert all(CODE.fullmatch(t.code) for t in vocab.terms)  # the spec's code grammar
