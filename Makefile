# Two commands set everything up on a fresh machine: `make run` and `make test`. `make help` lists the rest.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py
# One pytest-xdist worker per CPU (at most 4), each with its own test database: see README, "Tests and CI".
# `--dist load` hands each worker its tests in collection order, which tests/conftest.py relies on.
PYTEST_ARGS ?= -n auto --maxprocesses=4 --dist load

.DEFAULT_GOAL := help

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-10s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml requirements.lock | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade "pip==26.3"
	$(BIN)/python -m pip install --quiet -c requirements.lock ".[dev]"
	touch $@

install: $(VENV)/.installed ## Create .venv and install the locked dependencies

run: install ## Migrate the SQLite database under var/, load demo content once, serve on 127.0.0.1:$(PORT)
	mkdir -p var
	$(MANAGE) migrate --no-input
	BASE_URL=http://127.0.0.1:$(PORT) $(MANAGE) load_demo_content --if-empty
	BASE_URL=http://127.0.0.1:$(PORT) $(MANAGE) runserver 127.0.0.1:$(PORT)

scheduler: install ## In development, next to `make run`: publish and unpublish scheduled pages every 5 minutes
	$(MANAGE) run_scheduler

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

# Browser tests use Debian's Chromium (never a downloaded browser) and axe-core from npm; the HTML check
# (tests/test_html_validity.py) runs the Nu Html Checker from npm's vnu-jar on Java.
browser-tools: node_modules/.installed
	@test -x /usr/bin/chromium || { [ "$$(id -u)" = 0 ] && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } || echo "Chromium is not installed and cannot be (not root): browser tests will be skipped."
	@command -v java >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; } || echo "Java is not installed and cannot be (not root): the HTML check will be skipped."

test: install browser-tools ## Lint, then run the whole test suite (browser journeys included)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest $(PYTEST_ARGS)

check: install ## Django system checks and missing migrations
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

format: install ## Fix imports and formatting
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

lock: ## Regenerate requirements.lock from pyproject.toml in a throwaway environment
	rm -rf var/lock-venv
	$(PYTHON) -m venv var/lock-venv
	var/lock-venv/bin/python -m pip install --quiet --upgrade "pip==26.3"
	var/lock-venv/bin/python -m pip install --quiet ".[dev]"
	var/lock-venv/bin/python -m pip freeze --exclude-editable | grep -v '^trudovaya-doblest' > requirements.lock
	rm -rf var/lock-venv

.PHONY: help install browser-tools run scheduler test check format lock
