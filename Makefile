# Two commands on a fresh machine: `make run` (the whole suite with demo data) and `make test` (every test).
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.instalado

.PHONY: run run-dms test bench clean

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	@touch $(STAMP)

run: $(STAMP)
	$(PY) -m deploy.runner

# The same, with a local Mayan EDMS as document-management system (installed once under ~/.cache/cti-mayan).
run-dms: $(STAMP)
	$(PY) -m deploy.con_dms

test: $(STAMP)
	$(PY) -m pytest -p no:cacheprovider $(PYTEST_ARGS)

# Benchmarks (issue "Performance"), never part of `make test`: writes bench/report.json and bench/RESUMEN.md.
# BENCH_ARGS=--rapido for a quick pass with small sizes.
bench: $(STAMP)
	$(PY) -m pip install -q -e '.[bench]'
	$(PY) -m bench $(BENCH_ARGS)

clean:
	rm -rf var
