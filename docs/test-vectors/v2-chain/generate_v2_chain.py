"""Make the test vectors of receipt version 2 and of `audit.unfinished` (ran ONCE; the
files are frozen: tests/integration/test_test_vectors.py checks their SHA-256).

    python docs/test-vectors/v2-chain/generate_v2_chain.py docs/test-vectors/v2-chain

Written from docs/bundle-format.md and docs/conventions.md with Python's standard
library, `cryptography` and the stock `age` CLI only: it imports nothing from NAM
Desktop, so the files pin the format, not what the program happens to write. Every key
is derived from a fixed label (`seed` below) and its private half is written to
`facts-v2-chain.json`: anyone can derive further vectors from these keys later (the
receipt key of the vectors in the parent folder was not kept, so no new receipt could
be signed for them). They are test keys with no other use.

The testimony and attachment records and the cleaned photo are taken unchanged from the
frozen `../bundle.age` (opened with `../hq-identity.txt`); the original photo is left out,
as in a default export (cleaned copies only). The story the files tell: the device's
exports 1, 2 and 3 did not complete (1 killed: `interrupted`, 2 `failed`, 3
`cancelled`); export 4, `bundle-unfinished.age`, reports them in `audit.unfinished`; HQ
imported it and wrote `receipt-v2.json`, which lists the three entries it holds. A purge
may destroy the cleaned photo (HQ holds its exact SHA-256) and must keep the original.
"""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import struct
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

HERE = Path(__file__).resolve().parent
PARENT = HERE.parent
CREATED = "2026-12-08T09:30:00Z"
ISSUED = "2026-12-09T14:00:00Z"
CARD_SERIAL = 3
BUNDLE_SEQ = 4
BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"

# What every verifier must answer, written by hand from the spec (docs/bundle-format.md
# sections 3.1, 4, 5, 7 and 7.1; docs/cli.md). Bundles: open with
# hq-identity-v2-chain.txt; "signer" "device" means `--device-key` with
# facts.device_fingerprint. Receipts: checked by the interviewer's vault of the device
# facts.device_fingerprint that pinned keycard-v2-chain.json; "exit" is the exit code of
# `nam-desktop receipt import DIR FILE`, "exit_purge" with `--purge`.
EXPECTED: dict[str, list[dict[str, Any]]] = {
    "bundles": [
        {"file": "bundle-unfinished.age", "signer": "device", "verdict": "ok",
         "reason": None, "exit": 0},
        {"file": "bundle-unfinished.age", "signer": None, "verdict": "signer_not_known",
         "reason": None, "exit": 9},
        {"file": "bundle-v1-control.age", "signer": "device", "verdict": "ok",
         "reason": None, "exit": 0},
        {"file": "unfinished-in-v1.age", "signer": "device", "verdict": "rejected",
         "reason": "malformed", "exit": 1},
        {"file": "unfinished-not-ascending.age", "signer": "device", "verdict": "rejected",
         "reason": "malformed", "exit": 1},
        {"file": "unfinished-repeated-seq.age", "signer": "device", "verdict": "rejected",
         "reason": "malformed", "exit": 1},
        {"file": "unfinished-seq-not-below.age", "signer": "device", "verdict": "rejected",
         "reason": "malformed", "exit": 1},
        {"file": "unfinished-unknown-state.age", "signer": "device", "verdict": "rejected",
         "reason": "malformed", "exit": 1},
        {"file": "unfinished-empty.age", "signer": "device", "verdict": "rejected",
         "reason": "malformed", "exit": 1},
        {"file": "unfinished-extra-key.age", "signer": "device", "verdict": "rejected",
         "reason": "malformed", "exit": 1},
        {"file": "audit-unknown-key.age", "signer": "device", "verdict": "rejected",
         "reason": "malformed", "exit": 1},
    ],
    "keycards": [
        {"file": "keycard-v2-chain.json", "verdict": "valid", "reason": None, "exit": 0},
    ],
    "receipts": [
        {"file": "receipt-v2.json", "verdict": "valid", "reason": None, "exit": 0,
         "exit_purge": 0, "purge_allowed": True},
        {"file": "receipt-v2-resaved.json", "verdict": "valid", "reason": None, "exit": 0,
         "exit_purge": 0, "purge_allowed": True},
        {"file": "receipt-v1.json", "verdict": "valid", "reason": None, "exit": 0,
         "exit_purge": 7, "purge_allowed": False},
        {"file": "receipt-v2-key-id-of-root.json", "verdict": "rejected",
         "reason": "receipt_invalid", "exit": 1, "exit_purge": 1},
        {"file": "receipt-v2-signed-by-stranger.json", "verdict": "rejected",
         "reason": "receipt_invalid", "exit": 1, "exit_purge": 1},
        {"file": "receipt-v2-bad-signature.json", "verdict": "rejected",
         "reason": "receipt_invalid", "exit": 1, "exit_purge": 1},
        {"file": "receipt-v2-v1-context.json", "verdict": "rejected",
         "reason": "receipt_invalid", "exit": 1, "exit_purge": 1},
        {"file": "receipt-v2-other-device.json", "verdict": "rejected",
         "reason": "receipt_invalid", "exit": 1, "exit_purge": 1},
        {"file": "receipt-v2-entry-kind-mismatch.json", "verdict": "rejected",
         "reason": "receipt_invalid", "exit": 1, "exit_purge": 1},
        {"file": "receipt-v2-entry-bad-id.json", "verdict": "rejected",
         "reason": "receipt_invalid", "exit": 1, "exit_purge": 1},
        {"file": "receipt-v2-repeated-entry.json", "verdict": "rejected",
         "reason": "receipt_invalid", "exit": 1, "exit_purge": 1},
        {"file": "receipt-v2-repeated-seq.json", "verdict": "rejected",
         "reason": "receipt_invalid", "exit": 1, "exit_purge": 1},
        {"file": "receipt-v2-with-testimonies.json", "verdict": "rejected",
         "reason": "receipt_invalid", "exit": 1, "exit_purge": 1},
        {"file": "receipt-version-3.json", "verdict": "unsupported",
         "reason": "unsupported_version", "exit": 3, "exit_purge": 3},
    ],
}


