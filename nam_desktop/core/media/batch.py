"""Clean many files, on several cores when that pays: :func:`clean_files` (Qt-free).

Each file goes through exactly what ``nam-desktop media clean IN OUT`` does (read,
:func:`~nam_desktop.core.media.clean` with its verification), in a pool of worker
processes. A worker reads its input path itself and writes the verified copy to a temp
file beside its output itself, so only paths go to the workers and only a small
:class:`FileResult` and the temp file's path come back; this process fsyncs and names
the copies while the workers clean the next files.

Rules, the same as for one file, plus two for a folder:
- only a file verified clean is written; for any other outcome nothing is written;
- an existing file is never overwritten (the output is linked into place, which fails
  when the name exists), and never half-written (temp file beside it, fsync first);
- two inputs that would get the same output name: the first (in the order given) is
  cleaned, the later ones are not (decided before any work, so the result does not
  depend on the number of workers).

Start method: ``fork`` only when this process runs a single thread (counting native
threads where ``/proc`` shows them) on a platform where fork is the usual choice: the
workers are then forked and fed over pipes by :mod:`.batch_fork`, without importing
``multiprocessing``. Otherwise ``spawn`` on a ``ProcessPoolExecutor``, which is safe
under Qt and in frozen apps (their entry point calls ``multiprocessing.freeze_support()``).
One file, ``workers=1``, or work too small to pay for starting a pool
(:func:`auto_workers`) runs in this process.
"""

from __future__ import annotations

import contextlib
import functools
import math
import os
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from pathlib import Path

from nam_desktop.core import fileio
from nam_desktop.core.errors import NamError, Status, ValidationError
from nam_desktop.core.media.api import clean
from nam_desktop.core.media.base import DEFAULT_LIMITS, Limits
from nam_desktop.core.media.batch_fork import WorkerStopped, run_forked
from nam_desktop.core.media.batch_naming import (
    Staged,
    discard,
    named_in_order,
    publish,
    remove_lost,
    sync_folders,
    write_temp,
)
from nam_desktop.core.media.batch_pool import PooledRun
from nam_desktop.core.media.batch_result import (
    GROUP_OF,
    FileResult,
    FileStatus,
    counts,
    exists,
    os_error,
)
from nam_desktop.core.media.batch_workers import (
    auto_workers,
    choose_start_method,
    default_workers,
)
from nam_desktop.core.media.report import CleanStatus

__all__ = ["FileResult", "FileStatus", "clean_files", "clean_one", "publish", "start_workers",
           "write_temp"]

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up, issue 19)
if TYPE_CHECKING:
    from typing import BinaryIO, Protocol, TypeAlias

    class WorkerRun(Protocol):
        """Chunk results in order (iterate once), then ``close()``."""

        def __iter__(self) -> Iterator[list[Staged]]: ...

        def close(self) -> None: ...

PathLike: TypeAlias = str | os.PathLike[str]
#: A path (cleaned into ``out_dir`` under its own name) or a (source, output) pair.
Source: TypeAlias = PathLike | tuple[PathLike, PathLike]

_COPY_BLOCK = 1024 * 1024
#: Chunks sent to each worker, per worker: small enough to share the work evenly.
_CHUNKS_PER_WORKER = 4
_MAX_CHUNKSIZE = 32
#: Threads that fsync and name a chunk's copies together (at most one per file).
_SYNC_THREADS = 8


def _blocks(stream: BinaryIO) -> Iterator[bytes]:
    while block := stream.read(_COPY_BLOCK):
        yield block


def _name(src: str) -> str:
    """``Path(src).name`` of a file just opened, without a Path per file (Path is asked
    only where the two could differ: a path ending in a separator or ``.``)."""
    name = os.path.basename(src)
    return name if name and name != "." else Path(src).name


