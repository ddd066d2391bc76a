"""The CLI imports a command's module only when that command runs (start-up time): every
documented command is still reachable, with its help, and nothing heavy is imported on
the way to ``--version`` or ``media inspect``."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from nam_desktop.cli import build_parser, run
from nam_desktop.commands import COMMANDS

ROOT = Path(__file__).resolve().parents[3]
#: Documents whose "Commands" sections list commands in tables, and documents whose
#: indented usage lines show a command (``    nam-desktop summary DIR ...``).
TABLES = [ROOT / "docs" / "cli.md", ROOT / "docs" / "bundle-format.md"]
USAGE_LINES = [ROOT / "docs" / "summary.md"]


def _documented_commands() -> set[tuple[str, ...]]:
    """``(command,)`` or ``(command, action)`` as the docs show them."""
    found: set[tuple[str, ...]] = set()
    for doc in TABLES:
        in_commands = False
        for line in doc.read_text("utf-8").splitlines():
            if line.startswith("#"):
                in_commands = "Commands" in line
            m = re.match(r"\| `([a-z][a-z-]*)(?: ([a-z][a-z-]*))?[ `]", line)
            if in_commands and m:
                found.add(tuple(w for w in m.groups() if w))
    for doc in USAGE_LINES:
        for line in doc.read_text("utf-8").splitlines():
            m = re.match(r"\s+nam-desktop ([a-z][a-z-]*) ", line)
            if m:
                found.add((m.group(1),))
    return found


def _subcommands(parser: object) -> dict[str, object]:
    import argparse

    assert isinstance(parser, argparse.ArgumentParser)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def test_the_table_lists_what_the_modules_register_with_the_same_help() -> None:
    import argparse

    full = build_parser()
    sub = next(a for a in full._actions if isinstance(a, argparse._SubParsersAction))
    registered = {c.dest: c.help for c in sub._choices_actions}
    assert list(registered) == list(COMMANDS)  # same names, same order in --help
    assert registered == {name: help_text for name, (_path, help_text) in COMMANDS.items()}


def test_every_documented_command_is_reachable() -> None:
    documented = _documented_commands()
    assert ("media", "clean") in documented and ("hq", "import") in documented
    assert {words[0] for words in documented} == set(COMMANDS)
    for words in sorted(documented):
        parser = build_parser(list(words))
        commands = _subcommands(parser)
        assert words[0] in commands, words
        if len(words) == 2:  # a subcommand, or a word the command's usage names
            # (``summary verify FILE.pdf``: the first positional is the word or a folder)
            sub = commands[words[0]]
            assert words[1] in _subcommands(sub) or (
                f"nam-desktop {words[0]} {words[1]} " in sub.format_usage()), words  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_help_of_every_command(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        run([name, "--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: nam-desktop {name}")


def test_top_level_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        run(["--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    for name, (_path, help_text) in COMMANDS.items():
        assert re.search(rf"^    {name}\b", out, re.MULTILINE), name
        assert help_text in " ".join(out.split()), name


def test_an_unknown_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        run(["no-such-command"])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "invalid choice: 'no-such-command'" in err
    assert "'vault'" in err and "'hq'" in err


def _modules_after(argv: list[str]) -> set[str]:
    """Modules loaded by a fresh interpreter that ran the CLI's entry point with argv."""
    code = (
        "import sys, json\n"
        "from nam_desktop.app import main\n"
        "try:\n"
        f"    main({argv!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        "sys.__stderr__.write('\\n' + json.dumps(sorted(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=60)
    return set(json.loads(out.stderr.strip().splitlines()[-1]))


HEAVY = ("PySide6", "PIL", "pikepdf", "reportlab", "mutagen", "lxml", "sqlcipher3",
         "cryptography", "argon2", "pyrage", "nam_desktop.gui", "nam_desktop.core.vault",
         "nam_desktop.core.exchange", "nam_desktop.core.model")


def _heavy(modules: set[str]) -> set[str]:
    return {m for m in modules if m.startswith(HEAVY)}


def test_version_imports_no_command_and_no_library() -> None:
    modules = _modules_after(["--version"])
    # exit_codes: the table of numbers every command shares (constants, no imports)
    assert not {m for m in modules if m.startswith("nam_desktop.commands.")} - {
        "nam_desktop.commands.exit_codes"}
    assert not _heavy(modules)
    assert "nam_desktop.paths" not in modules  # the CLI keeps no files of its own
    # Logging is set up only when a command runs; the help formatter needs no shutil.
    assert not {"logging", "shutil", "hashlib"} & modules
    assert not STARTUP_LEFT_OUT & modules


#: What `media inspect` and `media clean` of a JPEG (and so every command's start) do
#: without (issue 19): logging is imported only to write a line (with traceback,
#: linecache, tokenize, threading), the media types are plain classes (dataclasses
#: imports inspect, ast, dis), and annotations need no typing.
STARTUP_LEFT_OUT = frozenset({"logging", "traceback", "linecache", "tokenize", "threading",
                              "dataclasses", "inspect", "ast", "dis", "typing"})


@pytest.mark.corpus
def test_media_inspect_of_a_jpeg_loads_only_what_a_jpeg_needs(tmp_path: Path) -> None:
    photo = ROOT.parent / "shared" / "corpus" / "exif-samples" / "jpg" / "gps" / "DSCN0010.jpg"
    if not photo.is_file():
        pytest.skip("corpus not found")
    modules = _modules_after(["media", "inspect", str(photo)])
    assert "nam_desktop.core.media.jpeg" in modules  # it did the work
    assert not _heavy(modules)
    commands = {m for m in modules if m.startswith("nam_desktop.commands.")}
    assert commands == {"nam_desktop.commands.media", "nam_desktop.commands.exit_codes"}
    for other in ("pdf", "audio", "office", "video", "heif", "zipdoc"):
        assert f"nam_desktop.core.media.{other}" not in modules
    # a JPEG is not a ZIP; temp names need os.urandom, not secrets (hmac, OpenSSL, random)
    assert not {"zipfile", "secrets", "hmac", "random", "hashlib"} & modules
    assert not STARTUP_LEFT_OUT & modules


@pytest.mark.corpus
def test_media_clean_of_a_jpeg_loads_only_what_a_jpeg_needs(tmp_path: Path) -> None:
    photo = ROOT.parent / "shared" / "corpus" / "exif-samples" / "jpg" / "gps" / "DSCN0010.jpg"
    if not photo.is_file():
        pytest.skip("corpus not found")
    out = tmp_path / "clean.jpg"
    modules = _modules_after(["media", "clean", str(photo), str(out)])
    assert out.is_file()  # it did the work
    assert not _heavy(modules)
    assert "nam_desktop.core.media.batch" not in modules  # one file: no pool, no batch
    assert not {"zipfile", "secrets", "hmac", "random", "multiprocessing"} & modules
    assert not STARTUP_LEFT_OUT & modules


@pytest.mark.corpus
@pytest.mark.skipif(not hasattr(os, "fork"), reason="workers are forked only where fork is")
def test_media_clean_of_a_folder_forks_its_workers_without_multiprocessing(
    tmp_path: Path,
) -> None:
    photo = ROOT.parent / "shared" / "corpus" / "exif-samples" / "jpg" / "gps" / "DSCN0010.jpg"
    if not photo.is_file():
        pytest.skip("corpus not found")
    copies = []
    for i in range(40):
        copy = tmp_path / f"p{i}.jpg"
        copy.write_bytes(photo.read_bytes())
        copies.append(str(copy))
    out = tmp_path / "out"
    modules = _modules_after(["media", "clean", *copies, "--out-dir", str(out), "--jobs", "2"])
    assert sorted(p.name for p in out.iterdir()) == sorted(Path(c).name for c in copies)
    assert "nam_desktop.core.media.batch_fork" in modules  # --jobs 2: two forked workers
    assert not _heavy(modules)
    assert not {"multiprocessing", "concurrent.futures", "socket", "tempfile"} & modules
    assert not (STARTUP_LEFT_OUT - {"threading"}) & modules  # threads name the copies


@pytest.mark.parametrize("columns", ["60", "100", "", "nonsense", "0"])
def test_help_is_as_wide_as_argparse_makes_it(columns: str,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI's formatter measures the terminal without shutil, the same way."""
    import argparse

    from nam_desktop.cli import _Formatter

    monkeypatch.setenv("COLUMNS", columns)
    assert _Formatter("nam-desktop")._width == argparse.HelpFormatter("nam-desktop")._width
    for name in ("media", "hq"):
        ours = build_parser([name])
        theirs = build_parser([name])
        for parser in (theirs, *_subcommands(theirs).values()):
            assert isinstance(parser, argparse.ArgumentParser)
            parser.formatter_class = argparse.HelpFormatter
        assert ours.format_help() == theirs.format_help()
        assert _subcommands(ours)[name].format_help() == \
            _subcommands(theirs)[name].format_help()


def test_help_before_a_command_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        run(["-h", "media"])
    lazy = capsys.readouterr().out
    assert lazy == build_parser().format_help()
    assert all(f"    {name}" in lazy for name in COMMANDS)
