# The two commands of the README: `make serve` and `make test`. Each sets up what it needs on a fresh machine.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test lint check gaps schema offline bench clean boundaries

$(BIN)/.installed: requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $@

serve: $(BIN)/.installed  ## install, then serve the site with live reload on http://127.0.0.1:8000 (an event edit rebuilds only its pages)
	$(BIN)/mkdocs serve --dirty

build: $(BIN)/.installed  ## build the site into site/ (strict)
	$(BIN)/mkdocs build --strict

check: $(BIN)/.installed  ## check data/ and print every problem
	$(BIN)/python -m macros check

gaps: $(BIN)/.installed  ## list what valid data still lacks (an editor's to-do list; never fails on a gap)
	$(BIN)/python -m macros gaps

schema: $(BIN)/.installed  ## regenerate schema/*.schema.json from macros/schema.py
	$(BIN)/python -m macros schema

boundaries: $(BIN)/.installed  ## rewrite data/boundaries.geojson from Natural Earth (npm: world-atlas), then check
	$(BIN)/python scripts/boundaries.py
	$(BIN)/python -m macros check

offline: $(BIN)/.installed  ## build the offline edition strictly and pack it as dist/explainer-offline.zip
	PYTHON=$(BIN)/python scripts/build-offline

lint: $(BIN)/.installed
	$(BIN)/ruff check macros tests scripts benchmarks devtools
	$(BIN)/mypy

test: $(BIN)/.installed lint  ## install everything (Chromium included), lint, then run every test
	scripts/ensure-chromium
	$(BIN)/python -m pytest

clean:
	rm -rf site site-offline dist .pytest_cache .mypy_cache .ruff_cache

bench: $(BIN)/.installed  ## benchmark: 5,000 and 1,000 synthetic events vs plain MkDocs; HUGE=20000 adds 20,000 (README "Performance")
	$(BIN)/python -m benchmarks.run --events 5000 --small 1000 --runs 3 $(if $(HUGE),--huge $(HUGE))
