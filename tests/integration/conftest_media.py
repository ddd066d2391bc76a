"""Helpers for the media corpus tests: corpus location and an exiftool oracle.

Imported by ``test_media_corpus.py`` (not a conftest: ``tests/conftest.py`` belongs to
the vault tests). exiftool runs as one ``-stay_open`` process for the whole session.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pikepdf

REPO_ROOT = Path(__file__).resolve().parents[2]
CORPUS = (REPO_ROOT / ".." / "shared" / "corpus").resolve()

# Tag names (exiftool -G1 "Group:Tag" keys) that identify a person, place or device.
IDENTIFYING_TAG = re.compile(
    r"GPS|Serial|Owner|Artist|Author|Creator(?!Tool)|Copyright|Thumbnail|PreviewImage|JpgFromRaw|UserComment"
    r"|ImageUniqueID|DocumentID|InstanceID|HostComputer|Comment|Lyrics|Picture|CoverArt"
    r"|Company|Manager|LastModifiedBy|By-line|City|Location|Keywords|Description|Title"
    r"|Album|Subject|Composer|Grouping|Contact|Caption|RevisionSession|Nsid|DocId"
    r"|TextLayer|History|Face|Xyz|ISO6709|CompressorName",
    re.IGNORECASE,
)
IDENTIFYING_GROUP = re.compile(
    r"^(GPS|XMP.*|IPTC|Photoshop|MakerNotes|Canon.*|Nikon.*|Olympus.*|Pentax.*|Panasonic.*"
    r"|Sony.*|FujiFilm.*|Samsung.*|Apple.*|ID3.*|APE|Lyrics3|PDF-Info)$"
)
# exiftool keys that are about the file system or the oracle itself, never content.
NEUTRAL_GROUPS = {"ExifTool", "System", "File", "Composite"}
# Standard schema URLs written by every ODF producer.
_SPEC_URLS = ("http://docs.oasis-open.org/", "http://purl.org/", "http://www.w3.org/")
# The colour profile is kept on purpose (its description and copyright are the vendor's).
KEPT_GROUP = re.compile(r"^ICC[-_]")


BLIND_ZIP = "Install Archive::Zip"


class ExifTool:
    """One long-running ``exiftool -stay_open True -@ -`` process."""

    def __init__(self, env: dict[str, str] | None = None) -> None:
        exe = shutil.which("exiftool")
        if exe is None:
            raise RuntimeError("exiftool not installed")
        self.proc = subprocess.Popen(
            [exe, "-stay_open", "True", "-@", "-"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
        )

    def run(self, *args: str) -> str:
        """Run one exiftool command line in the long-running process; its output."""
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(("\n".join([*args, "-execute"]) + "\n").encode())
        self.proc.stdin.flush()
        out = b""
        while not out.endswith(b"{ready}\n"):
            line = self.proc.stdout.readline()
            if not line:
                raise RuntimeError("exiftool exited")
            out += line
        return out[: -len(b"{ready}\n")].decode("utf-8", "replace").strip()

    def read_json(self, path: Path) -> dict[str, Any]:
        text = self.run("-j", "-G1", "-a", "-u", "-ee", "-charset", "filename=utf8", str(path))
        if not text:
            return {}
        data: dict[str, Any] = json.loads(text)[0]
        for key, value in data.items():
            # Without Archive::Zip (Debian: libarchive-zip-perl) exiftool sees nothing
            # inside DOCX/XLSX/PPTX/ODT/ODS: every "nothing identifying left" check
            # would hold trivially. A blind oracle is a failure, never a pass.
            if key.endswith(":Warning") and BLIND_ZIP in str(value):
                raise AssertionError(
                    f"exiftool cannot look inside {path.name}: {value}. Install "
                    "libarchive-zip-perl (Perl's Archive::Zip); .ci/run does.")
        return data

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.write(b"-stay_open\nFalse\n")
            self.proc.stdin.flush()
            self.proc.stdin.close()
        self.proc.wait(timeout=10)
        if self.proc.stdout is not None:
            self.proc.stdout.close()


def identifying_tags(tags: dict[str, Any]) -> dict[str, Any]:
    """The tags of an exiftool -G1 JSON object that count as identifying."""
    found = {}
    for key, value in tags.items():
        group, _, name = key.partition(":")
        if group in NEUTRAL_GROUPS or key == "SourceFile" or KEPT_GROUP.match(group):
            continue
        if name in ("ZipFileName", "CopyrightFlag"):
            continue  # the archive member name; a bit in every MPEG audio frame header
        if IDENTIFYING_GROUP.match(group) or IDENTIFYING_TAG.search(name):
            found[key] = value
    return found


def identifying_strings(tags: dict[str, Any]) -> set[str]:
    """Text values of identifying tags, long and specific enough to search in bytes."""
    out: set[str] = set()
    kept = {str(v) for k, v in tags.items() if KEPT_GROUP.match(k.partition(":")[0])}
    for key, value in identifying_tags(tags).items():
        if "ICC" in key:
            continue  # names the kept colour profile
        values = value if isinstance(value, list) else [value]
        for v in values:
            if not isinstance(v, str) or v.startswith("(Binary data") or v.startswith("base64:"):
                continue
            text = v.strip()
            if text in kept or text.startswith(_SPEC_URLS):
                continue
            if len(text) >= 6 and len(set(text)) >= 4 and not re.fullmatch(r"[\d\s:./+-]+", text):
                out.add(text)
    return out


def byte_views(data: bytes) -> list[bytes]:
    """The output bytes, plus decompressed ZIP members and PDF streams."""
    views = [data]
    if data.startswith(b"PK\x03\x04"):
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            views.extend(zf.read(name) for name in zf.namelist())
    if data.startswith(b"%PDF"):
        with pikepdf.open(io.BytesIO(data)) as pdf:
            for obj in pdf.objects:
                if isinstance(obj, pikepdf.Stream):
                    try:
                        views.append(bytes(obj.read_bytes()))
                    except pikepdf.PdfError:  # e.g. DCT images: search the raw bytes
                        views.append(bytes(obj.read_raw_bytes()))
    return views


_METADATA_MEMBER = re.compile(r"^(docProps/|customXml/|meta\.xml$|settings\.xml$)")


def content_text(data: bytes) -> bytes:
    """For ZIP documents: the members that are document content (not properties).
    A property value repeated in the text (a title as first heading) is content."""
    if not data.startswith(b"PK\x03\x04"):
        return b""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return b"\n".join(zf.read(n) for n in zf.namelist() if not _METADATA_MEMBER.match(n))
