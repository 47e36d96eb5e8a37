# The README's commands. `make run` and `make test` set everything up on a fresh machine.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Tests run with debug off, as production does, but over plain HTTP and with a throwaway key.
TEST_ENV := DJANGO_DEBUG=0 DJANGO_HTTPS=0 DJANGO_SECRET_KEY=$${DJANGO_SECRET_KEY:-not-secret-only-for-tests}

.PHONY: run test chromium lint format install install-dev clean bench audit wrk

run: $(VENV)/.installed
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(BIN)/python manage.py migrate --noinput
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(BIN)/python manage.py import_articles
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: $(VENV)/.installed-dev chromium
	$(TEST_ENV) $(BIN)/pytest

# The browser tests drive Debian's Chromium. Install it where it is missing and we may; where we cannot,
# those tests skip with the reason (and fail under CI=true, so CI never skips them).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing Chromium for the browser tests (apt-get install chromium)"; \
	    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; \
	  else \
	    echo "Chromium is missing and cannot be installed here (needs root and apt-get): browser tests will skip."; \
	  fi; }

# Speed (README "## Speed"): gunicorn with 2 workers on a temporary site, debug off, on loopback.
bench: $(VENV)/.installed wrk
	timeout 600 $(BIN)/python -m scripts.bench

audit: $(VENV)/.installed chromium node_modules/.bin/lighthouse
	timeout 900 $(BIN)/python -m scripts.audit

node_modules/.bin/lighthouse: package-lock.json
	npm ci --no-audit --no-fund
	touch $@

wrk:
	@command -v wrk >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing wrk for the benchmark (apt-get install wrk)"; \
	    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk; \
	  else \
	    echo "wrk is missing and cannot be installed here (needs root and apt-get): install it, then make bench."; exit 1; \
	  fi; }

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

$(VENV)/.installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
