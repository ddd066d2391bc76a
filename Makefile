# The front door: every task a developer or CI runs goes through here.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export QT_QPA_PLATFORM ?= offscreen

# The compiled catalogues (.qm) are not committed: they are built from the committed .ts
# whenever the app is installed (venv) or run, and by the package spec.
QM := $(patsubst %.ts,%.qm,$(wildcard resources/i18n/nam_*.ts))

.PHONY: run test lint unit bench translations screenshots package clean venv schema qm fuzz

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

resources/i18n/%.qm: resources/i18n/%.ts | $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

qm: $(QM)

venv: $(STAMP) qm

# `python -m` from this folder: the app of this tree, with this tree's catalogues.
run: venv
	@unset QT_QPA_PLATFORM; $(BIN)/python -m nam_desktop

lint: $(STAMP)
	$(BIN)/ruff check nam_desktop tests benchmarks packaging
	$(BIN)/mypy
	$(BIN)/actionlint .github/workflows/*.yml
	$(BIN)/lint-imports --no-cache  # a cached graph once hid a broken contract

test: venv lint
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

screenshots: venv
	$(BIN)/python -m nam_desktop.gui.screenshots docs/screenshots

package: venv
	$(BIN)/python -m pip install --quiet "pyinstaller==6.22.3"
	NICE="nice -n 10" PYTHON=$(BIN)/python packaging/build_linux.sh
	packaging/smoke_test.sh dist/nam-desktop

schema: $(STAMP)
	$(BIN)/python -m nam_desktop.core.vault.schema_dump docs/schema.sql

clean:
	rm -rf build dist .mypy_cache .ruff_cache .pytest_cache
