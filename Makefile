# Two commands for a newcomer: `make run` (set up, then Slack if configured, else the terminal chat) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TORCH_CPU_INDEX ?= https://download.pytorch.org/whl/cpu
EVAL ?=

.PHONY: setup run test lint bench

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# The CPU build of PyTorch first, so nothing pulls the CUDA packages (gigabytes): a wheel already on this
	# machine (pip's find-links, no network; its dependencies come with the project below), else PyTorch's
	# CPU wheel index where it answers, else the plain pin.
	$(BIN)/pip install --quiet --no-index --no-deps torch==2.13.0 \
		|| $(BIN)/pip install --quiet --timeout 10 --retries 1 --index-url $(TORCH_CPU_INDEX) torch==2.13.0 \
		|| $(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)
	bash scripts/setup-system.sh  # Debian's dictionaries and Apertium (Nynorsk, Bokmål lemmas), where apt is available (as root)

run: setup
	$(BIN)/rapportlos start

test: setup
	bash scripts/setup-system.sh --test  # also headless Chromium and its driver for the browser test
	bash scripts/test.sh

lint: setup
	$(BIN)/ruff check .
	$(BIN)/mypy

bench: setup
	$(BIN)/python bench/run.py $(if $(EVAL),--eval $(EVAL))
