"""Measurements at scale, each in a fresh process with the app's own settings (issue 19).

``python -m benchmarks.scale_measure MODE VAULT BUILD_JSON [BUNDLE...]`` prints one JSON
line (``BUILD_JSON``: what scale_build wrote, with the search queries):

* ``core``: open the vault (the key derivation timed apart), the list query (the first
  rows a big vault's window reads before it shows, and the whole list), search
  (typical queries: median and p95; the most common words: worst) as the search
  benchmark measures it;
* ``gui``: offscreen, the vault opened as the unlock dialog does, then the window the
  controller shows (HQ workspace or interviewer main window) until its table has painted
  rows (``window_s``; a big vault's first rows) and until the whole list is loaded
  (``loaded_s``: sorting by any column, complete filters; the same for a small vault);
  the filters (interviewer) or a search (HQ); switching testimonies in the list;
* ``bundle``: an interviewer vault writes one more small real bundle (``VAULT USB``);
* ``import``: that bundle imported into the HQ vault.

Every mode reports its peak RSS (``VmHWM``: the address space's own high-water mark).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.scale_build import PASS

SWITCHES = 20
FIRST_ROWS = 200  # as gui/widgets/list_loader.py (not imported: core mode loads no Qt)


def vm_hwm_mib() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def cpu_s() -> float:
    """CPU seconds of this process (user + system, all threads): less sensitive than
    wall-clock time to the other processes of a shared machine."""
    t = os.times()
    return t.user + t.system


def p95(values: list[float]) -> float:
    """As bench_search: the value at 95 % of the sorted list."""
    return sorted(values)[max(0, int(len(values) * 0.95) - 1)]


def timed_open(folder: Path) -> tuple[Any, float, float]:
    """The vault, the seconds to open it, and the seconds of them spent deriving the key
    (Argon2id + unwrapping the master key), timed by wrapping the key slot's function."""
    from nam_desktop.core.crypto import keyslot
    from nam_desktop.core.vault import vault as vault_mod

    spent: list[float] = []
    inner = keyslot.load_and_unwrap

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        t = time.perf_counter()
        try:
            return inner(*args, **kwargs)
        finally:
            spent.append(time.perf_counter() - t)

    vault_mod.keyslot.load_and_unwrap = wrapper  # type: ignore[assignment]
    try:
        start = time.perf_counter()
        vault = vault_mod.Vault.open(folder, PASS)
        total = time.perf_counter() - start
    finally:
        vault_mod.keyslot.load_and_unwrap = inner  # type: ignore[assignment]
    return vault, total, sum(spent)


def core(folder: Path, queries: dict[str, list[str]]) -> dict[str, Any]:
    from nam_desktop.core.model.repository import TestimonyRepository
    from nam_desktop.core.model.search import search

    vault, open_s, kdf_s = timed_open(folder)
    repo = TestimonyRepository(vault)
    listing, first = [], []
    rows = 0
    for _ in range(3):
        t = time.perf_counter()
        repo.count()
        repo.list_first(FIRST_ROWS)  # what a big vault's window reads before it shows
        first.append(time.perf_counter() - t)
        t = time.perf_counter()
        rows = len(repo.list())
        listing.append(time.perf_counter() - t)
    typical, common = [], []
    hits = 0
    with vault.reading() as c:
        for q in queries["typical"]:
            t = time.perf_counter()
            search(c, q, limit=100, snippets=20)
            typical.append((time.perf_counter() - t) * 1000)
        for q in queries["common"]:
            t = time.perf_counter()
            hits = len(search(c, q, limit=100, snippets=20))
            common.append((time.perf_counter() - t) * 1000)
    vault.close()
    return {"open_s": open_s, "kdf_s": kdf_s, "list_s": statistics.median(listing),
            "first_s": statistics.median(first),
            "list_rows": rows, "search_ms_median": statistics.median(typical),
            "search_ms_p95": p95(typical), "search_ms_common": max(common),
            "search_hits_common": hits, "rss_mib": vm_hwm_mib()}


def _settle(app: Any) -> None:
    """Run the event loop until nothing is pending (layout, paint of the shown rows)."""
    app.processEvents()
    app.processEvents()


