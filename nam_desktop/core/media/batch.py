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
import operator
import os
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from enum import Enum
from pathlib import Path

from nam_desktop.core import fileio
from nam_desktop.core.crypto.fsutil import fsync_dir
from nam_desktop.core.errors import NamError, Status, ValidationError
from nam_desktop.core.media.api import clean
from nam_desktop.core.media.base import DEFAULT_LIMITS, Limits
from nam_desktop.core.media.batch_fork import WorkerStopped, run_forked
from nam_desktop.core.media.batch_pool import PooledRun
from nam_desktop.core.media.batch_threads import Job, Threads
from nam_desktop.core.media.batch_workers import (
    auto_workers,
    choose_start_method,
    default_workers,
)
from nam_desktop.core.media.record import FrozenRecord
from nam_desktop.core.media.report import CleanStatus, MetadataItem, RiskClass

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up, issue 19)
if TYPE_CHECKING:
    from typing import BinaryIO, Protocol, TypeAlias

    class WorkerRun(Protocol):
        """Chunk results in order (iterate once), then ``close()``."""

        def __iter__(self) -> Iterator[list[_Staged]]: ...

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


class FileStatus(Enum):
    WRITTEN = "written"  # verified clean and written to ``output``
    NOT_CHECKED = "not_checked"  # format not handled: nothing written
    REFUSED = "refused"  # handled, but not verified clean: nothing written
    EXISTS = "exists"  # the output name is taken: nothing written, nothing overwritten
    ERROR = "error"  # could not be read, parsed or written (``error`` says which)


class FileResult(FrozenRecord):
    """What happened to one file (small: it crosses the process boundary; immutable).

    A plain class, not a dataclass: ``dataclasses`` imports ``inspect`` and compiles
    code at import, a noticeable part of `media clean --out-dir`'s start-up (issue 19).
    """

    __match_args__ = ("source", "output", "status")
    _FIELDS = ("source", "output", "status", "format", "found", "removed", "removed_groups",
               "sha256_original", "sha256_cleaned", "error", "message", "notes")

    source: str
    output: str  # where the cleaned copy is, or would have been, written
    status: FileStatus
    format: str
    #: Items found in the original and items removed, by risk class value.
    found: dict[str, int]
    removed: dict[str, int]
    #: Groups of the removed items ("EXIF", "GPS", "XMP", ...), in report order.
    removed_groups: tuple[str, ...]
    sha256_original: str
    sha256_cleaned: str
    #: For ERROR and EXISTS: the status of the failure (the CLI maps it to an exit code).
    error: Status | None
    #: Short technical detail: why refused, not checked or failed (never file content).
    message: str
    notes: tuple[str, ...]

    def __init__(
        self,
        source: str,
        output: str,
        status: FileStatus,
        format: str = "",
        found: dict[str, int] | None = None,
        removed: dict[str, int] | None = None,
        removed_groups: tuple[str, ...] = (),
        sha256_original: str = "",
        sha256_cleaned: str = "",
        error: Status | None = None,
        message: str = "",
        notes: tuple[str, ...] = (),
    ) -> None:
        self.__dict__.update(
            source=source, output=output, status=status, format=format,
            found={} if found is None else found,
            removed={} if removed is None else removed,
            removed_groups=removed_groups, sha256_original=sha256_original,
            sha256_cleaned=sha256_cleaned, error=error, message=message, notes=notes,
        )

    @property
    def written(self) -> bool:
        return self.status is FileStatus.WRITTEN

    def to_json(self) -> dict[str, object]:
        return {
            "source": self.source,
            "output": self.output if self.written else None,
            "status": self.status.value,
            "format": self.format,
            "found": dict(self.found),
            "removed": dict(self.removed),
            "removed_groups": list(self.removed_groups),
            "sha256_original": self.sha256_original or None,
            "sha256_cleaned": self.sha256_cleaned or None,
            "error": self.error.value if self.error else None,
            "message": self.message,
            "notes": list(self.notes),
        }


#: (member, value) of each risk class, in declaration order (the order of the counts).
_RISKS = tuple((risk, risk.value) for risk in RiskClass)
_RISK_OF = operator.attrgetter("risk")
_GROUP_OF = operator.attrgetter("group")


def _counts(items: Iterable[MetadataItem]) -> dict[str, int]:
    """Items by risk class value, every class present; ``list.count`` compares by
    identity in C (a dict keyed by member calls ``Enum.__hash__`` in Python per item)."""
    risks = list(map(_RISK_OF, items))
    return {value: risks.count(risk) for risk, value in _RISKS}


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


def _blocks(stream: BinaryIO) -> Iterator[bytes]:
    while block := stream.read(_COPY_BLOCK):
        yield block


def _os_error(exc: OSError, what: str) -> tuple[Status | None, str]:
    if isinstance(exc, FileNotFoundError):
        return Status.NOT_FOUND, f"{what}: not found"
    if isinstance(exc, IsADirectoryError):
        return Status.INVALID_INPUT, f"{what}: is a directory"
    if isinstance(exc, PermissionError):
        return Status.PERMISSION_DENIED, f"{what}: permission denied"
    return None, f"{what}: {exc.strerror or type(exc).__name__}"  # disk full, I/O error


