# cocon: `make run` starts the platform with its demonstration council; `make test` runs every test.
VENV ?= .venv
PY := $(VENV)/bin/python
COCON := $(VENV)/bin/cocon
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: install run test test-fast messages translations lint clean

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	# the CPU build of torch first, so that nothing pulls a CUDA build of several GB
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

translations: $(STAMP)
	$(PY) -m webapp.translations compile

messages: $(STAMP)  ## after changing strings: extract and merge the catalogues
	$(PY) -m webapp.translations update

run: translations
	$(COCON) db upgrade
	$(COCON) demo
	$(COCON) ingest
	$(COCON) serve --host $(HOST) --port $(PORT)

test: translations
	$(PY) -m pytest $(PYTEST_ARGS)

test-fast: translations  ## everything but the browser tests
	$(PY) -m pytest -m "not browser" $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) instance .pytest_cache
