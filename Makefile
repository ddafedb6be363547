# Border Pro. `make` (or `make run`) sets up and serves the app with demo data;
# `make test` sets up and runs the whole test suite.
.DEFAULT_GOAL := run
SHELL := /bin/bash

VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000

# Find a Python >= 3.12: on PATH first, then pyenv's versions even when not activated.
PYTHON ?= $(shell for c in python3.14 python3.13 python3.12 python3 \
	$$(ls -d $$HOME/.pyenv/versions/3.1[2-9]*/bin/python3 /root/.pyenv/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -rV); do \
	  p=$$(command -v $$c 2>/dev/null) || continue; \
	  $$p -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null && { echo $$p; break; }; \
	done)

.PHONY: run setup venv deps dev-deps db messages worker test test-postgres lint typecheck check bench clean

$(VENV)/.deps: requirements.txt
	@if [ -z "$(PYTHON)" ]; then echo "Border Pro needs Python 3.12 or newer. Install it (e.g. 'apt-get install python3.12' or 'pyenv install 3.12') and run make again."; exit 1; fi
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements.txt
	@touch $@

$(VENV)/.dev-deps: $(VENV)/.deps requirements-dev.txt
	$(PIP) install --quiet -r requirements-dev.txt
	@touch $@

deps: $(VENV)/.deps
dev-deps: $(VENV)/.dev-deps

messages: deps
	@if command -v msgfmt >/dev/null; then $(PY) manage.py compilemessages -v0 --ignore=.venv; \
	else echo "(msgfmt not found: using the compiled translations shipped in the repository)"; fi

# migrate runs the system checks; the steps after it skip them (they would run them again).
db: deps messages
	$(PY) manage.py migrate --no-input -v0
	$(PY) manage.py createcachetable
	$(PY) manage.py load_catalogue --skip-checks

setup: db

run: setup
	@$(PY) manage.py seed_demo --if-empty --skip-checks
	@echo ""; echo "Border Pro on http://$(HOST):$(PORT)/ (background worker started; Ctrl+C stops both)"; echo ""
	@trap 'kill 0' EXIT; $(PY) manage.py worker >var/worker.log 2>&1 & \
	$(PY) manage.py runserver $(HOST):$(PORT)

worker: deps
	$(PY) manage.py worker

test: dev-deps messages
	$(PY) -m pytest -n 2 $(PYTEST_ARGS)

test-postgres: dev-deps messages
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/borderpro} $(PY) -m pytest -n 2 $(PYTEST_ARGS)

lint: dev-deps
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: dev-deps
	$(VENV)/bin/mypy borderpro bench

check: dev-deps messages
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) manage.py spectacular --validate --fail-on-warn --file var/openapi.yaml
	BORDERPRO_MODE=production DEBUG=false ALLOWED_HOSTS=borderpro.example \
	  SECRET_KEY=ci-check-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJKLMNOP \
	  CHAIN_SEAL_KEY=ci-check-chain-seal-key-0123456789-abcdefghij \
	  $(PY) manage.py check --deploy --fail-level WARNING

bench: dev-deps
	$(PY) -m bench $(BENCH_ARGS)

clean:
	rm -rf var $(VENV)