def _exists(src: str, dst: str) -> FileResult:
    return FileResult(
        src, dst, FileStatus.EXISTS, error=Status.INVALID_INPUT, message="output exists"
    )


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
        return _exists(src, dst)
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
                    _counts(result.before.items),
                    sha256_original=result.sha256_original,
                    message="; ".join(reasons) or result.status.value,
                    notes=tuple(result.notes),
                )
            what = "cannot write output"
            deferred.append(write_temp(Path(dst), _blocks(result.data)))  # streamed
    except FileExistsError:
        return _exists(src, dst)
    except NamError as exc:
        return FileResult(src, dst, FileStatus.ERROR, error=exc.status, message=exc.detail)
    except OSError as exc:
        status, why = _os_error(exc, what)
        return FileResult(src, dst, FileStatus.ERROR, error=status, message=why)
    except Exception as exc:  # one hostile file must not stop the others
        why = f"internal error ({type(exc).__name__})"  # its message may quote the file
        return FileResult(src, dst, FileStatus.ERROR, message=why)
    return FileResult(
        src,
        dst,
        FileStatus.WRITTEN,
        result.before.format,
        _counts(result.before.items),
        _counts(result.removed),
        tuple(dict.fromkeys(map(_GROUP_OF, result.removed))),
        result.sha256_original,
        result.sha256_cleaned,
        notes=tuple(result.notes),
    )


_Staged: TypeAlias = tuple[FileResult, Path | None]  # a result, its unnamed copy


def _cleaned(
    jobs: Sequence[tuple[str, str]], accept_flattening: bool, limits: Limits
) -> Iterator[_Staged]:
    """Each file cleaned in turn, its verified copy in a temp file not yet named."""
    for src, dst in jobs:
        deferred: list[Path] = []
        result = clean_one(src, dst, deferred, accept_flattening=accept_flattening,
                           limits=limits)
        yield result, (deferred[0] if deferred else None)


def _clean_chunk(jobs: Sequence[tuple[str, str]], accept_flattening: bool,
                 limits: Limits) -> list[_Staged]:
    """What a worker process does: clean a few files; the command's own process names
    the copies (:func:`_named_in_order`), so a worker never waits for an fsync."""
    staged: list[_Staged] = []
    try:
        staged.extend(_cleaned(jobs, accept_flattening, limits))
    except BaseException:
        _discard(staged)
        raise
    return staged


def _discard(staged: Iterable[_Staged]) -> None:
    """Remove the temp copies of ``staged`` that were not named (a named one is gone)."""
    for _, tmp in staged:
        if tmp is not None:
            tmp.unlink(missing_ok=True)


def _remove_lost(jobs: Sequence[tuple[str, str]], pid: int) -> None:
    """Remove the temp copies a worker (process ``pid``) that died had written for
    ``jobs`` and could not report: :func:`write_temp`'s names, ``.NAME.PID.HEX.tmp``."""
    wanted: dict[str, set[str]] = {}
    for _src, dst in jobs:
        folder, name = os.path.split(dst)
        wanted.setdefault(folder or ".", set()).add(f".{name}.{pid}.")
    for folder, prefixes in wanted.items():
        try:
            with os.scandir(folder) as entries:
                names = [e.name for e in entries if e.name.endswith(".tmp")]
        except OSError:
            continue
        for name in names:
            head = name[: -len(".tmp")]
            stem, _, tag = head.rpartition(".")
            if len(tag) == 8 and f"{stem}." in prefixes:  # (tag: random_hex(4))
                with contextlib.suppress(OSError):
                    os.unlink(os.path.join(folder, name))


_Pending: TypeAlias = tuple[FileResult, Path | None, Job | None]


def _clean_stream(
    jobs: Sequence[tuple[str, str]], accept_flattening: bool, limits: Limits
) -> Generator[FileResult, None, None]:
    """Clean the files one after the other in this process, each copy named on threads
    while the next files are cleaned (:func:`_named_in_order`)."""
    threads = max(1, min(_SYNC_THREADS, len(jobs)))
    yield from _named_in_order(_cleaned(jobs, accept_flattening, limits), threads)


def _named_in_order(
    staged: Iterable[_Staged], threads: int
) -> Generator[FileResult, None, None]:
    """Name the verified copies as they come: each is fsynced and named on threads
    while the next files are cleaned (the file system commits concurrent fsyncs
    together, and the waits overlap the cleaning). Each result comes, in order, once
    its file is named. The folders are fsynced once, by :func:`clean_files`, when the
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


def _sync_folders(outputs: Iterable[str]) -> None:
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
        return _exists(result.source, result.output)
    except OSError as exc:
        status, why = _os_error(exc, "cannot write output")
        return FileResult(result.source, result.output, FileStatus.ERROR, error=status,
                          message=why)
    return result


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
        _sync_folders(dst for _, dst in jobs)
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

    def staged_in_order() -> Iterator[_Staged]:
        nonlocal broken
        try:
            for done in run:
                yield from done
        except WorkerStopped:  # a worker died (killed, out of memory)
            broken = True

    given = 0
    try:
        with contextlib.closing(_named_in_order(staged_in_order(), _SYNC_THREADS)) as named:
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
    work: Callable[[Sequence[tuple[str, str]]], list[_Staged]],
    n_workers: int,
    method: str,
    initializer: Callable[[], None] | None,
) -> WorkerRun:
    """The chunks' results from ``n_workers`` worker processes (the seam tests watch):
    forked and fed over pipes where ``method`` is ``fork`` (:mod:`.batch_fork`), else a
    ``ProcessPoolExecutor`` with that start method. Either way a dead worker raises
    :class:`WorkerStopped` and ``close()`` removes the temp copies never named; a forked
    worker's own half-done chunk is cleared too (:func:`_remove_lost`: its pid is known,
    a pooled one's is not)."""
    if method == "fork":
        return run_forked(chunks, work, n_workers, initializer=initializer, discard=_discard,
                          lost=_remove_lost)
    return PooledRun(chunks, work, n_workers, method, initializer, _discard)
