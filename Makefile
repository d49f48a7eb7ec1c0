# The two commands of the quick start: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
TODAY ?=

.PHONY: demo test install dev browser cms libreoffice lint typecheck bench clean site docs docs-figures screenshots

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.dev-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed

dev: $(VENV)/.dev-installed

## demo: install into .venv and check the bundled register (findings are expected: exit 1 is fine)
demo: install
	@echo "== partnerfw classify (the bundled register of Thamesbridge Borough Council)"
	@$(BIN)/partnerfw classify
	@echo
	@echo "== partnerfw check"
	@$(BIN)/partnerfw check $(if $(TODAY),--today $(TODAY)); status=$$?; \
	  if [ $$status -gt 1 ]; then exit $$status; fi
	@echo
	@echo "The register is in register/, the policy in partnerfw.yaml."
	@echo "Try: $(BIN)/partnerfw check --format json   or   $(BIN)/partnerfw rules"
	@echo
	@echo "== partnerfw build (the register website and its open data)"
	@$(BIN)/partnerfw build --out site $(if $(TODAY),--today $(TODAY))
	@echo "The site is in $(CURDIR)/site/ (open site/index.html)."

## site: build the register website and open data into site/ (what CI publishes to GitHub Pages)
site: install
	$(BIN)/partnerfw build --out site $(if $(TODAY),--today $(TODAY))

## browser: Debian's chromium for the page tests (skipped with a notice where it cannot be installed)
browser:
	@if [ -x /usr/bin/chromium ]; then echo "chromium: $$(/usr/bin/chromium --version 2>/dev/null)"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	    || echo "WARNING: could not install chromium: browser tests will be skipped"; \
	elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then \
	  (sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	    || echo "WARNING: could not install chromium: browser tests will be skipped"; \
	else echo "WARNING: chromium is not installed and cannot be installed here: browser tests will be skipped"; fi

## cms: the browser editor's npm packages (Decap CMS, decap-server), exactly as package-lock.json
## pins them, into node_modules/ (Node.js and npm from Debian where they are missing)
cms: node_modules/.package-lock.json

node_modules/.package-lock.json: package.json package-lock.json
	@if ! command -v npm >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null) || true; \
	  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then \
	    (sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null) || true; \
	  fi; \
	fi
	@if command -v npm >/dev/null; then \
	  echo "npm ci: Decap CMS and decap-server from package-lock.json"; \
	  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "WARNING: npm is not installed and cannot be installed here: the browser editor's test will be skipped"; fi

## libreoffice: Debian's LibreOffice Writer, which the Word paper tests convert to PDF (skipped with a notice where it cannot be installed)
libreoffice:
	@if command -v soffice >/dev/null; then echo "libreoffice: $$(soffice --version 2>/dev/null | head -n 1)"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-writer-nogui fonts-liberation2 >/dev/null) \
	    || echo "WARNING: could not install LibreOffice: the Word paper layout tests will be skipped"; \
	elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then \
	  (sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-writer-nogui fonts-liberation2 >/dev/null) \
	    || echo "WARNING: could not install LibreOffice: the Word paper layout tests will be skipped"; \
	else echo "WARNING: LibreOffice is not installed and cannot be installed here: the Word paper layout tests will be skipped"; fi

## test: install the dev tools, the browser, the browser editor's npm packages and LibreOffice, then run the whole suite
test: dev browser cms libreoffice
	$(BIN)/python -m pytest

lint: dev
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/lint-imports

typecheck: dev
	$(BIN)/mypy

## docs: build the documentation site into site-docs/ (mkdocs, Material theme; fails on any warning)
docs: dev
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --site-dir site-docs
	@echo "The documentation is in $(CURDIR)/site-docs/ (open site-docs/index.html)."

## docs-figures: rewrite docs/generated/ (the command reference and the bundled register's figures)
docs-figures: dev
	$(BIN)/python docs/figures.py

## screenshots: photograph the bundled register's site at 1280 and 390 px into docs/screenshots/
screenshots: dev browser
	$(BIN)/python docs/screenshots.py

## bench: issue 17's goals in one run (benchmarks/bench_goals.py), then the detailed benchmarks
bench: install
	-$(BIN)/python benchmarks/bench_goals.py
	-$(BIN)/python benchmarks/bench_check.py
	-$(BIN)/python benchmarks/bench_build.py
	-$(BIN)/python benchmarks/bench_history.py

clean:
	rm -rf $(VENV) build dist site site-docs .pytest_cache node_modules
