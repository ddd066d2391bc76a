"""Write the declared schema (``docs/schema.sql``) from the numbered migrations.

Run ``make schema`` after adding a migration; a test checks the file is current.
"""

from __future__ import annotations

import sys
from pathlib import Path

import sqlcipher3

from nam_desktop.core.vault import db


def declared_schema_text() -> str:
    conn = sqlcipher3.connect(":memory:", isolation_level=None)
    try:
        version = db.migrate(conn)
        rows = db.dump_schema(conn)
    finally:
        conn.close()
    lines = [
        f"-- The declared schema of vault.db (schema version {version}), one object per line,",
        "-- whitespace normalised. tests/integration/vault/test_migrations.py checks that the",
        "-- numbered migrations build exactly this. Regenerate with `make schema`.",
        "",
    ]
    lines += [f"{sql};" for _, _, sql in rows]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    Path(argv[0] if argv else "docs/schema.sql").write_text(declared_schema_text(), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
