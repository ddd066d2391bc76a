"""Refresh the Qt Linguist sources and build the binary catalogues.

``python -m nam_desktop.gui.i18n_build`` (``make translations``) runs ``pyside6-lupdate``
over ``nam_desktop/gui/**/*.py`` into ``resources/i18n/nam_{en,ru,be}.ts`` and
``pyside6-lrelease`` to build the ``.qm`` files the app loads. ``--check`` only reports
stale or unfinished catalogues (exit code 1); ``--release`` only builds the ``.qm`` from
the committed ``.ts`` (what ``make run`` does, without touching the ``.ts``).
"""

from __future__ import annotations

import os
import shutil
import subprocess  # runs the Qt tools shipped with PySide6, fixed arguments
import sys
import sysconfig
import tempfile
import xml.etree.ElementTree as ET  # parses our own committed .ts files
from pathlib import Path

from nam_desktop.core.resources import resource_path

LANGUAGES = ("en", "ru", "be")
GUI_DIR = Path(__file__).resolve().parent


def script_dirs() -> list[Path]:
    """Where pip put the Qt tools: beside the interpreter (a venv's ``bin`` or
    ``Scripts``, also when the venv is not activated) and the install scheme's scripts."""
    dirs = [Path(sys.executable).parent, Path(sysconfig.get_path("scripts"))]
    return list(dict.fromkeys(dirs))


def tool(name: str, *, windows: bool = os.name == "nt", dirs: list[Path] | None = None) -> str:
    """The path of a PySide6 tool (``pyside6-lupdate``): ``.exe`` on Windows, looked for
    in the venv first, then on PATH."""
    exe = name + (".exe" if windows else "")
    for folder in script_dirs() if dirs is None else dirs:
        if (folder / exe).is_file():
            return str(folder / exe)
    found = shutil.which(exe)
    if not found:
        raise FileNotFoundError(f"{exe} not found (install PySide6 in this venv)")
    return found


def sources() -> list[str]:
    return sorted(str(p) for p in GUI_DIR.rglob("*.py") if p.name != "i18n_build.py")


def ts_path(language: str, folder: Path | None = None) -> Path:
    return (folder or resource_path("i18n")) / f"nam_{language}.ts"


def lupdate(ts_files: list[Path]) -> None:
    subprocess.run([tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none",  # noqa: S603
                    *sources(), "-ts", *map(str, ts_files)],
                   check=True, capture_output=True)


def lrelease(ts_file: Path) -> Path:
    qm = ts_file.with_suffix(".qm")
    subprocess.run([tool("pyside6-lrelease"), str(ts_file), "-qm", str(qm)],  # noqa: S603
                   check=True, capture_output=True)
    return qm


def messages(ts_file: Path) -> dict[tuple[str, str], tuple[str, list[str]]]:
    """(context, source) -> (translation type, translated forms)."""
    tree = ET.parse(ts_file)  # noqa: S314  # our own file
    out: dict[tuple[str, str], tuple[str, list[str]]] = {}
    for ctx in tree.getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            kind = tr.get("type", "") if tr is not None else "unfinished"
            forms = [f.text or "" for f in tr.iter("numerusform")] if tr is not None else []
            if tr is not None and not forms:
                forms = [tr.text or ""]
            out[(name, msg.findtext("source") or "")] = (kind, forms)
    return out


def problems(folder: Path | None = None, work_dir: Path | None = None) -> list[str]:
    """Stale (code has messages the .ts lacks, or vice versa) or unfinished catalogues."""
    if work_dir is not None:
        return _problems(folder, work_dir)
    with tempfile.TemporaryDirectory() as tmp:  # only copies of our own .ts, no content
        return _problems(folder, Path(tmp))


def _problems(folder: Path | None, tmp: Path) -> list[str]:
    found: list[str] = []
    copies = []
    for lang in LANGUAGES:
        src = ts_path(lang, folder)
        if not src.exists():
            found.append(f"{src.name}: missing")
            continue
        dst = Path(tmp) / src.name
        shutil.copy(src, dst)
        copies.append((src, dst))
    if found:
        return found
    lupdate([dst for _, dst in copies])
    for src, dst in copies:
        before, after = messages(src), messages(dst)
        if set(before) != set(after):
            found.append(f"{src.name}: stale, run `make translations` "
                         f"({len(set(after) - set(before))} new, "
                         f"{len(set(before) - set(after))} gone)")
        for key, (kind, forms) in after.items():
            if kind in ("unfinished", "vanished", "obsolete") or not all(forms):
                found.append(f"{src.name}: unfinished {key[0]}: {key[1][:60]!r}")
    return found


def release(folder: Path | None = None) -> list[Path]:
    """Build every .qm from its committed .ts (the .ts are not changed)."""
    return [lrelease(ts_path(lang, folder)) for lang in LANGUAGES]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if "--release" in args:
        for qm in release():
            print(f"built {qm}")
        return 0
    if "--check" in args:
        issues = problems()
        for line in issues:
            print(line)
        return 1 if issues else 0
    ts_files = [ts_path(lang) for lang in LANGUAGES]
    ts_files[0].parent.mkdir(parents=True, exist_ok=True)
    lupdate(ts_files)
    for ts in ts_files:
        print(f"built {lrelease(ts)}")
    issues = problems()
    for line in issues[:20]:
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
