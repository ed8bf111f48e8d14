# Two commands on a fresh machine: `make run` (the whole suite with demo data) and `make test` (every test).
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.instalado

.PHONY: run test bench clean

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	@touch $(STAMP)

run: $(STAMP)
	$(PY) -m deploy.runner

test: $(STAMP)
	$(PY) -m pytest -p no:cacheprovider $(PYTEST_ARGS)

clean:
	rm -rf var
