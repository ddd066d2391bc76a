"""``Vault.snapshot``: a worker thread's long read on a connection of its own (the whole
testimony list at HQ). It must not wait for, nor hold, the vault's connection; it sees
one snapshot; it cannot write; locking the vault or cancelling stops it."""

from __future__ import annotations

import threading
from typing import Any

import pytest
import sqlcipher3

from nam_desktop.core.errors import VaultLockedError
from nam_desktop.core.model.records import Interview, TestimonyDraft
from nam_desktop.core.model.repository import TestimonyRepository
from nam_desktop.core.vault.vault import Vault

# A read that runs until it is stopped (SQLite counts to 10^12).
ENDLESS = ("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
           "WHERE i < 1000000000000) SELECT count(*) FROM n")


def _add(repo: TestimonyRepository, title: str) -> str:
    return repo.add(TestimonyDraft(title=title, interview=Interview(date="2024-05-01")))


def test_a_snapshot_reads_while_another_thread_holds_the_vault(
        vault: Vault, repo: TestimonyRepository) -> None:
    _add(repo, "one")
    holding, release = threading.Event(), threading.Event()

    def hold() -> None:
        with vault.transaction():
            holding.set()
            release.wait(30)

    with vault.snapshot() as c:
        holder = threading.Thread(target=hold)
        holder.start()
        try:
            assert holding.wait(30)
            # The vault's connection is taken: this read does not need it.
            assert c.execute("SELECT count(*) FROM testimonies").fetchone()[0] == 1
        finally:
            release.set()
            holder.join(30)


def test_a_snapshot_sees_one_state_and_cannot_write(
        vault: Vault, repo: TestimonyRepository) -> None:
    _add(repo, "before")
    with vault.snapshot() as c:
        assert [r[0] for r in c.execute("SELECT title FROM testimonies")] == ["before"]
        _add(repo, "meanwhile")  # committed on the vault's connection
        assert [r[0] for r in c.execute("SELECT title FROM testimonies")] == ["before"]
        with pytest.raises(sqlcipher3.OperationalError, match="readonly"):
            c.execute("DELETE FROM testimonies")
    assert sorted(s.title for s in repo.list(snapshot=True)) == ["before", "meanwhile"]
    assert repo.list(snapshot=True) == repo.list()


def _endless_read(vault: Vault, result: list[Any], **kwargs: Any) -> threading.Thread:
    started = threading.Event()

    def read() -> None:
        try:
            with vault.snapshot(**kwargs) as c:
                started.set()
                result.append(c.execute(ENDLESS).fetchone())
        except BaseException as exc:  # the test looks at it
            result.append(exc)
        finally:
            started.set()

    thread = threading.Thread(target=read)
    thread.start()
    assert started.wait(30)
    return thread


def test_locking_the_vault_stops_a_snapshot_read(vault: Vault) -> None:
    result: list[Any] = []
    thread = _endless_read(vault, result)
    vault.close()
    thread.join(60)
    assert not thread.is_alive()
    assert len(result) == 1 and isinstance(result[0], Exception), result
    assert "interrupt" in str(result[0]).lower()
    with pytest.raises(VaultLockedError), vault.snapshot():
        pass


def test_cancelling_stops_a_snapshot_read(vault: Vault) -> None:
    cancel = threading.Event()
    result: list[Any] = []
    thread = _endless_read(vault, result, cancelled=cancel.is_set)
    cancel.set()
    thread.join(60)
    assert not thread.is_alive()
    assert len(result) == 1 and isinstance(result[0], Exception), result
    assert vault.is_open  # only the read stopped
    with vault.reading() as c:
        assert c.execute("SELECT count(*) FROM testimonies").fetchone()[0] == 0


def test_a_read_begun_after_the_vault_locked_is_stopped_too(vault: Vault) -> None:
    """The interruption at locking reaches only statements running then: one the worker
    starts a moment later is stopped by the snapshot's own check."""
    with vault.snapshot() as c:
        vault.close()
        with pytest.raises(sqlcipher3.OperationalError, match="interrupt"):
            c.execute(ENDLESS).fetchone()