def _paint_watch_class() -> Any:
    from PySide6.QtCore import QEvent, QObject

    class PaintWatch(QObject):
        """Counts the table's paints that had rows to paint."""

        def __init__(self) -> None:
            super().__init__()
            self.painted_rows = 0
            self._window: Any = None

        def watch(self, window: Any) -> None:
            self._window = window
            window.table.viewport().installEventFilter(self)

        def eventFilter(self, _watched: Any, event: Any) -> bool:  # Qt override
            if event.type() == QEvent.Type.Paint and self._window is not None \
                    and self._window.proxy.rowCount():
                self.painted_rows += 1
            return False

    return PaintWatch


def gui(folder: Path, queries: dict[str, list[str]]) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from nam_desktop.core.crypto.kdf import MINIMUM_PARAMS
    from nam_desktop.gui.hq.hq_window import HqWindow
    from nam_desktop.gui.startup.app_controller import AppController
    from nam_desktop.gui.startup.unlock_dialog import UnlockDialog
    from nam_desktop.gui.widgets.context import AppContext
    from nam_desktop.gui.widgets.gui_gc import GuiGarbageCollector
    from nam_desktop.gui.widgets.i18n import TranslationManager
    from nam_desktop.gui.widgets.settings_store import SettingsStore
    from nam_desktop.gui.widgets.style import apply_style
    from nam_desktop.gui.widgets.workers import TaskRunner
    from nam_desktop.paths import resolve_paths

    app = QApplication(["nam-desktop-bench"])
    collector = GuiGarbageCollector(app)  # as the app does (main.start_gui)
    collector.install()
    apply_style(app)
    home = Path(tempfile.mkdtemp(prefix="nam-bench-gui-"))
    paths = resolve_paths(home)
    paths.ensure()
    store = SettingsStore(paths.config)
    ctx = AppContext(paths, store, store.load(), TaskRunner(), TranslationManager(app),
                     kdf=MINIMUM_PARAMS)
    ctx.prompter.headless = True
    controller = AppController(ctx, app)
    unlock = UnlockDialog(ctx)  # on screen while the key is derived, as in the app
    unlock.show()
    _settle(app)

    vault, open_s, kdf_s = timed_open(folder)
    painted = _paint_watch_class()()
    start, cpu = time.perf_counter(), cpu_s()
    controller._on_vault_ready(vault)  # what the unlock dialog's `unlocked` signal runs
    unlock.hide()
    window = controller.window
    assert window is not None
    painted.watch(window)
    _settle(app)
    while not painted.painted_rows:  # the table painted with rows in it
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    shown_s, shown_cpu = time.perf_counter() - start, cpu_s() - cpu
    first_rows = window.proxy.rowCount()
    # A person selects one of the first rows while the rest loads (counted in loaded_s).
    while_loading_ms = -1.0
    if window.list_loader.loading:
        t = time.perf_counter()
        window.table.setCurrentIndex(window.proxy.index(min(5, first_rows - 1), 0))
        _settle(app)
        while_loading_ms = (time.perf_counter() - t) * 1000
    # A big vault's window shows the first rows, then reads the whole list off the GUI
    # thread (ListLoader): sorting and complete filtering wait for it. Both are reported.
    # The waits sleep until an event comes (the collector's timer wakes them every 100
    # ms): processEvents with a time limit polls without sleeping, and its busy loop
    # took the interpreter from the task for seconds.
    while window.list_loader.loading:
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    _settle(app)
    loaded_s, loaded_cpu = time.perf_counter() - start, cpu_s() - cpu
    rows = window.proxy.rowCount()
    out: dict[str, Any] = {"open_s": open_s, "kdf_s": kdf_s, "window_s": shown_s,
                           "window_cpu_s": shown_cpu, "first_rows": first_rows,
                           "switch_while_loading_ms": while_loading_ms,
                           "after_key_s": open_s - kdf_s + shown_s,
                           "loaded_s": loaded_s, "loaded_cpu_s": loaded_cpu,
                           "loaded_after_key_s": open_s - kdf_s + loaded_s,
                           "rows": rows}

    if isinstance(window, HqWindow):
        searches = []
        for q in queries["typical"][:10]:
            t = time.perf_counter()
            window.search_pane.field.setText(q)
            window.search_pane.run_search()
            _settle(app)
            searches.append((time.perf_counter() - t) * 1000)
        window.search_pane.field.setText("")
        window.search_pane.run_search()
        _settle(app)
        out["gui_search_ms_median"] = statistics.median(searches)
    else:
        out["filter_ms"] = _filters(app, window)

    rng = random.Random(19)
    switches, switch_cpu = [], []
    for row in rng.sample(range(window.proxy.rowCount()), min(SWITCHES, rows)):
        index = window.proxy.index(row, 0)
        t, cpu = time.perf_counter(), cpu_s()
        window.table.setCurrentIndex(index)
        _settle(app)
        switches.append((time.perf_counter() - t) * 1000)
        switch_cpu.append((cpu_s() - cpu) * 1000)
    out.update({"switch_ms_median": statistics.median(switches), "switch_ms_p95": p95(switches),
                "switch_ms_max": max(switches),
                "switch_cpu_ms_median": statistics.median(switch_cpu),
                "rss_mib": vm_hwm_mib()})
    controller.lock()
    _settle(app)
    controller.shutdown()
    collector.uninstall()
    shutil.rmtree(home, ignore_errors=True)
    return out


