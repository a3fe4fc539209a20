# Two commands do everything: `make run` and `make test` (README). Re-running them is fast when nothing changed:
# the venv install is redone only when pyproject.toml changes, the gazetteer cache only when the CSV changes.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
PORT ?= 8501

.PHONY: run test prepare browser lint bench clean

$(PY):
	$(PYTHON) -m venv $(VENV)

$(INSTALLED): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check -e ".[dev,build,dask,train]"
	touch $(INSTALLED)

# Gazetteer index cache and the map's JavaScript/CSS served from ./static (no CDN at run time).
prepare: $(INSTALLED)
	$(PY) -m geomap prepare

# Debian's Chromium for the browser tests (Playwright's own browser download does not work offline).
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  echo "installing Debian chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	fi

run: prepare
	$(VENV)/bin/streamlit run app.py --server.port $(PORT) --server.address 127.0.0.1 --server.headless true

test: prepare browser
	$(PY) -m pytest -q

lint: $(INSTALLED)
	$(VENV)/bin/ruff check .

bench: prepare
	for b in benchmarks/bench_*.py; do $(PY) $$b || exit 1; done

clean:
	rm -rf $(VENV) data/cache static/vendor
