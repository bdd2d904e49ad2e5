# Two commands set everything up on a fresh machine with Python 3.11:
#   make report   install the toolkit in .venv and run the main job
#   make test     install the development extra in .venv and run every check
#                 (ruff and mypy, then the tests, doctests and notebooks)

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: report test lint fuzz bench docs clean formulas

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || { $(PYTHON) -m pip install --user virtualenv && $(PYTHON) -m virtualenv $(VENV); }
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@ $(VENV)/.installed

report: $(VENV)/.installed
	$(BIN)/bargaining report

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/mypy

test: lint
	$(BIN)/python -m pytest -n 2 --nbmake tests src notebooks

fuzz: $(VENV)/.installed-dev
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -n 2 tests/test_fuzz*.py

bench: $(VENV)/.installed-dev
	for script in benchmarks/*.py; do $(BIN)/python $$script || exit 1; done

# The formulas as numpy code (src/bargaining/labor/_formula_functions.py), printed from the
# sympy expressions of labor/formulas.py; a test fails until it is rerun after they change.
formulas: $(VENV)/.installed-dev
	$(BIN)/python -m bargaining.labor._generate

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis

docs: $(VENV)/.installed-dev
	$(BIN)/python -m sphinx -W --keep-going -q -b html docs docs/_build/html