def _filters(app: Any, window: Any) -> dict[str, float]:
    """Each filter of the interviewer's list set, then all cleared again."""
    steps = {
        "status_final": lambda: window.status_filter.setCurrentIndex(2),
        "type": lambda: window.type_filter.setCurrentIndex(1),
        "date_from": lambda: window.date_from.setText("2023-01-01"),
        "cleared": lambda: (window.status_filter.setCurrentIndex(0),
                            window.type_filter.setCurrentIndex(0),
                            window.date_from.setText("")),
    }
    times = {}
    for name, step in steps.items():
        t = time.perf_counter()
        step()
        _settle(app)
        times[name] = (time.perf_counter() - t) * 1000
    return times


def one_more_bundle(iv_folder: Path, usb: Path) -> dict[str, Any]:
    """The interviewer adds three testimonies (one with a corpus photo), finalises them
    and writes a bundle: what HQ imports next."""
    import io

    from benchmarks.scale_build import PHOTO, Words, draft
    from nam_desktop.core.exchange import export
    from nam_desktop.core.model.attachments import AttachmentService
    from nam_desktop.core.model.repository import TestimonyRepository
    from nam_desktop.core.vault.vault import Vault

    words = Words(random.Random(time.time_ns()), length=20_000)
    with Vault.open(iv_folder, PASS) as iv:
        repo = TestimonyRepository(iv)
        codes = sorted(repo.vocabulary_codes())
        made = repo.add_many([draft(words, codes) for _ in range(3)])
        if PHOTO.is_file():
            AttachmentService(iv).attach(made[0], io.BytesIO(PHOTO.read_bytes()), PHOTO.name)
        for tid in made:
            repo.finalize(tid)
        result = export.export_bundle(iv, usb, export.ExportOptions(testimony_ids=tuple(made)))
    return {"paths": [str(p) for p in result.paths], "size": result.size, "seq": result.seq}


def import_one(folder: Path, bundle: list[str]) -> dict[str, Any]:
    from nam_desktop.core.exchange.hq_import import import_bundle

    vault, _, _ = timed_open(folder)
    start = time.perf_counter()
    result = import_bundle(vault, [Path(p) for p in bundle])
    seconds = time.perf_counter() - start
    vault.close()
    return {"import_s": seconds, "new_entries": result.new_entries,
            "testimonies": len(result.testimonies), "flags": result.flags,
            "rss_mib": vm_hwm_mib()}


def main(argv: list[str]) -> int:
    mode, folder = argv[0], Path(argv[1])
    if mode == "bundle":
        print(json.dumps(one_more_bundle(folder, Path(argv[2]))), flush=True)
        return 0
    queries = json.loads(Path(argv[2]).read_text("utf-8"))["queries"]
    if mode == "core":
        result = core(folder, queries)
    elif mode == "gui":
        result = gui(folder, queries)
    else:
        result = import_one(folder, argv[3:])
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
