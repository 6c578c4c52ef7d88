# nnpress: `make site` builds the example site, `make test` runs every test,
# `make serve` previews with live reload. Each sets up what it needs first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
CHROMIUM ?= /usr/bin/chromium
BASE_URL ?= /

.PHONY: site serve test lint bench setup test-setup chromium clean

site: setup
	$(PY) build.py build --base-url "$(BASE_URL)"

serve: setup
	$(PY) build.py serve

test: test-setup chromium
	$(PY) -m ruff check .
	$(PY) -m pytest

lint: test-setup
	$(PY) -m ruff check .

bench: test-setup chromium
	$(PY) -m pip install --quiet -e '.[bench]'
	$(PY) bench/boot.py
	$(PY) bench/build_speed.py
	$(PY) bench/bad_input.py
	$(PY) bench/widgets.py
	$(PY) bench/playground.py
	$(PY) bench/offline_edition.py
	$(PY) bench/live_cells.py
	$(PY) bench/axe_report.py
	$(PY) bench/phone_check.py

setup: $(VENV)/.installed node_modules/.package-lock.json

test-setup: $(VENV)/.installed-test node_modules/.package-lock.json

$(VENV)/.installed: pyproject.toml
	@# Checkouts from before pysrc/sitegen kept an egg-info at the top, which shadows
	@# the installed package's metadata for code run from here.
	rm -rf nnpress.egg-info
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

# The browser runtime, pinned in package-lock.json (pyodide 0.27.7).
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# Browser tests drive a real Chromium: Debian's, unless $$CHROMIUM names another.
chromium:
	@if [ ! -x "$(CHROMIUM)" ]; then \
	  echo "installing Chromium from apt"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium; \
	fi
	@# pdftotext reads the printed post back in the print test
	@if ! command -v pdftotext >/dev/null; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq poppler-utils; \
	fi

clean:
	rm -rf build .build.staging .build.old
