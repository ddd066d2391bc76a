# The front door: every task a developer or CI runs goes through here.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export QT_QPA_PLATFORM ?= offscreen

.PHONY: run test lint unit bench translations screenshots package clean venv schema fuzz

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

venv: $(STAMP)

run: $(STAMP)
	@unset QT_QPA_PLATFORM; $(BIN)/nam-desktop

lint: $(STAMP)
	$(BIN)/ruff check nam_desktop tests benchmarks packaging
	$(BIN)/mypy
	$(BIN)/actionlint .github/workflows/*.yml
	$(BIN)/lint-imports --no-cache  # a cached graph once hid a broken contract

test: $(STAMP) lint
	$(BIN)/python -m pytest -q

unit: $(STAMP)
	$(BIN)/python -m pytest -q tests/unit

# Long fuzzing (tests/fuzz/README.md): Hypothesis's long profile, then atheris.
FUZZ_SECONDS ?= 600
fuzz: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,fuzz]'
	NAM_FUZZ=long nice -n 10 $(BIN)/python -m pytest -q tests/fuzz
	nice -n 10 $(BIN)/python tests/fuzz/atheris_media.py -max_total_time=$(FUZZ_SECONDS)

bench: $(STAMP)
	$(BIN)/python -m benchmarks.run

translations: $(STAMP)
	$(BIN)/python -m nam_desktop.gui.i18n_build

screenshots: $(STAMP)
	$(BIN)/python -m nam_desktop.gui.screenshots docs/screenshots

package: $(STAMP)
	$(BIN)/python -m pip install --quiet "pyinstaller==6.22.3"
	NICE="nice -n 10" PYTHON=$(BIN)/python packaging/build_linux.sh
	packaging/smoke_test.sh dist/nam-desktop

schema: $(STAMP)
	$(BIN)/python -m nam_desktop.core.vault.schema_dump docs/schema.sql

clean:
	rm -rf build dist .mypy_cache .ruff_cache .pytest_cache
