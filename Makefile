# `make run` builds the graph of seeds/ into out/; `make test` runs the test suite.
# Both create (or reuse) a local .venv and install the project into it first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: run test install quality clean tools

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/newsgraph build seeds -o out

test: install
	$(BIN)/python -m pytest -q

quality: install
	bash scripts/quality.sh

clean:
	rm -rf out .pytest_cache
