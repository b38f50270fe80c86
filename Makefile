# Two commands do everything on a fresh machine: `make serve` and `make test`.
# Each one creates the virtual environment first when it is missing or stale.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: serve test lint bench eval eval-dev train install clean

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

# The coach's model: trained from ../shared/corpus (may_train items only) and
# bot/coach/learn/data, written to bot/coach/learn/coach-model.json.
train: $(STAMP)
	$(BIN)/python -m bot.coach.learn.train

# Held-out figures: each source of the corpus scored by a model trained without it,
# each persona of the drafts likewise; fails below the floors (README, "How the coach decides").
# Floors a little under the figures measured on 2026-12-01, third round (README, "Measured").
EVAL_FLOORS ?= --min mean_vague_commitment=0.66 --min mean_hard_no=0.40 \
  --min mean_promise=0.55 --min mean_specific_due=0.60 --min drafts_macro=0.74 \
  --min pooled_vague_commitment=0.75 --min pooled_hard_no=0.53 --min pooled_promise=0.70 \
  --min pooled_specific_due=0.60 \
  --min airline_vague_commitment=0.79 --min airline_promise=0.78 --min airline_hard_no=0.55 \
  --min brand_vague_commitment=0.72 --min brand_promise=0.73 --min brand_hard_no=0.55
eval: $(STAMP)
	$(BIN)/python -m bot.coach.learn.evaluate $(EVAL_FLOORS)

# The shared scorer on the small development set, with the shipped model.
eval-dev: $(STAMP)
	$(BIN)/python ../shared/evalset/eval.py --python $(BIN)/python

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
