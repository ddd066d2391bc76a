"""HQ shows where each testimony came from: the per-testimony lookup the window uses on
every open agrees with the whole table (``testimony_sources``), across revisions."""

from __future__ import annotations

from pathlib import Path

from nam_desktop.core.exchange import export, hq_import

from .conftest import Station


def test_one_testimony_source_equals_the_whole_table(station: Station, tmp_path: Path) -> None:
    second = station.add_final("Second testimony", attach=False)
    first = export.export_bundle(station.iv, _stick(tmp_path, 1))
    hq_import.import_bundle(station.hq, first.paths)
    # A new revision of the first testimony arrives in a later bundle.
    tid = station.ids[0]
    current = station.repo.get(tid, include_identity=True)
    current.title = "Detention at Okrestina, revised"
    station.repo.update(tid, current)  # a Testimony is a TestimonyDraft
    station.repo.finalize(tid)
    later = export.export_bundle(station.iv, _stick(tmp_path, 2),
                                 export.ExportOptions(testimony_ids=(tid,)))
    hq_import.import_bundle(station.hq, later.paths)

    table = hq_import.testimony_sources(station.hq)
    assert set(table) == {tid, second}
    assert table[tid][1] == 2 and table[second][1] == 1  # bundle seq of the latest revision
    for testimony_id in (tid, second):
        assert hq_import.testimony_source(station.hq, testimony_id) == table[testimony_id]
    assert hq_import.testimony_source(station.hq, "0123abcd") is None
    assert hq_import.testimony_source(station.hq, tid[:-1]) is None  # a prefix is not an id


def _stick(tmp_path: Path, n: int) -> Path:
    folder = tmp_path / f"usb{n}"
    folder.mkdir()
    return folder
