"""The Mach-O reader that derives and checks LSMinimumSystemVersion, on hand-made
binaries laid out as <mach-o/loader.h> and <mach-o/fat.h> say (fixed vectors), and the
lock files the Windows/macOS builds install from."""

from __future__ import annotations

import importlib.util
import plistlib
import re
import struct
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[3]


def load(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


m = load(ROOT / "packaging" / "macos" / "macho_minos.py", "macho_minos")
ARM64, X86_64 = 0x0100000C, 0x01000007


def build_version(major: int, minor: int, platform: int = 1) -> bytes:
    # struct build_version_command: cmd, cmdsize, platform, minos, sdk, ntools
    return struct.pack("<6I", 0x32, 24, platform, major << 16 | minor << 8, 15 << 16, 0)


def version_min(major: int, minor: int) -> bytes:
    # struct version_min_command: cmd, cmdsize, version, sdk
    return struct.pack("<4I", 0x24, 16, major << 16 | minor << 8, 11 << 16)


SEGMENT = struct.pack("<II", 0x19, 72) + bytes(64)  # an LC_SEGMENT_64 to skip over


def thin64(cpu: int, *commands: bytes) -> bytes:
    body = b"".join(commands)
    # struct mach_header_64: magic, cputype, cpusubtype, filetype, ncmds, sizeofcmds,
    # flags, reserved (little-endian on disk: cf fa ed fe)
    return struct.pack("<IiIIIIII", 0xFEEDFACF, cpu, 0, 6, len(commands), len(body), 0,
                       0) + body


def fat(*thins: tuple[int, bytes]) -> bytes:
    header = struct.pack(">II", 0xCAFEBABE, len(thins))
    offset, entries, blobs = 4096, b"", b""
    for cpu, blob in thins:
        entries += struct.pack(">iIIII", cpu, 0, offset, len(blob), 12)
        pad = (-(offset + len(blob))) % 4096
        blobs += blob + bytes(pad)
        offset += len(blob) + pad
    head = header + entries
    return head + bytes(4096 - len(head)) + blobs


def test_thin_arm64_with_build_version() -> None:
    data = thin64(ARM64, SEGMENT, build_version(14, 0))
    assert m.slices(data) == [m.Slice("arm64", m.Version(14, 0))]


def test_universal_binary_has_one_minimum_per_architecture() -> None:
    data = fat((X86_64, thin64(X86_64, version_min(10, 13), SEGMENT)),
               (ARM64, thin64(ARM64, build_version(11, 0))))
    assert m.slices(data) == [m.Slice("x86_64", m.Version(10, 13)),
                              m.Slice("arm64", m.Version(11, 0))]


def test_ios_build_versions_and_non_mach_o_files_are_ignored(tmp_path: Path) -> None:
    assert m.slices(thin64(ARM64, build_version(17, 0, platform=2))) == [
        m.Slice("arm64", None)]
    java = struct.pack(">IHH", 0xCAFEBABE, 0, 52) + bytes(64)  # a class file, same magic
    assert m.slices(java) == []
    (tmp_path / "text.txt").write_bytes(b"hello world, not a binary")
    assert m.read_slices(tmp_path / "text.txt") == []


def make_app(tmp_path: Path, declared: str, binaries: dict[str, bytes]) -> Path:
    app = tmp_path / "NAM Desktop.app"
    (app / "Contents" / "MacOS").mkdir(parents=True)
    with (app / "Contents" / "Info.plist").open("wb") as fh:
        plistlib.dump({"LSMinimumSystemVersion": declared}, fh)
    for rel, blob in binaries.items():
        path = app / "Contents" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(blob)
    return app


BUNDLE = {
    "MacOS/nam-desktop": fat((X86_64, thin64(X86_64, version_min(10, 13))),
                             (ARM64, thin64(ARM64, build_version(11, 0)))),
    "Frameworks/QtCore": fat((X86_64, thin64(X86_64, build_version(14, 0))),
                             (ARM64, thin64(ARM64, build_version(14, 0)))),
    "Frameworks/pikepdf/_core.so": thin64(ARM64, build_version(15, 0)),
    "Resources/base_library.zip": b"PK\x03\x04 not mach-o",
}


def test_highest_minimum_of_what_is_bundled(tmp_path: Path) -> None:
    app = make_app(tmp_path, "14.0", BUNDLE)
    version, path = m.highest(m.files_under(app), "arm64")
    assert version == m.Version(15, 0) and path.name == "_core.so"
    assert m.highest(m.files_under(app), "x86_64")[0] == m.Version(14, 0)


def test_check_fails_when_the_plist_promises_too_old_a_macos(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]
                                                            ) -> None:
    app = make_app(tmp_path, "12.0", BUNDLE)
    assert m.main(["check", str(app), "--arch", "arm64"]) == 1
    out = capsys.readouterr().out
    assert "needs macOS 15.0: Contents/Frameworks/pikepdf/_core.so" in out
    assert "needs macOS 14.0: Contents/Frameworks/QtCore" in out
    app15 = make_app(tmp_path / "ok", "15.0", BUNDLE)
    assert m.main(["check", str(app15), "--arch", "arm64"]) == 0


def test_versions_compare_as_numbers() -> None:
    assert m.Version.parse("10.13") > m.Version.parse("10.9.5")
    assert m.Version.parse("11") > m.Version.parse("10.15.7")
    assert str(m.Version.decode(0x000E0100)) == "14.1"


@pytest.mark.parametrize("name", ["windows-x64", "macos-arm64", "macos-x86_64"])
def test_lock_files_are_hashed_wheels_for_every_dependency(name: str) -> None:
    import tomllib

    text = (ROOT / "packaging" / "requirements" / f"{name}.txt").read_text("utf-8")
    pins = {}
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        found = re.fullmatch(r"([A-Za-z0-9_.-]+)==(\S+) --hash=sha256:([0-9a-f]{64})", line)
        assert found, line
        pins[found[1].lower().replace("_", "-")] = found[2]
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"][
        "dependencies"]
    for dep in deps:
        wanted = re.split(r"[<>=!~ ]", dep, maxsplit=1)[0].lower()
        assert wanted in pins, f"{name}: {wanted} not locked"
    assert pins["pyinstaller"] == "6.22.3" and pins["sqlcipher3"] == "0.6.4"


def test_lock_text_from_a_pip_report() -> None:
    lock = load(ROOT / "packaging" / "lock_requirements.py", "lock_requirements")
    report = {"install": [
        {"metadata": {"name": "Zeta", "version": "1.0"},
         "download_info": {"url": "https://x/zeta-1.0-py3-none-any.whl",
                           "archive_info": {"hashes": {"sha256": "a" * 64}}}},
        {"metadata": {"name": "alpha", "version": "2.0"},
         "download_info": {"url": "https://x/alpha-2.0-cp311-cp311-win_amd64.whl",
                           "archive_info": {"hashes": {"sha256": "b" * 64}}}}]}
    lines = lock.lock_text(report, "windows-x64").splitlines()
    assert lines[2:] == [f"alpha==2.0 --hash=sha256:{'b' * 64}",
                         f"Zeta==1.0 --hash=sha256:{'a' * 64}"]
    report["install"][0]["download_info"]["url"] = "https://x/zeta-1.0.tar.gz"
    with pytest.raises(SystemExit, match="not a wheel"):
        lock.lock_text(report, "windows-x64")
