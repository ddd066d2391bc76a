"""Source rule: binary files are created, opened, synced and replaced only by core/fileio.

On Windows ``os.open`` without ``O_BINARY`` writes ``\\r\\n`` for every ``\\n`` byte, and
``os.fsync`` needs a writable descriptor; one module gets that right, and this test keeps
every other module from doing it by hand. The rule, over every ``.py`` of ``nam_desktop``
except ``core/fileio.py``:

* no call of ``os.open``, ``os.fdopen``, ``os.fsync``, ``os.fdatasync``, ``os.replace``,
  ``os.rename``, ``io.open``, ``io.FileIO`` or ``Path.write_bytes``;
* ``open(...)`` / ``x.open(...)`` with a literal file mode: a binary mode (``b``) or a
  writing mode (``w``, ``a``, ``x``, ``+``) is refused; a text read must name its
  ``encoding=``; the builtin ``open`` without a mode is a text read and needs it too;
* ``read_text``/``write_text`` must name their encoding.

``Path.read_bytes`` stays allowed: Python always reads it in binary mode and it cannot
write anything.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[3] / "nam_desktop"
OWNER = PACKAGE / "core" / "fileio.py"
FORBIDDEN_OS = {"open", "fdopen", "fsync", "fdatasync", "replace", "rename"}
FILE_MODE = re.compile(r"^[rwxabt+]{1,4}$")


def _mode(call: ast.Call, builtin: bool) -> str | None:
    for kw in call.keywords:
        if kw.arg == "mode" and isinstance(kw.value, ast.Constant):
            return str(kw.value.value)
    index = 1 if builtin else 0
    if len(call.args) > index and isinstance(call.args[index], ast.Constant):
        value = call.args[index].value
        return value if isinstance(value, str) else None
    return None


def _has_encoding(call: ast.Call, position: int) -> bool:
    return any(kw.arg == "encoding" for kw in call.keywords) or len(call.args) > position


def violations(source: str, name: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source, name)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        where = f"{name}:{node.lineno}"
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
            if func.value.id == "os" and func.attr in FORBIDDEN_OS:
                found.append(f"{where}: os.{func.attr} (use nam_desktop.core.fileio)")
                continue
            if func.value.id == "io" and func.attr in ("open", "FileIO"):
                found.append(f"{where}: io.{func.attr} (use nam_desktop.core.fileio)")
                continue
        if isinstance(func, ast.Attribute) and func.attr == "write_bytes":
            found.append(f"{where}: write_bytes (use fileio.atomic_write)")
            continue
        if isinstance(func, ast.Attribute) and func.attr in ("read_text", "write_text"):
            if not _has_encoding(node, 0 if func.attr == "read_text" else 1):
                found.append(f"{where}: {func.attr} without an encoding")
            continue
        builtin = isinstance(func, ast.Name) and func.id == "open"
        if not (builtin or (isinstance(func, ast.Attribute) and func.attr == "open")):
            continue
        mode = _mode(node, builtin)
        if mode is None:
            if builtin and not _has_encoding(node, 3):
                found.append(f"{where}: open() without a mode or an encoding")
            continue
        if not FILE_MODE.match(mode):
            continue
        if "b" in mode or any(c in mode for c in "wax+"):
            found.append(f"{where}: open(..., {mode!r}) (use nam_desktop.core.fileio)")
        elif not _has_encoding(node, 3 if builtin else 2):
            found.append(f"{where}: text open(..., {mode!r}) without an encoding")
    return found


def test_only_fileio_opens_syncs_and_replaces_files() -> None:
    found: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path == OWNER:
            continue
        found += violations(path.read_text("utf-8"), str(path.relative_to(PACKAGE.parent)))
    assert found == []


def test_the_rule_catches_each_kind_of_mistake() -> None:
    bad = """
import os, io
fd = os.open(p, os.O_WRONLY)
f = os.fdopen(fd, "wb")
os.fsync(fd)
os.replace(a, b)
io.open(p, "rb")
open(p, "wb")
open(p, "rb")
open(p)
open(p, "r")
path.open("ab")
path.open("rb", buffering=0)
path.open(mode="w", encoding="utf-8")
path.write_bytes(b"x")
path.read_text()
path.write_text("x")
"""
    found = violations(bad, "bad.py")
    assert [int(v.split(":")[1]) for v in found] == list(range(3, 18))
    good = """
open(p, "r", encoding="utf-8")
open(p, encoding="utf-8")
path.open("r", encoding="utf-8")
path.read_text("utf-8")
path.read_text(encoding="utf-8")
path.write_text("x", "utf-8")
path.read_bytes()
zf.open(info)
Vault.open(folder, passphrase)
buffer.open(QIODevice.OpenModeFlag.ReadOnly)
"""
    assert violations(good, "good.py") == []
