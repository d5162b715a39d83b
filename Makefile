# RA-ZON portal. `make run` serves the demo site; `make test` runs the whole suite.
# Both set themselves up: virtual environment, packages, translations, database.

VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
# Development defaults; production sets these in its own environment.
export DEBUG ?= 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run test lint format check-deploy messages setup clean bench cluster cluster-stop faults

$(VENV)/.installed: pyproject.toml
	@PYTHON=$$(bin/find-python) || exit 1; \
	  echo "Using $$PYTHON ($$($$PYTHON --version))"; \
	  [ -x $(PY) ] || $$PYTHON -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet ".[dev]"  # the project is not a package: its dependencies only
	@touch $@

setup: $(VENV)/.installed messages

# Compiled translations are build output (.mo files are not committed).
messages: $(VENV)/.installed
	@if command -v msgfmt >/dev/null; then $(MANAGE) compilemessages --verbosity 0 --ignore=.venv; \
	  else echo "msgfmt not found (apt-get install gettext): pages stay Dutch only." >&2; fi

# The mail worker runs beside the server and stops when it stops (Ctrl-C stops both).
run: setup
	$(MANAGE) migrate --no-input
	$(MANAGE) setup_demo
	$(MANAGE) mail_worker & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(MANAGE) runserver 127.0.0.1:8000

# The suite runs in parallel, one worker per core (pytest-xdist; each worker has its own test
# database and Redis database). The cluster tests start one cluster and the load test measures
# time, so they run in one process.
PYTEST_WORKERS ?= $(if $(or $(findstring cluster,$(PYTEST_ARGS)),$(findstring load,$(PYTEST_ARGS))),0,auto)

test: setup
	$(VENV)/bin/pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS); status=$$?; \
	  if [ $$status -eq 5 ]; then echo "pytest collected no tests: that is a failure." >&2; exit 1; fi; \
	  exit $$status

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(MANAGE) makemigrations --check --dry-run

format: $(VENV)/.installed
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# The deployment checklist with production settings (no DEBUG, a secret, a host, SMTP).
check-deploy: $(VENV)/.installed
	DEBUG=0 SECRET_KEY=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))') \
	  ALLOWED_HOSTS=razon.example.nl EMAIL_HOST=smtp.example.nl $(MANAGE) check --deploy --fail-level WARNING

# The benchmark (bench/run.py; not run by CI): every public page against a bare Django view,
# under gunicorn with production settings (bench.settings: the product's plus the bench app)
# on PostgreSQL and Redis. Installs wrk when missing.
bench: setup
	@command -v wrk >/dev/null || apt-get install -y -qq wrk || \
	  { apt-get update -qq && apt-get install -y -qq wrk; }
	DJANGO_SETTINGS_MODULE=bench.settings $(PY) bench/run.py

# The production set-up on 127.0.0.1 from the files in deploy/ (README "Deploying"): Debian's
# nginx with TLS in front of two gunicorn app servers and the mail worker, on a PostgreSQL and
# a Redis of its own, all in .cluster/. Installs nginx when missing. `make cluster-stop` stops
# exactly the processes it started; `make test PYTEST_ARGS='-m cluster'` tests it.
NGINX := command -v nginx >/dev/null || apt-get install -y -qq nginx-light || \
	  { apt-get update -qq && apt-get install -y -qq nginx-light; }

cluster: setup
	@$(NGINX)
	$(PY) deploy/cluster.py start

cluster-stop:
	$(PY) deploy/cluster.py stop

# Faults, measured (deploy/faults.py, README "Faults"): the cluster under a bounded load while
# PostgreSQL restarts, Redis restarts, an app server is killed and the mail server hangs, about
# 20 s each. Prints a table (also .cluster/faults.md) and fails when a promise is broken.
faults: setup
	@$(NGINX)
	$(PY) deploy/faults.py $(FAULTS_ARGS)

clean:
	rm -rf $(VENV) staticfiles
