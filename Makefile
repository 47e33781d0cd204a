# Two commands: `make run` (the whole platform) and `make test` (the whole suite).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test install install-dev lint typecheck bench messages clean-local lock client

$(BIN)/uv:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv

# Installs come from uv.lock (exact versions; --locked fails if pyproject.toml changed without `uv lock`).
# --inexact keeps uv itself (bootstrapped with pip above) and the other target's extras in the shared .venv.
# The schema's lint (tools/openapi: @redocly/cli pinned by package-lock.json, installed with npm ci).
REDOCLY := REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true tools/openapi/node_modules/.bin/redocly
SYNC := $(BIN)/uv sync --quiet --locked --inexact --extra local

$(VENV)/.installed: pyproject.toml uv.lock | $(BIN)/uv
	$(SYNC)
	touch $@

$(VENV)/.installed-dev: pyproject.toml uv.lock tools/openapi/package-lock.json | $(BIN)/uv
	$(SYNC) --extra dev
	cd tools/openapi && npm ci --no-audit --no-fund --loglevel=error
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

# make run WEB=2 WORKERS=2: that many web processes behind HAProxy and Celery workers (docs/scaling.md);
# WEB=auto (the default): one web process per core when HAProxy is installed.
WEB ?= auto
WORKERS ?= 1
run: install
	$(BIN)/python -m platform_.launch --web $(WEB) --workers $(WORKERS)

test: install-dev
	$(BIN)/python -m platform_.devservices run $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/openapi-spec-validator docs/openapi.json
	$(REDOCLY) lint docs/openapi.json --config tools/openapi/redocly.yaml

# Loads settings through platform_.settings.offline (pyproject.toml): URLs that point nowhere, no server started.
typecheck: install-dev
	$(BIN)/mypy .

messages: export DJANGO_SETTINGS_MODULE = platform_.settings.offline
messages: install-dev
	$(BIN)/python manage.py makemessages -l zh_Hans -l en --ignore=.venv --ignore=node_modules
	$(BIN)/python manage.py makemessages -d djangojs -l zh_Hans -l en --ignore=.venv --ignore=node_modules --ignore=static/vendor
	$(BIN)/python manage.py compilemessages --ignore=.venv

bench: install-dev
	$(BIN)/python -m platform_.devservices run $(BIN)/python -m bench.run_all $(BENCH_ARGS)

# After an API change (and UPDATE_SCHEMA=1 for docs/openapi.json): the Python client of examples/ (docs/api.md).
client: install-dev
	$(BIN)/openapi-python-client generate --path docs/openapi.json --config examples/openapi-python-client.yaml \
		--meta none --output-path examples/vc_client --overwrite --fail-on-warning

# After changing dependencies in pyproject.toml: re-resolve uv.lock and commit it.
lock: | $(BIN)/uv
	$(BIN)/uv lock

clean-local:
	rm -rf .local
