# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEV_ENV := DEBUG=true
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test test-fast check bench bench-postgres clean messages catalogues

## Serve the app with demo data on http://127.0.0.1:8000 (SQLite in var/).
run: $(VENV)/.installed messages
	$(DEV_ENV) $(BIN)/netcompanion migrate --noinput
	$(DEV_ENV) $(BIN)/netcompanion demo
	$(DEV_ENV) $(BIN)/netcompanion runserver 127.0.0.1:8000

# pytest-xdist: one worker per core, each with its own test database, live server and browser; tests are handed
# out in collection order, so on each worker the transactional (browser) tests still run after the others.
PARALLEL := -n auto --dist load

## Run the whole test suite, browser tests included, on every core (installs Debian's Chromium and poppler if missing).
test: $(VENV)/.installed-test node_modules/.installed /usr/bin/chromium /usr/bin/pdftoppm messages
	$(BIN)/pytest $(PARALLEL)

## The suite without the browser tests, the quick lane while working (CI still runs `make test`).
test-fast: $(VENV)/.installed-test node_modules/.installed /usr/bin/pdftoppm messages
	$(BIN)/pytest $(PARALLEL) -m "not browser"

## The linter (ruff, [tool.ruff] in pyproject.toml), the declared layers (import-linter, [tool.importlinter])
## and the types of the engines and every app's services.py (mypy with django-stubs); CI runs it before the suites.
ENGINES = $(shell $(BIN)/python -c 'import tomllib; contracts = tomllib.load(open("pyproject.toml", "rb"))["tool"]["importlinter"]["contracts"]; print(*next(c for c in contracts if c["id"] == "engines")["source_modules"])')
SERVICES = $(subst /,.,$(basename $(wildcard netcompanion/*/services.py)))
check: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/mypy $(addprefix -p ,$(ENGINES)) $(addprefix -m ,$(SERVICES))

## Print the benchmarks: search latency and quality, navigator throughput, the alert load of the demo year, chart pages cold and
## cached, and a whole NET centre on SQLite (10,000 patients with a year of diaries and its alert load, about 9 minutes;
## CENTRE="--patients 200 --days 60" for a smoke run).
CENTRE ?=
bench: $(VENV)/.installed-test
	$(BIN)/python bench/search_latency.py
	$(BIN)/python bench/search_quality.py
	$(BIN)/python bench/triage_throughput.py
	$(BIN)/python bench/alert_load.py
	$(BIN)/python bench/log_a_day.py
	$(BIN)/python bench/chart_pages.py
	$(BIN)/python bench/centre_scale.py $(CENTRE)

## The centre benchmark on a throwaway PostgreSQL server on 127.0.0.1 (about 10 minutes).
bench-postgres: $(VENV)/.installed-test
	bench/with_postgres.sh $(CENTRE)

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Translations: each locale/<lang>/LC_MESSAGES/django.po beside an app or engine is compiled to the .mo Django reads
# (built, not kept in git). `make catalogues` gathers new marked strings into every catalogue of LANG_CODE.
PO_FILES := $(wildcard netcompanion/locale/*/LC_MESSAGES/*.po netcompanion/*/locale/*/LC_MESSAGES/*.po)
messages: $(PO_FILES:.po=.mo)

%.mo: %.po /usr/bin/msgfmt
	msgfmt --check-format -o $@ $<

# Run from netcompanion/, makemessages files each string in the locale/ nearest to the file that marks it.
LANG_CODE ?= sv
catalogues: $(VENV)/.installed /usr/bin/msgfmt
	for domain in django djangojs; do (cd netcompanion && DJANGO_SETTINGS_MODULE= $(CURDIR)/$(BIN)/django-admin \
	  makemessages --domain $$domain --locale $(LANG_CODE) --no-obsolete --ignore 'tests/*' --ignore 'migrations/*') \
	  || exit 1; done

/usr/bin/msgfmt:
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends gettext

/usr/bin/chromium:
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium

# pdftoppm and pdftotext: the PDF tests turn documents into pictures and text.
/usr/bin/pdftoppm:
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends poppler-utils

clean:
	rm -rf $(VENV) node_modules var staticfiles
