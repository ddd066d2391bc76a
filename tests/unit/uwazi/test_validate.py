"""The validator on tables rendered from records (no vault): a clean table passes; each
broken rule is reported with its row, column and check."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from nam_desktop.core.model.records import Act, Consent, Interview, TestimonyDraft, Witness
from nam_desktop.core.model.vocabulary import shipped_vocabulary
from nam_desktop.core.uwazi import snapshot
from nam_desktop.core.uwazi.errors import Check
from nam_desktop.core.uwazi.mapping import parse_mapping
from nam_desktop.core.uwazi.package import plan_packages
from nam_desktop.core.uwazi.recommended import default_mapping_json
from nam_desktop.core.uwazi.records import ActRecord, AttachmentOut, TestimonyRecord
from nam_desktop.core.uwazi.table import Renderer, Table
from nam_desktop.core.uwazi.validate import check_csv, encode_csv, validate_tables

EXAMPLE = Path(__file__).resolve().parents[3] / "docs" / "uwazi" / "snapshot-example"
TODAY = (2026, 5, 17)


def example(edit: Any = None) -> snapshot.Snapshot:
    data = {n: json.loads((EXAMPLE / f"{n}.json").read_text("utf-8"))
            for n in ("templates", "dictionaries", "settings")}
    if edit is not None:
        edit(data)
    return snapshot.parse(data)


def record(n: int, acts: list[Act], files: int = 1) -> TestimonyRecord:
    draft = TestimonyDraft(title=f"Testimony {n}", interview=Interview(date="2025-03-04"),
                           consent=Consent(hq_documentation=True), witness=Witness("K-1"),
                           narrative="text", acts=acts)
    tid = f"00000000-0000-4000-8000-{n:012d}"
    atts = tuple(AttachmentOut(f"a{n}-{i}", "0" * 32, f"a{n}-{i}.jpg", 10, "0" * 64)
                 for i in range(files))
    return TestimonyRecord(tid, 1, draft, draft.consent,
                           tuple(ActRecord(f"{tid}-act{i}", i, a) for i, a in enumerate(acts)),
                           atts, ())


def tables(snap: snapshot.Snapshot, records: list[TestimonyRecord],
           mapping: bytes | None = None) -> list[Table]:
    renderer = Renderer(snap, parse_mapping(mapping or default_mapping_json()),
                        shipped_vocabulary())
    built, left = renderer.build(records)
    assert left == []
    return built


ACTS = [Act("arbitrary_detention", "2020-08-10", date_precision="exact", place="Мінск"),
        Act("home_search", "2020-08", "2020-12", "range")]


def checks(problems: list[Any]) -> set[tuple[str, int, str, Check]]:
    return {(p.package, p.row, p.column, p.check) for p in problems}


def test_a_clean_export_passes() -> None:
    snap = example()
    t = tables(snap, [record(1, ACTS), record(2, [])])
    assert validate_tables(t, snap, TODAY) == []
    assert [len(x.rows) for x in t] == [2, 2]


def test_label_missing_from_the_thesaurus() -> None:
    def drop(data: dict[str, Any]) -> None:
        for th in data["dictionaries"]["rows"]:
            for group in th["values"]:
                group["values"] = [v for v in group.get("values", [])
                                   if v["label"] != "Ператрус жылля"] or group.get("values")
    snap = example(drop)
    problems = validate_tables(tables(snap, [record(1, ACTS)]), snap, TODAY)
    assert checks(problems) == {("act", 2, "act_type", Check.LABEL_MISSING)}
    assert "Ператрус жылля" in problems[0].detail


def test_header_with_no_property() -> None:
    def drop(data: dict[str, Any]) -> None:
        act = data["templates"]["rows"][1]
        act["properties"] = [p for p in act["properties"] if p["name"] != "victims"]
    snap = example(drop)
    assert checks(validate_tables(tables(snap, [record(1, ACTS)]), snap, TODAY)) == \
        {("act", 0, "victims", Check.UNKNOWN_HEADER)}


def test_geolocation_out_of_range() -> None:
    body = json.loads(default_mapping_json())
    body["places"] = {"мінск": [95.5, 27.5]}
    snap = example()
    t = tables(snap, [record(1, ACTS)], json.dumps(body).encode())
    assert t[0].rows[0].cells[t[0].headers.index("place_geolocation")] == "95.5|27.5"
    assert checks(validate_tables(t, snap, TODAY)) == \
        {("act", 1, "place_geolocation", Check.GEO_OUT_OF_RANGE)}


def test_duplicate_attachment_name() -> None:
    snap = example()
    t = tables(snap, [record(1, []), record(2, [])])
    second = t[1].rows[1]
    renamed = AttachmentOut("a2-0", "0" * 32, "a1-0.jpg", 10, "0" * 64)
    second.files = [renamed]
    second.cells[t[1].headers.index("attachments")] = "a1-0.jpg"
    second.parts[t[1].headers.index("attachments")] = ["a1-0.jpg"]
    assert checks(validate_tables(t, snap, TODAY)) == \
        {("testimony", 2, "attachments", Check.FILE_DUPLICATE)}


def test_relationship_to_an_act_not_in_the_act_package() -> None:
    snap = example()
    t = tables(snap, [record(1, ACTS)])
    del t[0].rows[1]
    assert checks(validate_tables(t, snap, TODAY)) == \
        {("testimony", 1, "acts", Check.RELATION_MISSING)}


def test_wrong_type_and_required() -> None:
    def edit(data: dict[str, Any]) -> None:
        act = data["templates"]["rows"][1]
        next(p for p in act["properties"] if p["name"] == "date_of_act")["type"] = "text"
        next(p for p in act["properties"] if p["name"] == "place_name")["required"] = True
    snap = example(edit)
    found = checks(validate_tables(tables(snap, [record(1, ACTS)]), snap, TODAY))
    assert found == {("act", 0, "date_of_act", Check.WRONG_TYPE),
                     ("act", 2, "place_name", Check.REQUIRED_MISSING)}


def test_a_date_format_that_would_misread_iso() -> None:
    snap = example(lambda d: d["settings"].update(dateFormat="yyyy-dd-MM"))
    found = checks(validate_tables(tables(snap, [record(1, ACTS)]), snap, TODAY))
    assert ("act", 1, "date_of_act", Check.DATE_INVALID) in found
    assert ("act", 2, "act_period", Check.DATE_INVALID) in found
    assert ("testimony", 1, "interview_date", Check.DATE_INVALID) in found


def test_separator_inside_a_value() -> None:
    body = json.loads(default_mapping_json())
    body["labels"] = {"act.type": {"arbitrary_detention": "Liberty|Detention"}}
    snap = example()
    found = checks(validate_tables(tables(snap, [record(1, ACTS)],
                                          json.dumps(body).encode()), snap, TODAY))
    assert ("act", 1, "act_type", Check.SEPARATOR_IN_VALUE) in found


def test_single_language_collection_uses_plain_title_and_no_language_columns() -> None:
    def one(data: dict[str, Any]) -> None:
        data["settings"]["languages"] = [{"key": "ru", "default": True}]
    snap = example(one)
    t = tables(snap, [record(1, ACTS)])
    assert t[0].headers[0] == "title" and not any("__" in h for h in t[0].headers)
    assert t[0].rows[0].cells[0].startswith("Произвольное задержание (NAM ")
    assert validate_tables(t, snap, TODAY) == []


def test_csv_encoding_checks() -> None:
    rows = [["a, \"b\"\nc", "Аповед"], ["", "x"]]
    data = encode_csv(["title", "narrative"], rows)
    assert check_csv("testimony", data, ["title", "narrative"], rows) == []
    bom = b"\xef\xbb\xbf" + data
    assert check_csv("testimony", bom, ["title", "narrative"], rows)[0].check is Check.ENCODING
    assert check_csv("testimony", data, ["title", "narrative"], rows[:1])


def test_packages_are_split_under_the_limit() -> None:
    snap = example()
    records = [record(n, ACTS, files=2) for n in range(1, 30)]
    for r in records:
        r.attachments = tuple(AttachmentOut(a.attachment_id, a.media_id, a.name, 4000, a.sha256)
                              for a in r.attachments)
    t = tables(snap, records)
    packages, problems = plan_packages(t, limit=20_000)
    assert problems == []
    assert [p.entity for p in packages] == sorted((p.entity for p in packages),
                                                  key=("act", "testimony").index)
    assert len([p for p in packages if p.entity == "testimony"]) > 3
    assert all(p.estimate <= 20_000 for p in packages)
    assert sum(len(p.rows) for p in packages) == len(t[0].rows) + len(t[1].rows)
    assert [p.name for p in packages] == [f"{i:02d}-{p.entity}.zip"
                                          for i, p in enumerate(packages, start=1)]
    _, too_big = plan_packages(t, limit=5_000)
    assert {p.check for p in too_big} == {Check.PACKAGE_TOO_LARGE}


@pytest.mark.parametrize("redaction", ["public"])
def test_public_level_drops_free_text_columns(redaction: str) -> None:
    body = json.loads(default_mapping_json())
    body["redaction"] = redaction
    snap = example()
    t = tables(snap, [record(1, ACTS)], json.dumps(body).encode())
    assert "narrative" not in t[1].headers and "place_name" not in t[0].headers
    assert "testimony.narrative" in t[1].dropped
    assert t[1].rows[0].cells[0] == "NAM 00000000-0000-4000-8000-000000000001"
    assert validate_tables(t, snap, TODAY) == []


def test_identity_in_free_text_holds_the_testimony_back_but_ids_do_not() -> None:
    snap = example()
    renderer = Renderer(snap, parse_mapping(default_mapping_json()), shipped_vocabulary())
    clean = record(1, ACTS)
    clean.testimony_id = "abe00000-0000-4000-8000-00000000abe0"  # "abe" inside an id only
    clean.needles = ("abe",)
    named = record(2, ACTS)
    named.draft.narrative = "Abe told me"
    named.needles = ("abe",)
    alias = record(3, [])
    alias.draft.witness.pseudonym = "ABE"
    alias.needles = ("abe",)
    (acts, testimonies), left = renderer.build([clean, named, alias])
    assert [r.testimony_id for r in testimonies.rows] == [clean.testimony_id]
    assert {(x.testimony_id, x.detail) for x in left} == {
        (named.testimony_id, "narrative"), (alias.testimony_id, "witness_pseudonym")}
    assert {r.testimony_id for r in acts.rows} == {clean.testimony_id}