# ---- keys (conventions 5), all derived from fixed labels ----------------------------------
def seed(label: str) -> bytes:
    return hashlib.sha256(b"nam-desktop test vectors v2-chain\x00" + label.encode()).digest()


def ed25519(label: str) -> tuple[Ed25519PrivateKey, bytes]:
    key = Ed25519PrivateKey.from_private_bytes(seed(label))
    return key, key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def fingerprint(public_key: bytes) -> str:
    text = base64.b32encode(hashlib.sha256(b"nam-desktop device key v1\x00"
                                           + public_key).digest()[:15]).decode()
    return "-".join(text[i:i + 4] for i in range(0, 24, 4))


def fixed_uuid(label: str) -> str:
    return str(uuid.UUID(bytes=seed(label)[:16], version=4))


def bech32(hrp: str, data: bytes) -> str:
    """BIP 173 Bech32 (what age uses for its keys), no length limit."""
    acc = bits = 0
    values = []
    for b in data:
        acc, bits = (acc << 8) | b, bits + 8
        while bits >= 5:
            bits -= 5
            values.append((acc >> bits) & 31)
    if bits:
        values.append((acc << (5 - bits)) & 31)

    def polymod(vs: list[int]) -> int:
        chk = 1
        for v in vs:
            top = chk >> 25
            chk = (chk & 0x1FFFFFF) << 5 ^ v
            for i, g in enumerate((0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD,
                                   0x2A1462B3)):
                chk ^= g if (top >> i) & 1 else 0
        return chk

    expanded = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]
    mod = polymod(expanded + values + [0] * 6) ^ 1
    checksum = [(mod >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(BECH32[v] for v in values + checksum)


def age_keys(label: str) -> tuple[str, str]:
    secret = seed(label)
    public = X25519PrivateKey.from_private_bytes(secret).public_key().public_bytes(
        Encoding.Raw, PublicFormat.Raw)
    return bech32("age-secret-key-", secret).upper(), bech32("age", public)


# ---- documents ---------------------------------------------------------------------------
def canonical(value: Any) -> bytes:
    """conventions 3 (UTF-8 form; our keys are ASCII)."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False,
                      separators=(",", ":")).encode("utf-8")


def signed_doc(fmt: str, version: int, context: bytes, payload: dict[str, Any],
               key: Ed25519PrivateKey) -> dict[str, Any]:
    return {"format": fmt, "version": version, "payload": payload,
            "signature": key.sign(context + canonical(payload)).hex()}


def file_text(doc: dict[str, Any]) -> bytes:
    """How HQ writes them: UTF-8, sorted keys, indented (the layout is not signed)."""
    return (json.dumps(doc, sort_keys=True, ensure_ascii=False, indent=1) + "\n").encode()


def inner_stream(header: dict[str, Any], bodies: dict[str, bytes], key: Ed25519PrivateKey,
                 *, tail: bytes | None = None) -> bytes:
    """Section 3: prefix, header, signature, bodies, end marker, padding."""
    raw = canonical(header)
    prefix = b"NAMBUNDL" + struct.pack(">HI", header["version"], len(raw))
    sig = key.sign(b"nam-desktop bundle signature v1\x00" + prefix + raw)
    out = prefix + raw + sig + b"".join(bodies[e["id"]] for e in header["entries"])
    out += b"NAMB-END" + struct.pack(">I", len(header["entries"]))
    return out + (bytes(header.get("padding", 0)) if tail is None else tail)


def digest(header: dict[str, Any]) -> str:
    raw = canonical(header)
    return hashlib.sha256(b"NAMBUNDL" + struct.pack(">HI", header["version"], len(raw))
                          + raw).hexdigest()


def age_encrypt(inner: bytes, recipient: str) -> bytes:
    return subprocess.run(["age", "-r", recipient], input=inner, capture_output=True,  # noqa: S603, S607
                          check=True).stdout


def age_size(plaintext: int, recipients: int = 1) -> int:
    """Section 3.7: the size of an age file (X25519 recipients)."""
    return 70 + 98 * recipients + 16 + plaintext + 16 * max(1, -(-plaintext // 65536))


def parent_bundle() -> tuple[list[dict[str, Any]], dict[str, bytes]]:
    """The entries and bodies of the frozen ../bundle.age."""
    plain = subprocess.run(["age", "-d", "-i", str(PARENT / "hq-identity.txt"),  # noqa: S603, S607
                            str(PARENT / "bundle.age")], capture_output=True, check=True).stdout
    _, _, hlen = struct.unpack(">8sHI", plain[:14])
    header = json.loads(plain[14:14 + hlen])
    bodies, pos = {}, 78 + hlen
    for e in header["entries"]:
        bodies[e["id"]] = plain[pos:pos + e["size"]]
        pos += e["size"]
    return header["entries"], bodies


def main(out: Path) -> None:
    device, device_pub = ed25519("device")
    root, root_pub = ed25519("hq root")
    receipt_key, receipt_pub = ed25519("hq receipt")
    stranger, stranger_pub = ed25519("stranger")
    identity, recipient = age_keys("hq age")
    (out / "hq-identity-v2-chain.txt").write_text(identity + "\n", encoding="ascii")
    derived = subprocess.run(["age-keygen", "-y", str(out / "hq-identity-v2-chain.txt")],  # noqa: S603, S607
                             capture_output=True, check=True, text=True).stdout.strip()
    if derived != recipient:
        raise SystemExit("Bech32 of the age keys disagrees with age-keygen")

    # ---- the key card HQ gave the device (section 6) -------------------------------------
    card = {"root_public_key": root_pub.hex(), "serial": CARD_SERIAL,
            "issued_at": "2026-11-30T08:00:00Z", "hq_name": "Штаб НАМ (тэставы ключ v2)",
            "recipients": [recipient], "receipt_public_key": receipt_pub.hex(),
            "accept_originals": True}
    (out / "keycard-v2-chain.json").write_bytes(file_text(signed_doc(
        "nam-desktop-keycard", 2, b"nam-desktop keycard v1\x00", card, root)))

    # ---- the bundle: export 4, after three that did not complete (section 3.1) -----------
    parent_entries, bodies = parent_bundle()
    entries = [e for e in parent_entries if not e["id"].endswith("/original")]
    attempts = [{"seq": seq, "bundle_id": fixed_uuid(f"attempt {seq}"),
                 "digest": hashlib.sha256(f"attempt {seq} header".encode()).hexdigest(),
                 "state": state}
                for seq, state in ((1, "interrupted"), (2, "failed"), (3, "cancelled"))]
    header: dict[str, Any] = {
        "format": "nam-desktop-bundle", "version": 2, "bundle_id": fixed_uuid("bundle 4"),
        "created_at": CREATED,
        "device": {"public_key": device_pub.hex(), "fingerprint": fingerprint(device_pub)},
        "vault_id": fixed_uuid("vault"), "seq": BUNDLE_SEQ,
        "prev_digest": attempts[-1]["digest"],  # the chain goes through the attempts
        "recipients": [hashlib.sha256(recipient.encode("ascii")).hexdigest()],
        "hq_root": fingerprint(root_pub),
        "audit": {"entries": 23,
                  "head": hashlib.sha256(b"vector audit head").hexdigest(),
                  "unfinished": attempts},
        "entries": entries, "padding": 0,
    }
    bucket = 1 << 20  # section 3.7: the smallest size, reachable exactly here
    plaintext = next(p for p in range(bucket) if age_size(p) == bucket)
    while len(inner_stream(header, bodies, device)) != plaintext:  # the number's digits
        header["padding"] += plaintext - len(inner_stream(header, bodies, device))  # count
    good = age_encrypt(inner_stream(header, bodies, device), recipient)
    if len(good) != bucket:
        raise SystemExit(f"bundle-unfinished.age is {len(good)} bytes, not {bucket}")
    (out / "bundle-unfinished.age").write_bytes(good)

    def variant(name: str, change: Any, *, version: int = 2) -> None:
        """The valid bundle with one change, signed by the device."""
        h = json.loads(json.dumps(header))
        h["padding"] = 0  # readers do not check the bucket: the refused files stay small
        change(h)
        b = bodies
        if version == 1:
            h["version"] = 1
            del h["padding"]
            b, h["entries"] = dict(bodies), []
            for e in entries:
                body = bodies[e["id"]]
                if e["kind"] == "testimony":  # a version 1 record has no vocabulary
                    rec = json.loads(body)
                    del rec["vocabulary"]
                    body = b[e["id"]] = canonical(rec)
                h["entries"].append({**e, "size": len(body),
                                     "sha256": hashlib.sha256(body).hexdigest()})
        (out / name).write_bytes(age_encrypt(inner_stream(h, b, device), recipient))

    def unfinished(**kw: Any) -> Any:
        def change(h: dict[str, Any]) -> None:
            u = h["audit"]["unfinished"]
            for key, value in kw.items():
                index, field = key.split("_", 1)
                u[int(index[1:])][field] = value
        return change

    def audit_without_unfinished(h: dict[str, Any]) -> None:
        del h["audit"]["unfinished"]

    variant("bundle-v1-control.age", audit_without_unfinished, version=1)
    variant("unfinished-in-v1.age", lambda h: None, version=1)
    variant("unfinished-not-ascending.age", unfinished(i1_seq=3, i2_seq=2))
    variant("unfinished-repeated-seq.age", unfinished(i2_seq=2))
    variant("unfinished-seq-not-below.age", unfinished(i2_seq=BUNDLE_SEQ))
    variant("unfinished-unknown-state.age", unfinished(i1_state="lost"))
    variant("unfinished-empty.age", lambda h: h["audit"].update(unfinished=[]))
    variant("unfinished-extra-key.age", unfinished(i0_note="drive removed"))
    variant("audit-unknown-key.age", lambda h: h["audit"].update(exports=3))

    # ---- receipts (sections 7 and 7.1) ----------------------------------------------------
    bundle_item = {"bundle_id": header["bundle_id"], "seq": BUNDLE_SEQ,
                   "digest": digest(header)}
    held = [{"id": e["id"], "kind": e["kind"], "sha256": e["sha256"]} for e in entries]
    v2 = {"device_fingerprint": fingerprint(device_pub), "hq_root": fingerprint(root_pub),
          "issued_at": ISSUED,
          "signer": {"key_id": fingerprint(receipt_pub), "card_serial": CARD_SERIAL},
          "bundles": [bundle_item], "entries": held}
    ctx2, ctx1 = b"nam-desktop receipt v2\x00", b"nam-desktop receipt v1\x00"

    def receipt(name: str, payload: dict[str, Any], *, key: Ed25519PrivateKey = receipt_key,
                context: bytes = ctx2, version: int = 2) -> dict[str, Any]:
        doc = signed_doc("nam-desktop-receipt", version, context, payload, key)
        (out / name).write_bytes(file_text(doc))
        return doc

    def v2_with(**changes: Any) -> dict[str, Any]:
        return {**json.loads(json.dumps(v2)), **changes}

    doc = receipt("receipt-v2.json", v2)
    # Saved again by an editor: byte order mark, CRLF, other key order and indentation,
    # `/` written as `\/` (legal JSON). The signature is over the payload, so: valid.
    text = json.dumps(dict(reversed(list(doc.items()))), indent=4).replace("/", "\\/")
    (out / "receipt-v2-resaved.json").write_bytes(
        b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    receipt("receipt-v1.json", {
        "device_fingerprint": v2["device_fingerprint"], "hq_root": v2["hq_root"],
        "issued_at": ISSUED, "bundles": [bundle_item],
        "testimonies": [[e["id"].split("/")[1], int(e["id"].split("/")[2])]
                        for e in entries if e["kind"] == "testimony"]},
        context=ctx1, version=1)
    receipt("receipt-v2-key-id-of-root.json",
            v2_with(signer={"key_id": fingerprint(root_pub), "card_serial": CARD_SERIAL}))
    receipt("receipt-v2-signed-by-stranger.json",
            v2_with(signer={"key_id": fingerprint(stranger_pub), "card_serial": CARD_SERIAL}),
            key=stranger)
    forged = json.loads(json.dumps(receipt("receipt-v2-bad-signature.json", v2)))
    forged["payload"]["entries"][2]["sha256"] = hashlib.sha256(b"another photo").hexdigest()
    (out / "receipt-v2-bad-signature.json").write_bytes(file_text(forged))
    receipt("receipt-v2-v1-context.json", v2, context=ctx1)
    receipt("receipt-v2-other-device.json",
            v2_with(device_fingerprint=fingerprint(stranger_pub)))
    receipt("receipt-v2-entry-kind-mismatch.json",
            v2_with(entries=[*held[:2], {**held[2], "kind": "attachment"}]))
    receipt("receipt-v2-entry-bad-id.json",
            v2_with(entries=[*held[:2], {**held[2], "id": held[2]["id"].replace(
                "/cleaned", "/thumbnail")}]))
    receipt("receipt-v2-repeated-entry.json",
            v2_with(entries=[*held, {**held[2], "sha256": hashlib.sha256(
                b"another photo").hexdigest()}]))
    receipt("receipt-v2-repeated-seq.json",  # two bundles numbered 4: not one chain
            v2_with(bundles=[bundle_item, {"bundle_id": fixed_uuid("bundle 4 copy"),
                                           "seq": BUNDLE_SEQ, "digest": attempts[0]["digest"]}]))
    receipt("receipt-v2-with-testimonies.json",
            v2_with(testimonies=[[held[0]["id"].split("/")[1], 1]]))
    receipt("receipt-version-3.json", v2, version=3)

    original = next(e for e in parent_entries if e["id"].endswith("/original"))
    facts = {
        "note": "test keys with no other use; private keys are 32-byte Ed25519 seeds "
                "(RFC 8032) in hex",
        "device_fingerprint": fingerprint(device_pub),
        "device_public_key": device_pub.hex(),
        "device_private_key": seed("device").hex(),
        "hq_root_fingerprint": fingerprint(root_pub),
        "hq_root_public_key": root_pub.hex(),
        "hq_root_private_key": seed("hq root").hex(),
        "receipt_key_id": fingerprint(receipt_pub),
        "receipt_public_key": receipt_pub.hex(),
        "receipt_private_key": seed("hq receipt").hex(),
        "stranger_fingerprint": fingerprint(stranger_pub),
        "stranger_private_key": seed("stranger").hex(),
        "hq_recipient": recipient,
        "card_serial": CARD_SERIAL,
        "bundle_id": header["bundle_id"],
        "bundle_seq": BUNDLE_SEQ,
        "bundle_digest": digest(header),
        "bundle_file_sha256": hashlib.sha256(good).hexdigest(),
        "unfinished": attempts,
        "held_media_sha256": [e["sha256"] for e in held if e["kind"] == "media"],
        "original_not_held_sha256": original["sha256"],
        "testimony_id": entries[0]["id"].split("/")[1],
    }
    (out / "facts-v2-chain.json").write_text(json.dumps(facts, indent=1, sort_keys=True)
                                             + "\n", encoding="utf-8")
    (out / "expected-v2-chain.json").write_text(json.dumps(EXPECTED, indent=1) + "\n",
                                                encoding="utf-8")
    shutil.rmtree(out / "__pycache__", ignore_errors=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
