# The two commands of the README: `make serve` and `make test`. Each sets up what it needs on a fresh machine.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test lint check gaps schema offline bench clean boundaries new

# Where $(PYTHON) has pip, the venv is made without its own (half a second, where ensurepip takes several) and
# that pip installs into it; otherwise the venv brings its own pip. The locks are complete (--no-deps: nothing
# to resolve), and modules are compiled when first imported.
PIP = $$(if [ -x $(BIN)/pip ]; then echo $(BIN)/python -m pip; else echo $(PYTHON) -m pip --python $(BIN)/python; fi) \
	install --quiet --disable-pip-version-check --no-compile --no-deps

# The site's lock only (MkDocs, Material, the check): what serve, build, check and the pre-commit hook need.
$(BIN)/.installed: requirements.lock
	@if $(PYTHON) -m pip --version >/dev/null 2>&1; then $(PYTHON) -m venv --without-pip $(VENV); \
	else $(PYTHON) -m venv $(VENV); fi
	@echo "installing requirements.lock into $(VENV)"; $(PIP) -r requirements.lock
	touch $@

# Tests and linting on top (pytest, Playwright, ruff, mypy, pre-commit): only for `make test` and `make lint`.
$(BIN)/.installed-dev: $(BIN)/.installed requirements-dev.lock
	@echo "installing requirements-dev.lock into $(VENV)"; $(PIP) -r requirements-dev.lock
	touch $@

SERVE_ADDR ?= 127.0.0.1:8000
serve: $(BIN)/.installed  ## install the site's lock, then serve it with live reload on http://127.0.0.1:8000 (an event edit rebuilds only its pages)
	$(BIN)/mkdocs serve --dirty -a $(SERVE_ADDR)

build: $(BIN)/.installed  ## build the site into site/ (strict)
	$(BIN)/mkdocs build --strict

check: $(BIN)/.installed  ## check data/ and print every problem
	$(BIN)/python -m macros check

gaps: $(BIN)/.installed  ## list what valid data still lacks (an editor's to-do list; never fails on a gap)
	$(BIN)/python -m macros gaps

new: $(BIN)/.installed  ## a new explainer in DIR: make new DIR=../my-explainer [NAME="Site name"]
	@test -n "$(DIR)" || { echo "name the new explainer's folder: make new DIR=../my-explainer"; exit 2; }
	$(BIN)/python -m macros new "$(DIR)" $(if $(NAME),--name "$(NAME)")

schema: $(BIN)/.installed  ## regenerate schema/*.schema.json from macros/schema.py
	$(BIN)/python -m macros schema

boundaries: $(BIN)/.installed  ## rewrite data/boundaries.geojson from Natural Earth (npm: world-atlas), then check
	$(BIN)/python scripts/boundaries.py
	$(BIN)/python -m macros check

offline: $(BIN)/.installed  ## build the offline edition strictly and pack it as dist/explainer-offline.zip
	PYTHON=$(BIN)/python scripts/build-offline

lint: $(BIN)/.installed-dev
	$(BIN)/ruff check macros tests scripts benchmarks devtools
	$(BIN)/mypy

test: $(BIN)/.installed-dev lint  ## install everything (Chromium included), lint, then run every test
	scripts/ensure-chromium
	$(BIN)/python -m pytest

clean:
	rm -rf site site-offline dist .pytest_cache .mypy_cache .ruff_cache

bench: $(BIN)/.installed-dev  ## benchmark: 5,000 and 1,000 synthetic events vs plain MkDocs; HUGE=20000 adds 20,000 (README "Performance")
	$(BIN)/python -m benchmarks.run --events 5000 --small 1000 --runs 3 $(if $(HUGE),--huge $(HUGE))
