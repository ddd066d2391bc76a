"""Cryptographic building blocks: passphrase KDF, key slots, media streams, device keys."""
