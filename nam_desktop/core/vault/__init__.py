"""The encrypted vault: SQLCipher database, key slots, encrypted media, audit chain."""
