# Two commands do everything on a fresh machine: `make serve` and `make test`.
# Each one creates the virtual environment first when it is missing or stale.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: serve test lint bench eval install clean

$(STAMP): pyproject.toml
	@command -v $(PY) >/dev/null 2>&1 || { echo "Python 3.11 is needed (set PY=...)"; exit 1; }
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

serve: $(STAMP)
	$(BIN)/python app.py serve

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy app.py bot
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy app.py bot

bench: $(STAMP)
	$(BIN)/python -m benchmarks

eval: $(STAMP)
	$(BIN)/python ../shared/evalset/eval.py --python $(BIN)/python \
	  --min vague_commitment=0.90 --min hard_no=0.85 --min promise=0.85 --min specific_due=0.90

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
