"""Coverage-guided fuzzing of every media parser with atheris (libFuzzer), for
``make fuzz``. Starts from the Hypothesis seeds (written to a temporary corpus folder)
and checks the same invariants (``media_oracle.check_media``); an input that breaks
one is written by libFuzzer to ``regressions/media-any/`` and replayed by
``test_fuzz_media.py`` from then on.

    python tests/fuzz/atheris_media.py -max_total_time=600

Linux only (atheris publishes Linux wheels); ``make fuzz`` installs it.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "unit" / "media")]

import atheris  # noqa: E402  # after the path set above
from media_oracle import check_media  # noqa: E402
from seeds import media_seeds  # noqa: E402

from nam_desktop.core.media import streamed, supported_formats, zipscan  # noqa: E402, F401

supported_formats()  # imports every handler now
# The editable install loads nam_desktop through its own finder, which import-time
# instrumentation does not see: instrument the loaded code instead.
atheris.instrument_all()


def test_one_input(data: bytes) -> None:
    check_media(data, strict=False)  # random edits: see media_oracle.check_media


def main() -> None:
    corpus = Path(tempfile.mkdtemp(prefix="nam-fuzz-corpus-"))
    for fmt, seeds in media_seeds().items():
        for i, seed in enumerate(seeds):
            (corpus / f"{fmt}-{i}").write_bytes(seed)
    out = HERE / "regressions" / "media-any"
    out.mkdir(parents=True, exist_ok=True)
    args = [*sys.argv, f"-artifact_prefix={out}/", "-max_len=65536", str(corpus)]
    atheris.Setup(args, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
