"""What a ZIP container holds besides its members' data, found by walking its raw
structure: data stored in directory entries, extra fields, member and archive
comments, bytes before, between and after the members, local headers that disagree
with the central directory, member dates. None of it is copied by the cleaners (the
archive is rebuilt from the member data alone); every finding is reported so the user
sees what was dropped, with needles so the verifier proves it is gone.
"""

from __future__ import annotations

import struct
import zipfile
from dataclasses import dataclass

from nam_desktop.core.errors import MalformedFileError
from nam_desktop.core.media.needles import blob_needles, text_needles
from nam_desktop.core.media.report import MetadataReport, RiskClass

IDF, SEN = RiskClass.IDENTIFYING, RiskClass.SENSITIVE
_LOCAL = b"PK\x03\x04"
_DESCRIPTOR = b"PK\x07\x08"
#: Extra fields that hold times and user ids (Info-ZIP, NTFS): sensitive; the others
#: are unknown data. Zip64 sizes (0x0001) are structure.
_TIME_EXTRAS = {0x5455, 0x7875, 0x000A, 0x5855, 0x7855}
_ZIP64 = 0x0001
_GROWTH_HINT = 0xA220  # Office: a signature, then zeros reserved for in-place edits
_FIXED_DATE = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Finding:
    name: str
    value: str
    risk: RiskClass
    needles: tuple[bytes, ...]

    def add_to(self, rep: MetadataReport) -> None:
        rep.add("ZIP", self.name, self.value, self.risk, self.needles)


def _data_needles(blob: bytes) -> tuple[bytes, ...]:
    text = blob.decode("utf-8", "replace")
    found = text_needles(text) if text.isprintable() and len(text) <= 512 else ()
    return found + blob_needles(blob)


def _extras(raw: bytes) -> list[tuple[int, bytes]]:
    out, pos = [], 0
    while pos + 4 <= len(raw):
        hid, size = struct.unpack("<HH", raw[pos : pos + 4])
        out.append((hid, raw[pos + 4 : pos + 4 + size]))
        pos += 4 + size
    if pos != len(raw):
        out.append((-1, raw[pos:]))  # not a sequence of fields: unknown data
    return out


def _extra_findings(where: str, raw: bytes) -> list[Finding]:
    found = []
    for hid, body in _extras(raw):
        if hid == _ZIP64 or not body.strip(b"\x00") or (
            hid == _GROWTH_HINT and not body[4:].strip(b"\x00")
        ):
            continue  # sizes; empty fields and Office's padding
        if hid in _TIME_EXTRAS:
            found.append(
                Finding("ExtraField", f"{where}: times or user ids (0x{hid:04x})", SEN, ())
            )
        else:
            label = f"0x{hid:04x}" if hid >= 0 else "unparsed"
            found.append(
                Finding(
                    "ExtraField", f"{where}: {label}, {len(body)} bytes", IDF, _data_needles(body)
                )
            )
    return found


def scan(data: bytes, zf: zipfile.ZipFile) -> list[Finding]:
    """Findings about the container itself (``zf`` is ``data`` opened by zipfile)."""
    found: list[Finding] = []
    spans: list[tuple[int, int]] = []
    latest = _FIXED_DATE
    for info in zf.infolist():
        name = info.filename
        at = info.header_offset
        head = data[at : at + 30]
        if len(head) < 30 or head[:4] != _LOCAL:
            raise MalformedFileError(f"zip: no local header for {name}")
        method, crc, csize, usize, nlen, elen = struct.unpack("<H4xLLLHH", head[8:30])
        local_extra = data[at + 30 + nlen : at + 30 + nlen + elen]
        start = at + 30 + nlen + elen
        end = start + info.compress_size
        if end > len(data):
            raise MalformedFileError(f"zip: member {name} outside the file")
        if info.flag_bits & 0x8:  # sizes in a data descriptor after the data
            sig = data[end : end + 4] == _DESCRIPTOR
            width = 8 if info.file_size >= 0xFFFFFFFF or info.compress_size >= 0xFFFFFFFF else 4
            desc = data[end + (4 if sig else 0) : end + (4 if sig else 0) + 4 + 2 * width]
            if len(desc) < 4 + 2 * width:
                raise MalformedFileError(f"zip: data descriptor of {name} truncated")
            d_crc = int.from_bytes(desc[:4], "little")
            d_csize = int.from_bytes(desc[4 : 4 + width], "little")
            d_usize = int.from_bytes(desc[4 + width :], "little")
            if (d_crc, d_csize, d_usize) != (info.CRC, info.compress_size, info.file_size):
                found.append(
                    Finding("DataDescriptor", f"{name}: disagrees with the directory", SEN, ())
                )
            end += (4 if sig else 0) + 4 + 2 * width
        elif (method, crc) != (info.compress_type, info.CRC) or (
            csize != 0xFFFFFFFF and (csize, usize) != (info.compress_size, info.file_size)
        ):
            found.append(Finding("LocalHeader", f"{name}: disagrees with the directory", SEN, ()))
        spans.append((at, end))
        if name.endswith("/") and info.file_size:
            with zf.open(info) as fh:
                body = fh.read(min(info.file_size, 1 << 20))
            found.append(
                Finding(
                    "DirectoryEntryData",
                    f"{name}: {info.file_size} bytes",
                    IDF,
                    _data_needles(body),
                )
            )
        if info.comment:
            text = info.comment.decode("utf-8", "replace")
            found.append(
                Finding("MemberComment", f"{name}: {text}", IDF, _data_needles(info.comment))
            )
        found.extend(_extra_findings(f"{name} (directory)", info.extra))
        if local_extra != info.extra:
            found.extend(_extra_findings(f"{name} (local header)", local_extra))
        latest = max(latest, info.date_time)
    if zf.comment:
        text = zf.comment.decode("utf-8", "replace")
        found.append(Finding("ArchiveComment", text, IDF, _data_needles(zf.comment)))
    found.extend(_gaps(data, sorted(spans), zf))
    if latest != _FIXED_DATE:
        stamp = "{:04d}-{:02d}-{:02d} {:02d}:{:02d}:{:02d}".format(*latest)
        found.append(Finding("ModifyDate", stamp, SEN, ()))
    return found


def _gaps(data: bytes, spans: list[tuple[int, int]], zf: zipfile.ZipFile) -> list[Finding]:
    """Bytes that belong to no member: before the first, between two, after the last
    member and before the central directory, after the end record."""
    cd_start = getattr(zf, "start_dir", None)
    if not isinstance(cd_start, int):
        cd_start = spans[-1][1] if spans else 0
    eocd = data.rfind(b"PK\x05\x06")
    tail_from = eocd + 22 + len(zf.comment) if eocd >= 0 else len(data)
    holes: list[tuple[int, int]] = []
    pos = 0
    for a, b in spans:
        if a > pos:
            holes.append((pos, a))
        if a < pos:
            raise MalformedFileError("zip: members overlap")
        pos = max(pos, b)
    if cd_start > pos:
        holes.append((pos, cd_start))
    if tail_from < len(data):
        holes.append((tail_from, len(data)))
    found = []
    for a, b in holes:
        blob = data[a:b]
        if not blob.strip(b"\x00"):
            continue
        found.append(Finding("HiddenBytes", f"{b - a} bytes at {a}", IDF, _data_needles(blob)))
    return found
