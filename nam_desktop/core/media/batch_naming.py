"""Naming a batch's verified copies (Qt-free): each is written to a hidden temp file
beside its output (:func:`write_temp`, by whoever cleaned it), then fsynced and given its
name (:func:`publish`, on threads of the calling process, :func:`named_in_order`); what is
never named is removed (:func:`discard`, :func:`remove_lost`)."""

from __future__ import annotations

import contextlib
import os
from collections import deque
from collections.abc import Generator, Iterable, Sequence
from pathlib import Path

from nam_desktop.core import fileio
from nam_desktop.core.crypto.fsutil import fsync_dir
from nam_desktop.core.media.batch_result import FileResult, FileStatus, exists, os_error
from nam_desktop.core.media.batch_threads import Job, Threads

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up, issue 19)
if TYPE_CHECKING:
    from typing import TypeAlias

Staged: TypeAlias = tuple[FileResult, Path | None]  # a result, its unnamed copy


def write_temp(dst: Path, data: Iterable[bytes]) -> Path:
    """The blocks of ``data`` in a new hidden temp file beside ``dst`` (not yet fsynced:
    :func:`publish` does, so a batch can write many files before the first fsync)."""
    tmp = dst.parent / f".{dst.name}.{os.getpid()}.{fileio.random_hex(4)}.tmp"
    try:
        with fileio.open_new(tmp) as fh:
            for block in data:
                fh.write(block)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def publish(tmp: Path, dst: Path) -> None:
    """fsync ``tmp``, then give it the name ``dst``: hard-linked (atomic, fails with
    FileExistsError if the name exists); where the file system has no hard links (FAT,
    exFAT), ``dst`` is first created exclusively and ``tmp`` renamed over it. ``tmp`` is
    gone afterwards, on every path."""
    try:
        fileio.sync_path(tmp)  # opened writable: Windows cannot flush a read-only one
        try:
            os.link(tmp, dst)
        except FileExistsError:
            raise
        except OSError:  # no hard links here: reserve the name, then rename over it
            fileio.reserve(dst)
            try:
                fileio.replace(tmp, dst)
            except BaseException:
                dst.unlink(missing_ok=True)
                raise
    finally:
        tmp.unlink(missing_ok=True)


def discard(staged: Iterable[Staged]) -> None:
    """Remove the temp copies of ``staged`` that were not named (a named one is gone)."""
    for _, tmp in staged:
        if tmp is not None:
            tmp.unlink(missing_ok=True)


def remove_lost(jobs: Sequence[tuple[str, str]], pid: int | None) -> None:
    """Remove the temp copies a worker that died had written for ``jobs`` and could not
    report: :func:`write_temp`'s names, ``.NAME.PID.HEX.tmp``, of process ``pid`` (None:
    of any process, where the pool does not say which worker held the chunk)."""
    wanted: dict[str, set[str]] = {}
    for _src, dst in jobs:
        folder, name = os.path.split(dst)
        wanted.setdefault(folder or ".", set()).add(f".{name}")
    for folder, outputs in wanted.items():
        try:
            with os.scandir(folder) as entries:
                names = [e.name for e in entries if e.name.endswith(".tmp")]
        except OSError:
            continue
        for name in names:
            stem, _, tag = name[: -len(".tmp")].rpartition(".")  # (tag: random_hex(4))
            output, _, writer = stem.rpartition(".")
            if (len(tag) == 8 and writer.isdigit() and output in outputs
                    and (pid is None or writer == str(pid))):
                with contextlib.suppress(OSError):
                    os.unlink(os.path.join(folder, name))


_Pending: TypeAlias = tuple[FileResult, Path | None, Job | None]


def named_in_order(
    staged: Iterable[Staged], threads: int
) -> Generator[FileResult, None, None]:
    """Name the verified copies as they come: each is fsynced and named on threads
    while the next files are cleaned (the file system commits concurrent fsyncs
    together, and the waits overlap the cleaning). Each result comes, in order, once
    its file is named. The folders are fsynced once, by :func:`~.batch.clean_files`, when the
    batch ends: each fsync of a folder waits for a commit of the file system's journal,
    and under other programs' writes such a commit per few files cost more than the
    cleaning."""
    pending: deque[_Pending] = deque()
    with Threads(_publish_result, threads) as naming:
        try:
            for result, tmp in staged:
                if tmp is not None:  # the verified copy, in its temp file: name it
                    pending.append((result, tmp, naming.submit((result, tmp))))
                else:
                    pending.append((result, None, None))
                while pending and (pending[0][2] is None or pending[0][2].done()):
                    yield _settled(pending.popleft())
            while pending:
                yield _settled(pending.popleft())
        except BaseException:  # interrupted: name nothing more, leave no temp file behind
            naming.shutdown(cancel=True)
            for _, unnamed, job in pending:
                if job is not None and job.cancelled and unnamed is not None:
                    unnamed.unlink(missing_ok=True)
            raise


def _settled(entry: _Pending) -> FileResult:
    """The result of a file, once its copy is named (or failed to be)."""
    result, _, job = entry
    return job.result() if job is not None else result


def sync_folders(outputs: Iterable[str]) -> None:
    """fsync each folder of ``outputs`` once: the names given there made durable (a
    folder where nothing was named has nothing to commit: its fsync returns at once)."""
    for folder in dict.fromkeys(Path(output).parent for output in outputs):
        with contextlib.suppress(OSError):  # the copies are named and fsynced already
            fsync_dir(folder)


def _publish_result(job: tuple[FileResult, Path]) -> FileResult:
    """:func:`publish` the verified temp copy of ``result``; the result says how it went."""
    result, tmp = job
    try:
        publish(tmp, Path(result.output))
    except FileExistsError:
        return exists(result.source, result.output)
    except OSError as exc:
        status, why = os_error(exc, "cannot write output")
        return FileResult(result.source, result.output, FileStatus.ERROR, error=status,
                          message=why)
    return result
