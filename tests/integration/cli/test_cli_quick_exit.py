"""`media inspect`, `media clean IN OUT` and `media clean FILE... --out-dir`, run as the
program, end the process as soon as their output is out, without the interpreter's
teardown (nam_desktop.app._end_process): the output is complete, the exit code is the
command's, the cleaned copies are written and clean (exiftool as the oracle). Other
commands, failures and in-process calls of ``main(argv)`` end the usual way."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

TEARDOWN = "TEARDOWN-RAN"


def _program(*argv: str | Path, stdout: int | None = subprocess.PIPE
             ) -> subprocess.CompletedProcess[str]:
    """The CLI as the console script runs it (``sys.exit(main())``, argv from sys.argv),
    with an exit handler that says whether the interpreter's teardown ran."""
    code = (
        "import atexit, sys\n"
        f"atexit.register(lambda: sys.stderr.write({TEARDOWN!r}))\n"
        f"sys.argv = ['nam-desktop', *{[str(a) for a in argv]!r}]\n"
        "from nam_desktop.app import main\n"
        "sys.exit(main())\n"
    )
    return subprocess.run([sys.executable, "-c", code], stdout=stdout,
                          stderr=subprocess.PIPE, text=True, check=False, timeout=120)


def _exiftool(path: Path) -> dict[str, object]:
    exe = shutil.which("exiftool")
    if exe is None:
        pytest.skip("exiftool not installed")
    out = subprocess.run([exe, "-json", "-G1", "-a", str(path)], capture_output=True,
                         text=True, check=True, timeout=60)
    tags: dict[str, object] = json.loads(out.stdout)[0]
    return tags


@pytest.fixture
def photo(corpus: Path, tmp_path: Path) -> Path:
    dst = tmp_path / "DSCN0010.jpg"
    shutil.copyfile(corpus / "exif-samples" / "jpg" / "gps" / "DSCN0010.jpg", dst)
    return dst


def test_clean_one_file_ends_at_once_with_its_whole_output(photo: Path, tmp_path: Path) -> None:
    before = _exiftool(photo)
    assert any(k.startswith("GPS:") for k in before)  # the oracle sees the location
    out = tmp_path / "out.jpg"
    done = _program("media", "clean", photo, out)
    assert done.returncode == 0, done.stderr
    assert TEARDOWN not in done.stderr  # the process ended right after the command
    lines = done.stdout.splitlines()
    assert lines[0] == "format: jpeg" and "status: clean" in lines
    assert lines[-1].endswith(f"written: {out}")  # the last line is out, flushed
    after = _exiftool(out)
    assert not [k for k in after if k.startswith("GPS:")]
    assert "ExifIFD:SerialNumber" not in after and "MakerNotes:SerialNumber" not in after
    assert not list(tmp_path.glob(".*.tmp"))  # no temp file beside it


def test_json_output_is_complete(photo: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jpg"
    done = _program("media", "clean", "--json", photo, out)
    assert done.returncode == 0 and TEARDOWN not in done.stderr
    doc = json.loads(done.stdout)  # the whole document, not a cut one
    assert doc["status"] == "clean" and doc["written"] == str(out)


def test_nothing_written_keeps_exit_code_3_and_says_so(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("not a picture\n", encoding="utf-8")
    out = tmp_path / "out.txt"
    done = _program("media", "clean", text, out)
    assert done.returncode == 3
    assert "nothing written" in done.stderr and TEARDOWN not in done.stderr
    assert "status: not_checked" in done.stdout
    assert not out.exists()


def test_inspect_ends_at_once_and_a_missing_file_ends_as_before(photo: Path,
                                                                tmp_path: Path) -> None:
    done = _program("media", "inspect", photo)
    assert done.returncode == 0 and TEARDOWN not in done.stderr
    assert done.stdout.splitlines()[-1].startswith("legend:")
    missing = _program("media", "inspect", tmp_path / "nope.jpg")
    assert missing.returncode == 6  # a failure takes the usual way out
    assert TEARDOWN in missing.stderr and "Traceback" not in missing.stderr


def test_a_reader_that_goes_away_gets_no_traceback(photo: Path) -> None:
    with subprocess.Popen(
        [sys.executable, "-m", "nam_desktop", "media", "inspect", str(photo)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.close()  # `| head -0`
        err = proc.stderr.read().decode()
        assert proc.wait(timeout=120) == 0
    assert "Traceback" not in err and "Exception ignored" not in err


def test_the_batch_ends_at_once_once_every_copy_is_named(corpus: Path, tmp_path: Path) -> None:
    photos = sorted((corpus / "exif-samples" / "jpg" / "gps").glob("*.jpg"))[:6]
    assert len(photos) == 6
    out = tmp_path / "many"
    done = _program("media", "clean", *photos, "--out-dir", out, "--jobs", "2")
    assert done.returncode == 0, done.stderr
    assert TEARDOWN not in done.stderr  # ended right after the command
    assert done.stdout.splitlines()[-1] == f"6 of 6 files written verified clean into {out}"
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in photos)  # no temp
    for photo in photos:
        assert not [k for k in _exiftool(out / photo.name) if k.startswith("GPS:")]


def test_a_batch_that_fails_and_in_process_calls_end_the_usual_way(photo: Path,
                                                                   tmp_path: Path) -> None:
    failed = _program("media", "clean", photo, "--out-dir", tmp_path / "no" / "such")
    assert failed.returncode == 2 and TEARDOWN in failed.stderr
    assert "Traceback" not in failed.stderr
    from nam_desktop.app import main

    assert main(["media", "inspect", str(photo)]) == 0  # returns: argv given, not the program


def test_an_existing_out_is_never_overwritten(photo: Path, tmp_path: Path) -> None:
    """As with --out-dir: a typo naming another file (another piece of evidence, or the
    original itself) writes nothing, exit 2, and both files stay as they were."""
    other = tmp_path / "other.jpg"
    other.write_bytes(b"another file, kept as it is")
    original = photo.read_bytes()
    for out in (other, photo):
        done = _program("media", "clean", photo, out)
        assert done.returncode == 2, done.stderr
        assert "nothing written" in done.stderr and "Traceback" not in done.stderr
    assert other.read_bytes() == b"another file, kept as it is"
    assert photo.read_bytes() == original
    assert not list(tmp_path.glob(".*.tmp"))