def clean_one(
    src: str,
    dst: str,
    deferred: list[Path],
    *,
    accept_flattening: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> FileResult:
    """Clean ``src`` for the new file ``dst``: the verified copy is written to a temp
    file beside ``dst``, appended to ``deferred``; the caller gives it its name
    (:func:`publish`) and may still find the name taken."""
    if os.path.lexists(dst):  # checked again, atomically, when written
        return exists(src, dst)
    what = "cannot read input"
    try:
        with fileio.open_read(src) as fh:
            result = clean(
                fh, filename=_name(src), accept_flattening=accept_flattening, limits=limits
            )
            if result.status is not CleanStatus.CLEAN:
                reasons = [  # (the vault stores a file not checked as is: not here)
                    n.removesuffix(": stored as is")
                    for n in result.notes
                    if not n.startswith("lossless")
                ]
                return FileResult(
                    src,
                    dst,
                    FileStatus.NOT_CHECKED
                    if result.status is CleanStatus.NOT_CHECKED
                    else FileStatus.REFUSED,
                    result.before.format,
                    counts(result.before.items),
                    sha256_original=result.sha256_original,
                    message="; ".join(reasons) or result.status.value,
                    notes=tuple(result.notes),
                )
            what = "cannot write output"
            deferred.append(write_temp(Path(dst), _blocks(result.data)))  # streamed
    except FileExistsError:
        return exists(src, dst)
    except NamError as exc:
        return FileResult(src, dst, FileStatus.ERROR, error=exc.status, message=exc.detail)
    except OSError as exc:
        status, why = os_error(exc, what)
        return FileResult(src, dst, FileStatus.ERROR, error=status, message=why)
    except Exception as exc:  # one hostile file must not stop the others
        why = f"internal error ({type(exc).__name__})"  # its message may quote the file
        return FileResult(src, dst, FileStatus.ERROR, message=why)
    return FileResult(
        src,
        dst,
        FileStatus.WRITTEN,
        result.before.format,
        counts(result.before.items),
        counts(result.removed),
        tuple(dict.fromkeys(map(GROUP_OF, result.removed))),
        result.sha256_original,
        result.sha256_cleaned,
        notes=tuple(result.notes),
    )


def _cleaned(
    jobs: Sequence[tuple[str, str]], accept_flattening: bool, limits: Limits
) -> Iterator[Staged]:
    """Each file cleaned in turn, its verified copy in a temp file not yet named."""
    for src, dst in jobs:
        deferred: list[Path] = []
        result = clean_one(src, dst, deferred, accept_flattening=accept_flattening,
                           limits=limits)
        yield result, (deferred[0] if deferred else None)


def _clean_chunk(jobs: Sequence[tuple[str, str]], accept_flattening: bool,
                 limits: Limits) -> list[Staged]:
    """What a worker process does: clean a few files; the command's own process names
    the copies (:func:`.batch_naming.named_in_order`), so a worker never waits for an fsync."""
    staged: list[Staged] = []
    try:
        staged.extend(_cleaned(jobs, accept_flattening, limits))
    except BaseException:
        discard(staged)
        raise
    return staged


def _clean_stream(
    jobs: Sequence[tuple[str, str]], accept_flattening: bool, limits: Limits
) -> Generator[FileResult, None, None]:
    """Clean the files one after the other in this process, each copy named on threads
    while the next files are cleaned (:func:`.batch_naming.named_in_order`)."""
    threads = max(1, min(_SYNC_THREADS, len(jobs)))
    yield from named_in_order(_cleaned(jobs, accept_flattening, limits), threads)


def _plan(sources: Iterable[Source], out_dir: Path | None) -> list[tuple[str, str]]:
    jobs: list[tuple[str, str]] = []
    for item in sources:
        if isinstance(item, tuple):
            src, dst = Path(item[0]), Path(item[1])
        else:
            if out_dir is None:
                raise ValidationError("out_dir", "needed for sources given without an output")
            src = Path(item)
            dst = out_dir / src.name
        jobs.append((str(src), str(dst)))
    return jobs


def clean_files(
    sources: Iterable[Source],
    out_dir: PathLike | None = None,
    *,
    workers: int | None = None,
    accept_flattening: bool = False,
    limits: Limits = DEFAULT_LIMITS,
    progress: Callable[[FileResult], None] | None = None,
    initializer: Callable[[], None] | None = None,
    mp_start: str | None = None,
) -> list[FileResult]:
    """Clean every source into ``out_dir`` (created if missing, its parent must exist)
    or to its own output path, on ``workers`` processes, never more than the cores
    (default: :func:`auto_workers`, one process unless a pool pays for itself; other
    programs' load does not lower it: on busy cores two workers still get a larger
    share of them than one, measured in docs/benchmarks.md).

    Returns one :class:`FileResult` per source, in the order given; ``progress`` is
    called with each of them, in that order, as they come. ``initializer`` runs once in
    each worker process (e.g. the app's process hardening); ``mp_start`` overrides
    :func:`choose_start_method`."""
    folder = Path(out_dir) if out_dir is not None else None
    jobs = _plan(sources, folder)
    if folder is not None:
        try:
            folder.mkdir(mode=0o700, exist_ok=True)
        except FileExistsError as exc:
            raise ValidationError("DIR", "is not a directory") from exc
        except FileNotFoundError as exc:
            raise ValidationError("DIR", "its parent folder does not exist") from exc
    results: list[FileResult | None] = [None] * len(jobs)
    todo: list[int] = []
    taken: set[str] = set()
    for index, (src, dst) in enumerate(jobs):
        key = os.path.normcase(os.path.abspath(dst)).casefold()  # FAT sticks ignore case
        if key in taken:
            results[index] = FileResult(
                src,
                dst,
                FileStatus.EXISTS,
                error=Status.INVALID_INPUT,
                message="another file of this batch has the same output name",
            )
        else:
            taken.add(key)
            todo.append(index)
    method = mp_start or choose_start_method()
    cores = default_workers()
    planned = [jobs[i] for i in todo]
    n_workers = workers or auto_workers(planned, method, cores)
    n_workers = max(1, min(n_workers, cores, len(todo)))
    out: list[FileResult] = []
    run = _run(jobs, todo, n_workers, method, accept_flattening, limits, initializer)
    try:
        with contextlib.closing(run) as done:  # the pool is shut down if progress raises
            for slot in results:
                result = slot if slot is not None else next(done)
                out.append(result)
                if progress is not None:
                    progress(result)
    finally:  # also when interrupted: what was named (maybe by a chunk cut short) stays
        sync_folders(dst for _, dst in jobs)
    return out


def _run(
    jobs: list[tuple[str, str]],
    todo: list[int],
    n_workers: int,
    method: str,
    accept_flattening: bool,
    limits: Limits,
    initializer: Callable[[], None] | None,
) -> Generator[FileResult, None, None]:
    """The results of the ``todo`` jobs, in order (a generator: they come as done; from
    worker processes, a chunk of files at a time)."""
    if n_workers <= 1:  # in this process, one stream: no wait at the end of a chunk
        yield from _clean_stream([jobs[i] for i in todo], accept_flattening, limits)
        return
    size = max(1, min(_MAX_CHUNKSIZE, math.ceil(len(todo) / (n_workers * _CHUNKS_PER_WORKER))))
    chunks = [[jobs[i] for i in todo[k : k + size]] for k in range(0, len(todo), size)]
    work = functools.partial(_clean_chunk, accept_flattening=accept_flattening, limits=limits)
    run = start_workers(chunks, work, n_workers, method, initializer)
    broken = False

    def staged_in_order() -> Iterator[Staged]:
        nonlocal broken
        try:
            for done in run:
                yield from done
        except WorkerStopped:  # a worker died (killed, out of memory)
            broken = True

    given = 0
    try:
        with contextlib.closing(named_in_order(staged_in_order(), _SYNC_THREADS)) as named:
            for result in named:
                given += 1
                yield result
        for index in todo[given:] if broken else ():  # say so per file
            src, dst = jobs[index]
            why = "worker process stopped"  # (never named: the CLI adds "nothing written")
            yield FileResult(src, dst, FileStatus.ERROR, message=why)
    finally:  # stopped early (interrupted, progress raised): start no further file, and
        run.close()  # remove the copies cleaned but never named


def start_workers(
    chunks: Sequence[Sequence[tuple[str, str]]],
    work: Callable[[Sequence[tuple[str, str]]], list[Staged]],
    n_workers: int,
    method: str,
    initializer: Callable[[], None] | None,
) -> WorkerRun:
    """The chunks' results from ``n_workers`` worker processes (the seam tests watch):
    forked and fed over pipes where ``method`` is ``fork`` (:mod:`.batch_fork`), else a
    ``ProcessPoolExecutor`` with that start method. Either way a dead worker raises
    :class:`WorkerStopped` and ``close()`` removes the temp copies never named, a dead
    worker's half-done chunk included (:func:`.batch_naming.remove_lost`: a forked
    worker's by its pid; a pool does not say which worker held a chunk, so by name)."""
    if method == "fork":
        return run_forked(chunks, work, n_workers, initializer=initializer, discard=discard,
                          lost=remove_lost)
    return PooledRun(chunks, work, n_workers, method, initializer, discard, remove_lost)
