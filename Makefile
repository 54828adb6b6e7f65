# dxhub: `make demo` serves the platform with demo data; `make test` runs every check and the suite.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
# A per-run database name, so that two runs on one server never share a test database.
PG_URL ?= postgres://postgres@127.0.0.1:5432/dxhub_run$(shell echo $$$$)
APT_PACKAGES := chromium fonts-noto-cjk gettext libpango-1.0-0 libpangoft2-1.0-0
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo test check pytest pytest-pg pgvector system-deps messages serve lock clean

$(VENV)/.installed: requirements.lock pyproject.toml
	@PYTHON=$$(scripts/find-python.sh) || exit 1; \
	  [ -x $(PY) ] || $$PYTHON -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

# Debian packages: the browser and Korean fonts for tests, screenshots and PDFs; gettext for catalogues.
system-deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing: $$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q $$missing >/dev/null; \
	fi

# pgvector for the PostgreSQL server on this machine (match vectors in the database: docs/decisions/0005-pgvector.md).
# Built from Debian trixie's source package; a no-op once installed.
pgvector:
	@scripts/pgvector.sh

# Run by the targets below only when their database is PostgreSQL and its server runs on this machine.
PGVECTOR_IF_LOCAL_PG = case "$$url" in postgres*) if ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then $(MAKE) -s pgvector; fi;; esac

messages: $(VENV)/.installed
	@command -v msgfmt >/dev/null || $(MAKE) system-deps
	cd dxhub && ../$(PY) ../manage.py compilemessages -v 0

demo: $(VENV)/.installed messages
	@mkdir -p var
	@url=$$DATABASE_URL; $(PGVECTOR_IF_LOCAL_PG)
	$(MANAGE) migrate -v 0
	$(MANAGE) load_reference
	$(MANAGE) demo --seed 2026
	$(MANAGE) matching rebuild
	$(MANAGE) collectstatic --noinput -v 0
	$(MAKE) serve

# gunicorn serves the pages; the task worker beside it refreshes matches after every save, and
# `periodic` sends event reminders hourly and the notification digest daily.
serve:
	@echo "dxhub: http://$(HOST):$(PORT)"
	@mkdir -p var
	@$(MANAGE) db_worker --queue-name default --interval 1 > var/worker.log 2>&1 & worker=$$!; \
	  $(MANAGE) periodic > var/periodic.log 2>&1 & periodic=$$!; \
	  trap "kill $$worker $$periodic 2>/dev/null" EXIT INT TERM; \
	  $(VENV)/bin/gunicorn dxhub.wsgi --worker-class gthread --workers 2 --threads 4 --bind $(HOST):$(PORT) --access-logfile -

check: $(VENV)/.installed messages
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy --strict matching matching_lab optimize
	$(VENV)/bin/mypy dxhub
	$(VENV)/bin/lint-imports
	$(MANAGE) check --fail-level WARNING
	$(MANAGE) makemigrations --check --dry-run

pytest: $(VENV)/.installed messages
	$(VENV)/bin/pytest

# PostgreSQL runs whenever DATABASE_URL is set or a server answers on 127.0.0.1:5432.
pytest-pg: $(VENV)/.installed messages
	@if [ -n "$$DATABASE_URL" ]; then url=$$DATABASE_URL; \
	elif $(PY) -c "import socket; socket.create_connection(('127.0.0.1', 5432), 2)" 2>/dev/null; then url=$(PG_URL); \
	else echo "PostgreSQL: no DATABASE_URL and nothing on 127.0.0.1:5432, not run"; exit 0; fi; \
	$(PGVECTOR_IF_LOCAL_PG) || exit 1; \
	echo "pytest on PostgreSQL"; DATABASE_URL=$$url $(VENV)/bin/pytest

test: system-deps $(VENV)/.installed check pytest pytest-pg

lock: $(VENV)/.installed
	$(PY) -m pip freeze --all --exclude-editable | grep -v "^pip==" | sed '1i # The one place where every dependency is pinned (direct and transitive). Regenerate with `make lock`.' > requirements.lock

clean:
	rm -rf $(VENV) staticfiles *.sqlite3
