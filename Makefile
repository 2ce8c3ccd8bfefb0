# `make run` builds the graph of seeds/ into out/; `make test` runs the test suite.
# Both create (or reuse) a local .venv and install the project into it first: `make run` only
# what running needs (`pip install -e .`), `make test` also the test extra (`.[test]`).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# One stamp per install, named after pyproject.toml's checksum: an edit reinstalls.
SUM := $(shell cat pyproject.toml | cksum | cut -d' ' -f1)
RUN_STAMP := $(VENV)/.installed-run-$(SUM)
TEST_STAMP := $(VENV)/.installed-test-$(SUM)
# setuptools reports how it made the editable install ("Editable installation. Please be careful
# with folders ... with the same name as your package") as a warning; here that folder is the
# package itself, so that one notice, and only it, is silenced.
INSTALL := PYTHONWARNINGS="ignore:Editable installation" $(BIN)/python -m pip install --quiet

.PHONY: run test install install-test quality clean tools

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(RUN_STAMP): pyproject.toml | $(BIN)/python
	$(INSTALL) -e .
	rm -f $(VENV)/.installed-run-*
	touch $(RUN_STAMP)

# The test extra includes the runtime dependencies, so it stamps both installs.
$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(INSTALL) -e ".[test]"
	rm -f $(VENV)/.installed-*
	touch $(RUN_STAMP) $(TEST_STAMP)

install: $(RUN_STAMP)

install-test: $(TEST_STAMP)

run: install
	$(BIN)/newsgraph build seeds -o out

test: install-test
	$(BIN)/python -m pytest -q -rs

quality: install
	bash scripts/quality.sh

clean:
	rm -rf out .pytest_cache
