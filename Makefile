# The README's commands. `make run` and `make test` set everything up on a fresh machine.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Tests run with debug off, as production does, but over plain HTTP and with a throwaway key.
TEST_ENV := DJANGO_DEBUG=0 DJANGO_HTTPS=0 DJANGO_SECRET_KEY=$${DJANGO_SECRET_KEY:-not-secret-only-for-tests}

.PHONY: run test test-fast messages chromium html-checker nginx edge lint format install install-dev clean loadtest wrk bench audit

run: $(VENV)/.installed messages
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(BIN)/python manage.py migrate --noinput
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(BIN)/python manage.py setup_roles
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(BIN)/python manage.py import_articles
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(BIN)/python manage.py import_glossary
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(BIN)/python manage.py import_medical_words
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: $(VENV)/.installed-dev messages chromium html-checker nginx
	$(TEST_ENV) $(BIN)/pytest

# Everything but the tests marked slow (gunicorn, other processes, Java, migrations) or browser: a minute at
# most on a 2-core machine (README "## Tests").
test-fast: $(VENV)/.installed-dev messages
	$(TEST_ENV) $(BIN)/pytest -m "not slow and not browser"

# $(call apt-install,COMMAND,PACKAGES,PURPOSE,OTHERWISE): install Debian PACKAGES where COMMAND is missing
# and we may (root with apt-get); where we cannot, say so and what happens OTHERWISE. No commas in arguments.
apt-install = command -v $(1) >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing $(2) for $(3) (apt-get install $(2))"; \
	    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $(2); \
	  else \
	    echo "$(1) is missing and cannot be installed here (needs root and apt-get): $(4)"; \
	  fi; }

# The translations (README "## Languages"): the committed .po catalogues compiled into the .mo files Django
# reads, with GNU gettext's msgfmt. Without it the site still runs, in English only.
messages: $(VENV)/.installed
	@$(call apt-install,msgfmt,gettext,the translations,pages in other languages will show English text.)
	@if command -v msgfmt >/dev/null 2>&1; then \
	  DJANGO_DEBUG=1 $(BIN)/python manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0; fi

# The browser tests drive Debian's Chromium. Where it cannot be had, those tests skip with the reason (and
# fail under CI=true, so CI never skips them).
chromium:
	@$(call apt-install,chromium,chromium,the browser tests,the browser tests will skip.)

# The deploy tests, `make edge` and `make bench` run Debian's nginx with the site's own configuration (deploy/).
# Where it cannot be had, the deploy tests skip with the reason (and fail under CI=true).
nginx:
	@$(call apt-install,nginx,nginx,the deploy tests and make edge,the deploy tests will skip.)

# The production shape on loopback (README "## Deploying"): gunicorn with 2 workers behind nginx at
# http://127.0.0.1:$(PORT)/, debug off, plain HTTP; Ctrl-C stops both.
edge: $(VENV)/.installed messages nginx
	$(BIN)/python -m scripts.edge --port $(PORT)

# Speed (README "## Speed"): nginx and gunicorn (2 workers) on a temporary site, debug off, on loopback.
bench: $(VENV)/.installed messages wrk nginx
	timeout 600 $(BIN)/python -m scripts.bench

audit: $(VENV)/.installed messages chromium node_modules/.bin/lighthouse
	timeout 900 $(BIN)/python -m scripts.audit

node_modules/.bin/lighthouse: package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# A mixed load (article reads, searches, count checks) on gunicorn with 2 workers for DURATION seconds
# (default 60): prints requests/s and p99 latency, fails on any error answer or socket error.
DURATION ?= 60
loadtest: $(VENV)/.installed wrk
	DURATION=$(DURATION) PYTHON=$(BIN)/python timeout $$(( $(DURATION) + 180 )) loadtest/run.sh

# The load generator of make loadtest and make bench is Debian's wrk.
wrk:
	@$(call apt-install,wrk,wrk curl,the load test and the benchmark,install wrk and try again.)
	@command -v wrk >/dev/null 2>&1

# The HTML-validity tests run the Nu HTML Checker (npm vnu-jar) with Java. `npm ci` again only when
# node_modules is missing or package-lock.json changed since. Java is installed as Chromium is. Where either
# cannot be had, those tests skip with the reason (and fail under CI=true).
html-checker:
	@if [ ! -f node_modules/vnu-jar/build/dist/vnu.jar ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then \
	  if command -v npm >/dev/null 2>&1; then \
	    npm ci --omit=dev --no-audit --no-fund || echo "npm ci failed: the HTML-validity tests will skip."; \
	  else \
	    echo "npm is missing: the HTML-validity tests will skip (install Node.js and npm to run them)."; \
	  fi; fi
	@$(call apt-install,java,default-jre-headless,the HTML-validity tests,those tests will skip.)

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
