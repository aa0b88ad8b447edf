# The README's commands. Everything a fresh machine needs is installed from here.
PYTHON ?= python3
VENV ?= .venv
SYNAPSE_VENV ?= .venv-synapse
SYNAPSE_VERSION ?= 1.163.2
BIN := $(VENV)/bin
DEMO_DB ?= sqlite:///var/demo.db

.PHONY: demo test lint bench install synapse postgres clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $@

# The Matrix tests talk to a real Synapse homeserver, kept in its own virtual environment
# (it pins its own Twisted, pydantic and cryptography).
synapse: $(SYNAPSE_VENV)/.installed

$(SYNAPSE_VENV)/.installed:
	$(PYTHON) -m venv $(SYNAPSE_VENV)
	$(SYNAPSE_VENV)/bin/pip install -q --upgrade pip
	$(SYNAPSE_VENV)/bin/pip install -q 'matrix-synapse==$(SYNAPSE_VERSION)'
	touch $@

demo: install
	@rm -f var/demo.db var/demo.db-wal var/demo.db-shm
	BRIEFBOT_DATABASE_URL=$(DEMO_DB) $(BIN)/briefbot ingest
	@echo
	BRIEFBOT_DATABASE_URL=$(DEMO_DB) $(BIN)/briefbot brief donbass
	@echo
	BRIEFBOT_DATABASE_URL=$(DEMO_DB) $(BIN)/briefbot digest

# The store tests also run against a real PostgreSQL server, which the suite itself starts
# (initdb into a temp dir, a free port on 127.0.0.1) and stops; here it is only installed.
postgres:
	@if command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then \
		:; \
	else \
		apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql; \
	fi

test: install synapse postgres
	BRIEFBOT_SYNAPSE_VENV=$(abspath $(SYNAPSE_VENV)) $(BIN)/python -m pytest
	$(MAKE) lint

lint: install
	$(BIN)/ruff check briefings bot tests benchmarks
	$(BIN)/ruff format --check briefings bot tests benchmarks
	$(BIN)/mypy

bench: install
	$(BIN)/python -m benchmarks.run

clean:
	rm -rf $(VENV) $(SYNAPSE_VENV) var .pytest_cache .mypy_cache .ruff_cache
