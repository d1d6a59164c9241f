# Oversight: `make run` serves the demo, `make test` runs every test. `make help` lists the rest.
SHELL := /bin/bash
PY := .venv/bin/python
PIP := .venv/bin/pip
HOST ?= 127.0.0.1:8000
# Debian packages the tests need: chromium for browser tests, poppler-utils for PDF checks.
APT_PACKAGES := chromium poppler-utils fonts-noto-color-emoji

.DEFAULT_GOAL := help
.PHONY: help install run test test-fast lint format typecheck system-packages bench lock audit clean

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  %-16s %s\n", $$1, $$2}'

.venv/bin/python:
	python3.11 -m venv .venv || python3 -m venv .venv

.stamp-python: .venv/bin/python pyproject.toml constraints.txt
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -c constraints.txt -e '.[dev]'
	touch $@

.stamp-node: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: .stamp-python .stamp-node ## Install Python packages into .venv and front-end packages into node_modules

system-packages: ## Install the Debian packages the tests need (chromium, poppler-utils, an emoji font) when missing
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

run: install ## Install, migrate SQLite, load the demo partnership once, print demo logins, serve on 127.0.0.1:8000
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo --if-empty
	$(PY) manage.py runserver $(HOST)

test: install system-packages ## Install everything and run every test (lint, types, unit, browser)
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/mypy
	$(PY) manage.py makemigrations --check --dry-run
	.venv/bin/pytest

test-fast: install ## Run the tests without the browser tests
	.venv/bin/pytest -m "not browser"

lint: install ## ruff check and format check
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .

format: install ## Format the code with ruff
	.venv/bin/ruff check --fix .
	.venv/bin/ruff format .

typecheck: install ## mypy on the import library
	.venv/bin/mypy

# Benchmarks run on their own PostgreSQL database (created if missing, its plans tables emptied
# and loaded again): never the development database. BENCH_SIZE=national needs 4-8 minutes to load.
BENCH_SIZE ?= small
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/oversight_bench_$(BENCH_SIZE)
# The dataset first, the pages on it before the load run writes updates into it; then the rest.
BENCH_FIRST := bench/bench_load_demo.py bench/bench_pages.py
BENCH_LAST := bench/bench_load.py
# Every benchmark runs even when one fails (an error, not a missed target: benchmarks print
# their targets as met or not and exit 0); failures are listed at the end and make fails.
BENCH_SCRIPTS := $(BENCH_FIRST) $(filter-out $(BENCH_FIRST) $(BENCH_LAST),$(sort $(wildcard bench/bench_*.py))) $(BENCH_LAST)

bench: install ## Run every bench/bench_*.py (BENCH_SIZE=small|national, BENCH_DATABASE_URL; see bench/README.md)
	DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) bench/createdb.py
	@failed=""; for f in $(BENCH_SCRIPTS); do \
	  echo "== $$f (BENCH_SIZE=$(BENCH_SIZE))"; \
	  DATABASE_URL=$(BENCH_DATABASE_URL) BENCH_SIZE=$(BENCH_SIZE) $(PY) $$f || failed="$$failed $$f"; \
	done; \
	if [ -n "$$failed" ]; then echo "== failed with an error:$$failed"; exit 1; fi

lock: .venv/bin/python ## Re-pin every Python dependency into constraints.txt
	$(PIP) install --quiet -e '.[dev]'
	$(PIP) freeze --exclude-editable | grep -v '^-e' > constraints.txt

# --strict: a dependency the vulnerability service could not look up is a failed audit, reported
# below, not a silent "No known vulnerabilities found".
audit: install ## Check pinned dependencies for known vulnerabilities (a failed lookup is reported, not fatal)
	.venv/bin/pip-audit -r constraints.txt --progress-spinner off --strict || echo "pip-audit could not complete (see above); not failing the build."

clean: ## Remove the virtualenv, node_modules and the SQLite database
	rm -rf .venv node_modules .stamp-* db.sqlite3 staticfiles
