"""Not enough space: preflight says so with numbers (free-space probe injected), and a
drive that fills up mid-export (ENOSPC) leaves no partial file and the vault unchanged."""

from __future__ import annotations

import errno
import io
import shutil
from pathlib import Path
from typing import BinaryIO

import pytest

from nam_desktop.core.errors import NoSpaceError, Status
from nam_desktop.core.exchange import destination, export, stream_io
from nam_desktop.core.exchange.errors import ExchangeError, Reason
from nam_desktop.core.exchange.export import Problem
from nam_desktop.core.vault.vault import Vault

from .conftest import Station, assert_failed_attempt


def probe(free: int, *, read_only: bool = False, fs: str = "vfat"):  # type: ignore[no-untyped-def]
    seen: list[Path] = []

    def space(folder: Path) -> destination.SpaceInfo:
        seen.append(folder)
        return destination.SpaceInfo(free, read_only, fs)

    space.seen = seen  # type: ignore[attr-defined]
    return space


def exports_recorded(vault: Vault) -> int:
    with vault.reading() as c:
        return int(c.execute("SELECT count(*) FROM exchange_exports").fetchone()[0])


def test_not_enough_space_is_reported_with_the_numbers(station: Station, usb: Path) -> None:
    space = probe(1000)
    pre = export.preflight(station.iv, usb, space=space)
    assert space.seen == [usb]
    assert not pre.ok
    [problem] = pre.problems
    assert problem.code is Problem.NOT_ENOUGH_SPACE and problem.blocking
    assert problem.detail == f"{pre.estimated_size} bytes needed, 1000 free"
    assert pre.free == 1000 and pre.filesystem == "vfat"
    assert pre.estimated_size > 1000
    assert str(problem).startswith("not_enough_space: ")


def test_export_refused_for_space_writes_nothing(station: Station, usb: Path) -> None:
    head = station.iv.audit.head()
    with pytest.raises(export.ExportRefusedError) as exc:
        export.export_bundle(station.iv, usb, space=probe(10))
    assert [p.code for p in exc.value.problems] == [Problem.NOT_ENOUGH_SPACE]
    assert list(usb.iterdir()) == []
    # Refused before a number was taken: the vault did not change at all.
    assert station.iv.audit.head() == head and exports_recorded(station.iv) == 0
    assert export.export_bundle(station.iv, usb).seq == 1


def test_space_limit_is_the_estimate(station: Station, usb: Path) -> None:
    needed = export.preflight(station.iv, usb, space=probe(1 << 40)).estimated_size
    assert export.preflight(station.iv, usb, space=probe(needed)).ok
    codes = [p.code for p in export.preflight(station.iv, usb, space=probe(needed - 1)).problems]
    assert codes == [Problem.NOT_ENOUGH_SPACE]
    # The estimate covers what is really written (age overhead included).
    result = export.export_bundle(station.iv, usb, space=probe(needed))
    assert result.size <= needed


def test_read_only_drive_via_the_probe(station: Station, usb: Path) -> None:
    # Unlike a chmod'ed folder, this also holds when the tests run as root.
    pre = export.preflight(station.iv, usb, space=probe(1 << 40, read_only=True))
    assert [p.code for p in pre.problems] == [Problem.DEST_READ_ONLY]


