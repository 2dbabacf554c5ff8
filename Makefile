# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
# make run, test, bench and eval keep their own settings even after make serve wrote .env (config/env_file.py).
NO_ENV_FILE := DJANGO_ENV_FILE=
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run serve test lint bench eval install lock clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

# Every package at the version and with the file hashes the lock names: nothing else gets installed.
$(VENV)/.installed: $(BIN)/activate requirements-dev.lock
	$(BIN)/pip install --quiet --require-hashes -r requirements-dev.lock
	touch $@

install: $(VENV)/.installed

# After editing requirements.txt or requirements-dev.txt, pin what they need with every file's hash, for
# Python 3.11 and up on any platform (docs/dependencies.md). Pins already in the lock are kept where they
# still fit; `make lock LOCK_ARGS="--upgrade-package NAME"` moves one package on.
LOCK_ARGS ?=
UV_COMPILE := $(BIN)/uv pip compile --quiet --universal --python-version 3.11 --generate-hashes \
	--custom-compile-command "make lock" $(LOCK_ARGS)
lock: install
	$(UV_COMPILE) requirements-dev.txt -o requirements-dev.lock
	$(UV_COMPILE) requirements.txt -c requirements-dev.lock -o requirements.lock

run: install
	$(NO_ENV_FILE) $(MANAGE) migrate --no-input
	$(NO_ENV_FILE) $(MANAGE) load_demo_content
	$(NO_ENV_FILE) $(MANAGE) create_demo_logins
	$(NO_ENV_FILE) $(MANAGE) runserver $(HOST):$(PORT)

# The same site served the production way: Varnish on :$(SERVE_PORT), gunicorn, the task worker (docs/deploy.md).
SERVE_PORT := $(if $(filter environment command,$(origin PORT)),$(PORT),8080)
serve: install
	PORT=$(SERVE_PORT) deploy/serve

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Two pytest-xdist workers, one per core of CI's machine (TEST_WORKERS=0 runs the suite in one process).
TEST_WORKERS ?= 2
test: lint
	$(NO_ENV_FILE) DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) check
	$(NO_ENV_FILE) $(BIN)/pytest -m "not benchmark and not eval" -n $(TEST_WORKERS)

bench: install
	$(NO_ENV_FILE) $(BIN)/pytest -m benchmark -s -p no:randomly

# Search and auto-link quality with the real NCI dictionary (../shared) published beside the demo content:
# on SQLite, then on this machine's PostgreSQL when it answers (docs/evaluation.md).
EVAL_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/eval
eval: install
	env -u DATABASE_URL $(NO_ENV_FILE) $(BIN)/pytest -m eval -s -p no:randomly -q
	@if command -v pg_isready >/dev/null && pg_isready -h 127.0.0.1 -p 5432 -q; then \
		DATABASE_URL=$(EVAL_DATABASE_URL) $(NO_ENV_FILE) $(BIN)/pytest -m eval -s -p no:randomly -q; \
	else echo "PostgreSQL is not answering on 127.0.0.1:5432; evaluated on SQLite only"; fi

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles
