# The entry point. On a fresh machine with only python3 and make, every target that needs
# the virtual environment builds it first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CLIENTS := preservica_monitor monitor_server aepublish mock_admin
HOST ?= 127.0.0.1
PORT ?= 8080
SERVE_ARGS ?=
# The generator's post hooks call ruff: use the pinned one from the venv.
export PATH := $(CURDIR)/$(BIN):$(PATH)

COMPAT := .venv-compat
COMPAT_STAMP := $(COMPAT)/.installed
PEER := .venv-peer
PEER_STAMP := $(PEER)/.installed

.PHONY: install generate check-generated lint serve test test-deep compat fidelity bench clean

install: $(STAMP)

# The stamp depends on pyproject.toml, so a changed dependency list reinstalls; and on the
# generated packages, because the editable install maps each top-level package it found.
$(STAMP): pyproject.toml $(wildcard generated/*/__init__.py)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# A client's own templates, when generator/templates/<client>/ exists (in shell, per client).
templates = $$([ -d generator/templates/$(1) ] && echo --custom-template-path generator/templates/$(1))

# Rebuild every client in generated/ from specs/ (the output is committed).
generate: $(STAMP)
	@for c in $(CLIENTS); do \
		$(BIN)/openapi-python-client generate --path specs/$$c.yaml \
			--config generator/$$c.yaml --meta none $(call templates,$$c) \
			--output-path generated/$${c}_client --overwrite --fail-on-warning >/dev/null || exit 1; \
		echo "generated/$${c}_client"; \
	done

# Regenerate into a scratch folder and fail on any difference from what is committed.
check-generated: $(STAMP)
	@rm -rf .cache/generated && mkdir -p .cache/generated
	@for c in $(CLIENTS); do \
		$(BIN)/openapi-python-client generate --path specs/$$c.yaml \
			--config generator/$$c.yaml --meta none $(call templates,$$c) \
			--output-path .cache/generated/$${c}_client --overwrite --fail-on-warning >/dev/null || exit 1; \
	done
	@diff -r -x __pycache__ -x .ruff_cache .cache/generated generated \
		|| (echo "generated/ drifted from specs/: run 'make generate' and commit" && exit 1)
	@echo "generated/ matches specs/"

# mypy and pyright (standard) on wrappers/ (mypy --strict) and mock_server/ (--strict but for
# connexion's untyped values: settings in pyproject.toml), then on
# tests/wrappers/typing/check_types.py, which pins what both client forms look like to a
# type checker (every ignore there must silence an error, or the check fails).
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m openapi_spec_validator specs/*.yaml
	$(BIN)/mypy
	$(BIN)/pyright
	$(BIN)/mypy tests/wrappers/typing/check_types.py
	$(BIN)/pyright -p tests/wrappers/typing

serve: $(STAMP)
	$(BIN)/mock-server --host $(HOST) --port $(PORT) $(SERVE_ARGS)

# The checks before the suite side by side (fidelity keeps about one core busy, the others
# less), each one's output kept together; then the suite with -n auto: one pytest worker
# per core (pytest-xdist).
test: $(STAMP)
	$(MAKE) -j3 --output-sync=target check-generated lint compat fidelity
	$(BIN)/python -m pytest -q -n auto

# The vendors' real clients against our mock, from their own venv (see tests/compat/).
$(COMPAT_STAMP): tests/compat/requirements.txt
	$(PYTHON) -m venv $(COMPAT)
	$(COMPAT)/bin/python -m pip install --quiet --upgrade pip
	$(COMPAT)/bin/python -m pip install --quiet -r tests/compat/requirements.txt
	touch $(COMPAT_STAMP)

compat: $(STAMP) $(COMPAT_STAMP)
	# From tests/compat: run from the root, `python -m` would put the root on sys.path and
	# its egg-info would register our own pytest plugin, which this venv cannot import.
	cd tests/compat && MOCK_PYTHON=$(CURDIR)/$(BIN)/python $(CURDIR)/$(COMPAT)/bin/python -m pytest -q -c pytest.ini .

# The real monitor-server, in its own venv: Flask 1.1 and SQLAlchemy 1.3 conflict with ours.
$(PEER_STAMP): tests/fidelity/requirements-peer.txt
	$(PYTHON) -m venv $(PEER)
	$(PEER)/bin/python -m pip install --quiet --upgrade pip
	$(PEER)/bin/python -m pip install --quiet -r tests/fidelity/requirements-peer.txt
	touch $(PEER_STAMP)

# The mock against the real monitor-server, request by request (see tests/fidelity/).
# HYPOTHESIS_PROFILE=deep for many more examples.
fidelity: $(STAMP) $(PEER_STAMP) $(COMPAT_STAMP)
	$(BIN)/python -m pytest -q tests/fidelity

# The mock against bare Starlette on the same stack, in one run (bench/README.md): wrk
# when installed, else bench/loadgen.py; W4 runs pyPreservica from .venv-compat.
bench: $(STAMP) $(COMPAT_STAMP)
	$(BIN)/python bench/run.py

# The same suite with the deep hypothesis profile (many more examples).
test-deep: $(STAMP) $(PEER_STAMP) $(COMPAT_STAMP)
	HYPOTHESIS_PROFILE=deep $(BIN)/python -m pytest -q -n auto
	HYPOTHESIS_PROFILE=deep $(BIN)/python -m pytest -q tests/fidelity

clean:
	rm -rf $(VENV) $(COMPAT) $(PEER) .cache build *.egg-info
