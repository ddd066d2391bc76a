"""Refusals: each problem is named by table, row, column and rule, and nothing is
written: the output folder stays empty, no hidden folder is left, the vault records no
export and stores no snapshot. Failures while writing leave nothing either."""

from __future__ import annotations

import errno
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from nam_desktop.core.errors import MediaDamagedError
from nam_desktop.core.model.attachments import AttachmentService
from nam_desktop.core.uwazi import export as ux
from nam_desktop.core.uwazi import package, records
from nam_desktop.core.uwazi.errors import Check, Reason, UwaziError
from nam_desktop.core.uwazi.mapping import parse_mapping
from nam_desktop.core.uwazi.recommended import default_mapping_json

from .conftest import Hq
from .test_export_roundtrip import run_export


def edit(folder: Path, name: str, change: Callable[[Any], None]) -> None:
    path = folder / f"{name}.json"
    data = json.loads(path.read_text("utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")


def refused(hq: Hq, reason: Reason, **kw: Any) -> UwaziError:
    out = hq.tmp / "out"
    out.mkdir(exist_ok=True)
    head = hq.vault.audit.head()
    with pytest.raises(UwaziError) as info:
        run_export(hq, **kw)
    assert info.value.reason is reason
    assert list(out.iterdir()) == [], "something was written"
    assert not [p for p in hq.tmp.rglob("*") if ".partial" in p.name or p.suffix == ".zip"]
    assert ux.exports(hq.vault) == [] and hq.vault.audit.head() == head
    with hq.vault.reading() as c:
        assert c.execute("SELECT count(*) FROM uwazi_snapshots").fetchone()[0] == 0
    return info.value


def problems(exc: UwaziError) -> set[tuple[str, int, str, Check]]:
    return {(p.package, p.row, p.column, p.check) for p in exc.problems}


def test_a_label_missing_from_the_thesaurus(hq: Hq) -> None:
    snap = hq.snapshot()

    def drop(data: Any) -> None:
        for th in data["rows"]:
            for group in th["values"]:
                if "values" in group:
                    group["values"] = [v for v in group["values"]
                                       if v["label"] != "Ператрус жылля"]
    edit(snap, "dictionaries", drop)
    exc = refused(hq, Reason.VALIDATION_FAILED, snap=snap)
    assert problems(exc) == {("act", 4, "act_type", Check.LABEL_MISSING)}
    [p] = exc.problems
    assert "Маёмасць і жыллё::Ператрус жылля" in p.detail


def test_a_header_with_no_property(hq: Hq) -> None:
    snap = hq.snapshot()

    def drop(data: Any) -> None:
        act = next(t for t in data["rows"] if t["name"] == "NAM Act")
        act["properties"] = [p for p in act["properties"] if p["name"] != "victims"]
    edit(snap, "templates", drop)
    exc = refused(hq, Reason.VALIDATION_FAILED, snap=snap)
    assert problems(exc) == {("act", 0, "victims", Check.UNKNOWN_HEADER)}


def test_a_position_out_of_range(hq: Hq) -> None:
    body = json.loads(default_mapping_json())
    body["places"] = {"мінск,  акрэсціна 36": [95.0, 27.49]}
    exc = refused(hq, Reason.VALIDATION_FAILED, mapping=json.dumps(body).encode())
    assert problems(exc) == {("act", 1, "place_geolocation", Check.GEO_OUT_OF_RANGE)}
    body["places"] = {"Мінск, Акрэсціна 36": [53.8867, 27.4856]}  # in range: written
    result = run_export(hq, json.dumps(body).encode())
    assert result.folder is not None


def test_a_duplicate_attachment_name(hq: Hq, monkeypatch: pytest.MonkeyPatch) -> None:
    """Names are unique by construction (attachment ids); a naming bug must still be
    caught before writing."""
    monkeypatch.setattr(records, "attachment_name", lambda *_: "same.jpg")
    exc = refused(hq, Reason.VALIDATION_FAILED)
    [p] = exc.problems  # the full testimony's second file: a name taken already
    assert (p.package, p.column, p.check, p.nam_id, p.detail) == (
        "testimony", "attachments", Check.FILE_DUPLICATE, hq.ids["full"], "same.jpg")
    assert p.row in (1, 2)


def test_cancel_while_writing_leaves_nothing(hq: Hq) -> None:
    out = hq.tmp / "out"
    out.mkdir()
    request = ux.ExportRequest(parse_mapping(default_mapping_json()), hq.snapshot())
    with pytest.raises(UwaziError) as info:
        ux.export(hq.vault, out, request, cancelled=lambda: True)
    assert info.value.reason is Reason.CANCELLED
    assert list(out.iterdir()) == [] and ux.exports(hq.vault) == []


def test_a_full_disk_leaves_nothing(hq: Hq, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(_path: Path) -> str:
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(package, "_sha256_of", full)
    refused(hq, Reason.WRITE_FAILED)


def test_a_record_that_cannot_be_stored_takes_the_files_back(
        hq: Hq, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_: Any) -> int:
        raise OSError(errno.EIO, "disk gone")
    monkeypatch.setattr(ux, "_record", broken)
    out = hq.tmp / "out"
    out.mkdir()
    with pytest.raises(OSError):
        run_export(hq)
    assert list(out.iterdir()) == [] and ux.exports(hq.vault) == []


def test_a_damaged_media_file_leaves_nothing(hq: Hq) -> None:
    att = next(a for a in AttachmentService(hq.vault).list(hq.ids["full"])
               if a.media_type == "png")
    assert att.cleaned_media_id is not None
    path = hq.vault.media.path_of(att.cleaned_media_id)
    data = bytearray(path.read_bytes())
    data[-20] ^= 1
    path.write_bytes(bytes(data))
    out = hq.tmp / "out"
    out.mkdir()
    with pytest.raises(MediaDamagedError):
        run_export(hq)
    assert list(out.iterdir()) == [] and ux.exports(hq.vault) == []


def test_output_folder_and_snapshot_must_exist(hq: Hq) -> None:
    request = ux.ExportRequest(parse_mapping(default_mapping_json()), hq.snapshot())
    with pytest.raises(UwaziError) as info:
        ux.export(hq.vault, hq.tmp / "missing", request)
    assert info.value.reason is Reason.OUTPUT_INVALID
    assert not (hq.tmp / "missing").exists()
    with pytest.raises(UwaziError) as info:  # plaintext never goes into the vault folder
        ux.export(hq.vault, hq.vault.folder / "media", request)
    assert info.value.reason is Reason.OUTPUT_INVALID
    with pytest.raises(UwaziError) as info:
        ux.prepare(hq.vault, ux.ExportRequest(parse_mapping(default_mapping_json())))
    assert info.value.reason is Reason.SNAPSHOT_MISSING
