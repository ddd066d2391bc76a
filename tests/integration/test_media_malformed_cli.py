"""A PNG whose IHDR is shorter than 8 bytes, through the real entry point: no
traceback in `media inspect`, `media clean` or `attach`; the documented exit code for a
malformed file (2, docs/cli.md) and a one-line message naming the problem."""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import zlib
from pathlib import Path

from nam_desktop.cli import EXIT_BAD_INPUT


def _chunk(ctype: bytes, body: bytes) -> bytes:
    return struct.pack(">L", len(body)) + ctype + body + struct.pack(">L", zlib.crc32(ctype + body))


SHORT_IHDR = b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", b"\x00\x00\x00\x01") + _chunk(b"IEND", b"")


def _run(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "nam_desktop", *map(str, args)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_short_ihdr_is_a_malformed_file_everywhere(tmp_path: Path) -> None:
    png = tmp_path / "short.png"
    png.write_bytes(SHORT_IHDR)
    env = {**os.environ, "NAM_PASSPHRASE": "correct horse battery"}
    vault = tmp_path / "v"
    assert _run("vault", "init", vault, "--fast-kdf", env=env).returncode == 0
    doc = tmp_path / "t.json"
    doc.write_text(json.dumps({"title": "t", "narrative": "n"}), "utf-8")
    added = _run("testimony", "add", vault, "--json", doc, env=env)
    assert added.returncode == 0, added.stderr
    tid = added.stdout.strip().splitlines()[-1]
    for args in (
        ("media", "inspect", png),
        ("media", "clean", png, tmp_path / "out.png"),
        ("attach", vault, tid, png),
    ):
        done = _run(*args, env=env)
        assert done.returncode == EXIT_BAD_INPUT, (args, done.stdout, done.stderr)
        assert "Traceback" not in done.stderr + done.stdout
        assert "IHDR" in done.stderr + done.stdout, args
    assert not (tmp_path / "out.png").exists()
