"""The batch's naming threads: every job run once, outcomes and errors given back,
and a stop cancels the jobs not begun (their temp copies are then removed)."""

from __future__ import annotations

import threading

import pytest

from nam_desktop.core.media.batch_threads import Threads


def test_every_job_runs_once_and_gives_its_outcome() -> None:
    seen: list[int] = []
    lock = threading.Lock()

    def square(n: int) -> int:
        with lock:
            seen.append(n)
        return n * n

    with Threads(square, 4) as threads:
        jobs = [threads.submit(n) for n in range(50)]
        assert [job.result() for job in jobs] == [n * n for n in range(50)]
    assert sorted(seen) == list(range(50))
    assert all(job.done() and not job.cancelled for job in jobs)


def test_an_error_is_raised_by_result_and_the_others_still_run() -> None:
    def fails_on_three(n: int) -> int:
        if n == 3:
            raise OSError("disk gone")
        return n

    with Threads(fails_on_three, 2) as threads:
        jobs = [threads.submit(n) for n in range(6)]
        with pytest.raises(OSError, match="disk gone"):
            jobs[3].result()
        assert [jobs[n].result() for n in (0, 1, 2, 4, 5)] == [0, 1, 2, 4, 5]


def test_a_stop_cancels_the_jobs_not_begun() -> None:
    release = threading.Event()
    ran: list[int] = []

    def slow(n: int) -> int:
        release.wait(10)
        ran.append(n)
        return n

    threads = Threads(slow, 1)
    jobs = [threads.submit(n) for n in range(5)]
    stopper = threading.Thread(target=threads.shutdown, kwargs={"cancel": True})
    stopper.start()
    release.set()  # the one job begun ends; the others never start
    stopper.join(10)
    assert not stopper.is_alive()
    assert all(job.done() for job in jobs)
    assert ran == [0] or ran == []  # at most the job begun before the stop
    assert [job.cancelled for job in jobs[1:]] == [True] * 4
    threads.shutdown()  # again: nothing left to do


def test_no_more_threads_than_asked() -> None:
    names: set[str] = set()
    lock = threading.Lock()

    def who(_n: int) -> None:
        with lock:
            names.add(threading.current_thread().name + str(threading.get_ident()))

    with Threads(who, 3) as threads:
        for job in [threads.submit(n) for n in range(40)]:
            job.result()
    assert 1 <= len(names) <= 3