def test_the_default_probe_asks_the_file_system(station: Station, usb: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    real = shutil.disk_usage(usb)
    monkeypatch.setattr(destination.shutil, "disk_usage",
                        lambda _p: real._replace(free=4096))
    pre = export.preflight(station.iv, usb)
    assert [p.code for p in pre.problems] == [Problem.NOT_ENOUGH_SPACE]
    assert pre.free == 4096


class FillingDrive(io.RawIOBase):
    """A stick with ``room[0]`` bytes left: a write beyond it fails with ENOSPC (on the
    write itself or, like a delayed allocation, only when the file is flushed)."""

    def __init__(self, path: Path, room: list[int], *, at_flush: bool = False) -> None:
        self._fh = path.open("xb", buffering=0)
        self._room = room
        self._at_flush = at_flush
        self._over = False

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        if len(data) > self._room[0]:
            if not self._at_flush:
                raise OSError(errno.ENOSPC, "No space left on device")
            self._over = True
            return len(data)
        self._room[0] -= len(data)
        return int(self._fh.write(data) or 0)

    def fileno(self) -> int:
        return self._fh.fileno()

    def flush(self) -> None:
        if self._over:
            raise OSError(errno.ENOSPC, "No space left on device")

    def close(self) -> None:
        self._fh.close()
        super().close()


@pytest.mark.parametrize(("room", "part_size", "at_flush"), [
    (0, None, False), (2000, None, False), (1500, 600, False), (1500, None, True)])
def test_drive_full_mid_export_deletes_the_partial_file(
        station: Station, usb: Path, room: int, part_size: int | None, at_flush: bool) -> None:
    head = station.iv.audit.head()
    left = [room]

    def opener(path: Path) -> BinaryIO:
        return FillingDrive(path, left, at_flush=at_flush)  # type: ignore[return-value]

    options = export.ExportOptions(part_size=part_size)
    with pytest.raises(NoSpaceError) as exc:
        export.export_bundle(station.iv, usb, options, opener=opener, space=probe(1 << 40))
    # A full stick is "not enough space on <stick>, N needed", not "permission denied".
    assert exc.value.status is Status.NO_SPACE
    assert exc.value.where == str(usb)
    assert exc.value.needed == export.preflight(station.iv, usb, options,
                                                space=probe(1 << 40)).estimated_size
    assert exc.value.free == 1 << 40  # what the probe says is free
    cause = exc.value.__cause__
    assert isinstance(cause, ExchangeError) and cause.reason is Reason.WRITE_FAILED
    assert list(usb.iterdir()) == []  # no part, no temporary file
    assert_failed_attempt(station.iv, head, 1)
    assert export.export_bundle(station.iv, usb).seq == 2  # no. 1 is never reused


def test_drive_full_with_the_default_writer(station: Station, usb: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """The same through the production opener (direct I/O where the file system allows)."""
    station.add_final("Second")
    real_open = destination._open_new
    written = [0]

    class Full(io.RawIOBase):
        def __init__(self, path: Path) -> None:
            self._raw = real_open(path)

        def writable(self) -> bool:
            return True

        def write(self, data: bytes) -> int:  # type: ignore[override]
            if written[0] + len(data) > 4096:
                raise OSError(errno.ENOSPC, "No space left on device")
            n = int(self._raw.write(data) or 0)
            written[0] += n
            return n

        def fileno(self) -> int:
            return self._raw.fileno()

        def close(self) -> None:
            self._raw.close()
            super().close()

    asked: list[bool] = []
    real_set = stream_io.Direct.set

    def set_direct(fd: int, on: bool) -> bool:
        asked.append(on)
        return real_set(fd, on)

    monkeypatch.setattr(destination, "_open_new", Full)
    monkeypatch.setattr(stream_io.Direct, "set", set_direct)
    monkeypatch.setattr(destination.PartWriter, "BLOCK", 4096)  # aligned blocks: direct I/O
    head = station.iv.audit.head()
    with pytest.raises(NoSpaceError) as exc:
        export.export_bundle(station.iv, usb)
    assert exc.value.where == str(usb) and exc.value.needed
    assert written[0] == 4096 and asked[:1] == [True]  # one direct block, then full
    assert list(usb.iterdir()) == []
    assert_failed_attempt(station.iv, head, 1)


def test_hq_disk_full_during_import_is_no_space_and_imports_nothing(
        station: Station, usb: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from nam_desktop.core.exchange import hq_import

    from .conftest import hq_counts, media_files_on_disk

    paths = export.export_bundle(station.iv, usb).paths
    before, files = hq_counts(station.hq), media_files_on_disk(station.hq)

    def full(*_: object) -> None:  # the fsync of a quarantined file finds the disk full
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(hq_import.QuarantineSink, "end", full)
    with pytest.raises(NoSpaceError) as exc:
        hq_import.import_bundle(station.hq, paths)
    assert exc.value.where == str(station.hq.folder)
    assert exc.value.needed == sum(p.stat().st_size for p in paths)
    assert hq_counts(station.hq) == before and media_files_on_disk(station.hq) == files
    monkeypatch.undo()
    assert hq_import.import_bundle(station.hq, paths).status.value == "imported"
