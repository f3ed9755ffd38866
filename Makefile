# Two commands for a fresh machine (Python >= 3.11 and make): `make report`, `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: report test lint bench clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "discourse needs Python 3.11 or newer")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

report: $(STAMP)
	$(BIN)/discourse report fixtures --out reports

lint: $(STAMP)
	$(BIN)/ruff check discourse tests benchmarks
	$(BIN)/ruff format --check discourse tests benchmarks
	$(BIN)/mypy

test: lint
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) reports/*.pdf reports/*.csv reports/*.json reports/*.jsonl reports/figures
